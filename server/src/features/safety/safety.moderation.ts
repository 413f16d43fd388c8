/**
 * Reports and the moderators' work: the queue (reports, crisis alerts, content three members
 * flagged), hide/unhide, lock/pin/move, warn, suspend. Every act is written to the audit log.
 */
import { z } from 'zod';
import type {
  ModerationItem,
  ModerationLog,
  ModerationQueue,
  reportInputSchema,
  topicModerationInputSchema,
} from '@kindred/common/moderation';
import type { Post, TopicDetail } from '@kindred/common/community';
import { listAuditEventsByActionPrefix, recordAuditEvent } from '../../platform/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursors.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import {
  findMemberByHandle,
  findMemberCardsByIds,
  liftMemberSuspension,
  suspendMemberAccount,
} from '../accounts/accounts.service.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import {
  changeTopicAsModerator,
  findPostForModeration,
  findPostsForModeration,
  presentPostFor,
  presentTopicForViewer,
  setPostVisibility,
} from '../community/community.service.ts';
import { notifyMembers } from '../notifications/notifications.service.ts';
import { requireModerator } from './safety.policy.ts';
import {
  closeModerationItem,
  closeOpenItemsAbout,
  countOpenItems,
  countOpenReporters,
  findModerationItem,
  insertReport,
  listModerationItems,
  listReportsOfItems,
  upsertOpenItem,
  type ModerationItemRow,
} from './safety.queries.ts';

const QUEUE_PAGE_SIZE = 25;
const queueCursorSchema = z.object({ isPriority: z.boolean(), at: z.iso.datetime({ offset: true }), id: z.uuid() });
const uuidSchema = z.uuid();

/* ----------------------------------------------------------------- reports */

const REPORT_THANKS =
  'Thank you for telling us. A moderator will look at it. The member you reported is not told who reported them.';

/**
 * Reports a post or a profile. Several reports about one subject gather in one queue item; when
 * enough different members have reported a post, it is hidden until a moderator reviews it.
 */
export async function reportContent(
  ctx: ServiceContext,
  auth: Auth,
  input: z.output<typeof reportInputSchema>,
): Promise<{ id: string; message: string }> {
  const subject = await loadReportSubject(ctx, auth, input.subjectKind, input.subjectId);
  const isPriority = input.reason === 'crisis';
  const report = await ctx.db.transaction(async (tx) => {
    const item = await upsertOpenItem(tx, {
      kind: 'report',
      subjectKind: input.subjectKind,
      subjectId: subject.id,
      memberId: subject.memberId,
      isPriority,
    });
    const report = await insertReport(tx, {
      itemId: item.id,
      reporterId: auth.user.id,
      reason: input.reason,
      note: input.note ?? null,
    });
    const reporters = await countOpenReporters(tx, input.subjectKind, subject.id);
    const hideNow = input.subjectKind === 'post' && !subject.isHidden && reporters >= ctx.config.community.flagsToHide;
    if (hideNow) {
      await setPostVisibility(ctx, subject.id, 'reports', tx);
      await upsertOpenItem(tx, {
        kind: 'flagged',
        subjectKind: 'post',
        subjectId: subject.id,
        memberId: subject.memberId,
        isPriority: false,
      });
      await recordAuditEvent(tx, {
        action: 'moderation.hidden_by_reports',
        actorId: null,
        subjectId: subject.memberId,
        details: { postId: subject.id, reporters },
      });
    }
    return report ?? { id: item.id };
  });
  return { id: report.id, message: REPORT_THANKS };
}

async function loadReportSubject(ctx: ServiceContext, auth: Auth, kind: 'post' | 'profile', subjectId: string) {
  if (kind === 'profile') {
    const member = await findMemberByHandle(ctx, subjectId);
    if (!member) throw notFound('We could not find that member.');
    if (member.id === auth.user.id) throw invalidField('subjectId', 'You cannot report yourself.');
    return { id: member.id, memberId: member.id, isHidden: false };
  }
  if (!uuidSchema.safeParse(subjectId).success) throw notFound('We could not find that post.');
  const found = await findPostForModeration(ctx, subjectId);
  if (!found || found.post.deletedAt || found.topic.deletedAt) throw notFound('We could not find that post.');
  if (found.post.authorId === auth.user.id) throw invalidField('subjectId', 'You cannot report your own post.');
  return { id: found.post.id, memberId: found.post.authorId, isHidden: found.post.hiddenAt !== null };
}

/* ----------------------------------------------------------------- the queue */

/** The queue: open items priority first then oldest first, or resolved ones newest first. */
export async function listModerationQueue(
  ctx: ServiceContext,
  auth: Auth,
  query: { status: 'open' | 'resolved'; cursor?: string | undefined },
): Promise<ModerationQueue> {
  requireModerator(auth);
  const isOpen = query.status === 'open';
  const after = decodeCursor(queueCursorSchema, query.cursor);
  const rows = await listModerationItems(ctx.db, { isOpen, after, limit: QUEUE_PAGE_SIZE + 1 });
  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const last = page.at(-1);
  return {
    items: await presentItems(ctx, page),
    nextCursor:
      rows.length > QUEUE_PAGE_SIZE && last
        ? encodeCursor({
            isPriority: last.isPriority,
            at: (isOpen ? last.createdAt : (last.resolvedAt ?? last.createdAt)).toISOString(),
            id: last.id,
          })
        : null,
    openCount: await countOpenItems(ctx.db),
  };
}

async function presentItems(ctx: ServiceContext, rows: readonly ModerationItemRow[]): Promise<ModerationItem[]> {
  const reports = await listReportsOfItems(
    ctx.db,
    rows.map((row) => row.id),
  );
  const postIds = rows.filter((row) => row.subjectKind === 'post').map((row) => row.subjectId);
  const postsById = await findPostsForModeration(ctx, postIds);
  const memberIds = [
    ...rows.flatMap((row) => [row.memberId, row.resolvedById]),
    ...reports.map((report) => report.reporterId),
  ].filter((id): id is string => Boolean(id));
  const members = await findMemberCardsByIds(ctx, memberIds);
  return rows.map((row) => {
    const found = row.subjectKind === 'post' ? postsById.get(row.subjectId) : undefined;
    const member = row.memberId ? members.get(row.memberId) : undefined;
    return {
      id: row.id,
      kind: row.kind,
      isPriority: row.isPriority,
      crisisKinds: row.crisisKinds,
      subject: {
        kind: row.subjectKind,
        id: row.subjectKind === 'profile' ? (member?.handle ?? row.subjectId) : row.subjectId,
        memberHandle: member?.handle ?? null,
        memberSuspendedUntil:
          member?.suspendedUntil && member.suspendedUntil > new Date() ? member.suspendedUntil.toISOString() : null,
        postedAnonymously: found?.post.isAnonymous ?? false,
        bodyHtml: found?.post.bodyHtml ?? null,
        topic: found
          ? {
              id: found.topic.id,
              title: found.topic.title,
              isLocked: found.topic.isLocked,
              categoryId: found.topic.categoryId,
            }
          : null,
        postNumber: found?.post.number ?? null,
        isHidden: found ? found.post.hiddenAt !== null : false,
        isDeleted: found ? found.post.deletedAt !== null : false,
        link: found
          ? `/community/t/${found.topic.id}#post-${found.post.number}`
          : member
            ? `/members/${member.handle}`
            : null,
      },
      reports: reports
        .filter((report) => report.itemId === row.id)
        .map((report) => ({
          reason: report.reason,
          note: report.note,
          reporterHandle: members.get(report.reporterId)?.handle ?? null,
          createdAt: report.createdAt.toISOString(),
        })),
      createdAt: row.createdAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      resolvedByHandle: row.resolvedById ? (members.get(row.resolvedById)?.handle ?? null) : null,
      resolution: row.resolution,
    };
  });
}

/** Closes a queue item with what was done. */
export async function resolveModerationItem(
  ctx: ServiceContext,
  auth: Auth,
  itemId: string,
  resolution: string,
): Promise<ModerationItem> {
  requireModerator(auth);
  const item = await findModerationItem(ctx.db, itemId);
  if (!item) throw notFound('We could not find that item.');
  const closed = await ctx.db.transaction(async (tx) => {
    const closed = await closeModerationItem(tx, item.id, { resolvedById: auth.user.id, resolution });
    if (closed) {
      await recordAuditEvent(tx, {
        action: 'moderation.item_resolved',
        actorId: auth.user.id,
        subjectId: item.memberId,
        details: { itemId: item.id, kind: item.kind, reason: resolution },
      });
    }
    return closed;
  });
  const [presented] = await presentItems(ctx, [closed ?? item]);
  return presented!;
}

/* ----------------------------------------------------------------- acting on content */

/** Hides a post from members (its author still sees it, marked) and closes the open items about it. */
export async function hidePost(ctx: ServiceContext, auth: Auth, postId: string, reason: string): Promise<Post> {
  requireModerator(auth);
  const found = await findPostForModeration(ctx, postId);
  if (!found || found.post.deletedAt) throw notFound('We could not find that post.');
  const hidden = await ctx.db.transaction(async (tx) => {
    const hidden = await setPostVisibility(ctx, postId, 'moderator', tx);
    await closeOpenItemsAbout(tx, 'post', postId, { resolvedById: auth.user.id, resolution: `Hidden: ${reason}` });
    await recordAuditEvent(tx, {
      action: 'moderation.post_hidden',
      actorId: auth.user.id,
      subjectId: found.post.authorId,
      details: { postId, topicId: found.topic.id, reason },
    });
    return hidden!;
  });
  await notifyMembers(ctx, [
    {
      recipientId: found.post.authorId,
      kind: 'content_hidden',
      actorId: null,
      subjectTitle: found.topic.title,
      message: reason,
      link: `/community/t/${found.topic.id}#post-${found.post.number}`,
    },
  ]);
  return presentPostFor(ctx, auth, hidden);
}

/** Shows a hidden post again. */
export async function unhidePost(ctx: ServiceContext, auth: Auth, postId: string, reason: string): Promise<Post> {
  requireModerator(auth);
  const found = await findPostForModeration(ctx, postId);
  if (!found || found.post.deletedAt) throw notFound('We could not find that post.');
  const shown = await ctx.db.transaction(async (tx) => {
    const shown = await setPostVisibility(ctx, postId, null, tx);
    await closeOpenItemsAbout(tx, 'post', postId, { resolvedById: auth.user.id, resolution: `Shown again: ${reason}` });
    await recordAuditEvent(tx, {
      action: 'moderation.post_unhidden',
      actorId: auth.user.id,
      subjectId: found.post.authorId,
      details: { postId, topicId: found.topic.id, reason },
    });
    return shown!;
  });
  return presentPostFor(ctx, auth, shown);
}

/** Locks, pins, hides or moves a topic, with a reason. */
export async function moderateTopic(
  ctx: ServiceContext,
  auth: Auth,
  topicId: string,
  input: z.output<typeof topicModerationInputSchema>,
): Promise<TopicDetail> {
  requireModerator(auth);
  const { reason, ...change } = input;
  await ctx.db.transaction(async (tx) => {
    const { before } = await changeTopicAsModerator(ctx, topicId, change, tx);
    await recordAuditEvent(tx, {
      action: 'moderation.topic_changed',
      actorId: auth.user.id,
      subjectId: before.authorId,
      details: { topicId, reason, ...change },
    });
  });
  return presentTopicForViewer(ctx, auth, topicId);
}

/* ----------------------------------------------------------------- acting on members */

async function loadMember(ctx: ServiceContext, auth: Auth, handle: string) {
  const member = await findMemberByHandle(ctx, handle);
  if (!member) throw notFound('We could not find that member.');
  if (member.id === auth.user.id) throw invalidField('handle', 'You cannot do this to yourself.');
  return member;
}

/** Sends a member a moderator's warning (a notification only they see). */
export async function warnMember(
  ctx: ServiceContext,
  auth: Auth,
  handle: string,
  input: { reason: string; message: string },
): Promise<void> {
  requireModerator(auth);
  const member = await loadMember(ctx, auth, handle);
  await ctx.db.transaction(async (tx) => {
    await notifyMembers(
      ctx,
      [
        {
          recipientId: member.id,
          kind: 'moderator_warning',
          actorId: null,
          message: input.message,
          link: '/community',
        },
      ],
      tx,
    );
    await recordAuditEvent(tx, {
      action: 'moderation.member_warned',
      actorId: auth.user.id,
      subjectId: member.id,
      details: { reason: input.reason, message: input.message },
    });
  });
}

/** Suspends a member for some days: every session ends at once, and sign-in is refused until then. */
export async function suspendMember(
  ctx: ServiceContext,
  auth: Auth,
  handle: string,
  input: { reason: string; days: number },
): Promise<void> {
  requireModerator(auth);
  const member = await loadMember(ctx, auth, handle);
  if (member.role === 'admin') throw invalidField('handle', 'An admin cannot be suspended here.');
  const until = new Date(Date.now() + input.days * 24 * 60 * 60 * 1000);
  await ctx.db.transaction(async (tx) => {
    await suspendMemberAccount(ctx, member.id, until, tx);
    await recordAuditEvent(tx, {
      action: 'moderation.member_suspended',
      actorId: auth.user.id,
      subjectId: member.id,
      details: { reason: input.reason, days: input.days, until: until.toISOString() },
    });
  });
}

/** Ends a suspension early. */
export async function unsuspendMember(ctx: ServiceContext, auth: Auth, handle: string, reason: string) {
  requireModerator(auth);
  const member = await loadMember(ctx, auth, handle);
  await ctx.db.transaction(async (tx) => {
    await liftMemberSuspension(ctx, member.id, tx);
    await recordAuditEvent(tx, {
      action: 'moderation.member_unsuspended',
      actorId: auth.user.id,
      subjectId: member.id,
      details: { reason },
    });
  });
}

/** The moderation log: every moderator's act, newest first. */
export async function listModerationLog(ctx: ServiceContext, auth: Auth): Promise<ModerationLog> {
  requireModerator(auth);
  const rows = await listAuditEventsByActionPrefix(ctx.db, 'moderation.', 200);
  const members = await findMemberCardsByIds(
    ctx,
    rows.flatMap((row) => [row.actorId, row.subjectId]).filter((id): id is string => Boolean(id)),
  );
  return {
    actions: rows.map((row) => ({
      action: row.action,
      moderatorHandle: row.actorId ? (members.get(row.actorId)?.handle ?? null) : null,
      memberHandle: row.subjectId ? (members.get(row.subjectId)?.handle ?? null) : null,
      reason: typeof row.details.reason === 'string' ? row.details.reason : null,
      at: row.createdAt.toISOString(),
      details: row.details,
    })),
  };
}
