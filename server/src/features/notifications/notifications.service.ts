/**
 * The one notification mechanism: areas call `notifyMembers` after (or inside) the write that caused
 * it; the bell reads `countOwnUnreadNotifications`. Nobody is told about their own act, and nobody
 * hears from a member they blocked.
 */
import { z } from 'zod';
import type { NotificationKind, NotificationList } from '@kindred/common/notifications';
import type { Database } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursors.ts';
import { findHandlesByIds } from '../accounts/accounts.service.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import { findBlockedIds, findWhoBlocked } from '../safety/safety.blocks.ts';
import { presentNotification } from './notifications.presenters.ts';
import {
  countUnreadNotificationsOf,
  insertNotifications,
  listNotificationsOf,
  markNotificationsReadOf,
} from './notifications.queries.ts';

const PAGE_SIZE = 30;
const cursorSchema = z.object({ at: z.iso.datetime({ offset: true }), id: z.uuid() });

export type Notice = {
  recipientId: string;
  kind: NotificationKind;
  /** Who caused it; null for the site itself (a moderator's warning is from "the moderators"). */
  actorId: string | null;
  isActorAnonymous?: boolean;
  subjectTitle?: string | null;
  message?: string | null;
  link: string;
};

/** Writes notifications, leaving out the actor themself and recipients who blocked the actor. */
export async function notifyMembers(ctx: ServiceContext, notices: readonly Notice[], db: Database = ctx.db) {
  const byActor = new Map<string | null, Notice[]>();
  for (const notice of notices) {
    if (notice.actorId !== null && notice.recipientId === notice.actorId) continue;
    byActor.set(notice.actorId, [...(byActor.get(notice.actorId) ?? []), notice]);
  }
  for (const [actorId, group] of byActor) {
    const blockers = actorId
      ? await findWhoBlocked(
          ctx,
          actorId,
          group.map((notice) => notice.recipientId),
          db,
        )
      : new Set();
    await insertNotifications(
      db,
      group
        .filter((notice) => !blockers.has(notice.recipientId))
        .map((notice) => ({
          recipientId: notice.recipientId,
          kind: notice.kind,
          actorId: notice.actorId,
          isActorAnonymous: notice.isActorAnonymous ?? false,
          subjectTitle: notice.subjectTitle ?? null,
          message: notice.message ?? null,
          link: notice.link,
        })),
    );
  }
}

/** My notifications, newest first, with the unread count for the bell. */
export async function listOwnNotifications(
  ctx: ServiceContext,
  auth: Auth,
  cursor: string | undefined,
): Promise<NotificationList> {
  const blockedIds = await findBlockedIds(ctx, auth.user.id);
  const rows = await listNotificationsOf(ctx.db, auth.user.id, {
    blockedIds,
    after: decodeCursor(cursorSchema, cursor),
    limit: PAGE_SIZE + 1,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const handles = await findHandlesByIds(
    ctx,
    page.flatMap((row) => (row.actorId && !row.isActorAnonymous ? [row.actorId] : [])),
  );
  const last = page.at(-1);
  return {
    notifications: page.map((row) => presentNotification(row, handles)),
    nextCursor:
      rows.length > PAGE_SIZE && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
    unreadCount: await countUnreadNotificationsOf(ctx.db, auth.user.id, blockedIds),
  };
}

/** How many of my notifications are unread (the bell). */
export async function countOwnUnreadNotifications(ctx: ServiceContext, auth: Auth): Promise<number> {
  return countUnreadNotificationsOf(ctx.db, auth.user.id, await findBlockedIds(ctx, auth.user.id));
}

/** Marks some (or all) of my notifications read; answers the new unread count. */
export async function markOwnNotificationsRead(
  ctx: ServiceContext,
  auth: Auth,
  ids: readonly string[] | undefined,
): Promise<number> {
  await markNotificationsReadOf(ctx.db, auth.user.id, ids);
  return countOwnUnreadNotifications(ctx, auth);
}
