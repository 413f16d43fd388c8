import { and, desc, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { notifications } from './notifications.tables.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type NotificationPosition = { at: string; id: string };

export async function insertNotifications(db: Database, rows: readonly NewNotification[]): Promise<void> {
  if (rows.length > 0) await db.insert(notifications).values([...rows]);
}

/** Not from members the recipient blocked (a notification without an actor always shows). */
function notFromBlocked(blockedIds: ReadonlySet<string>) {
  return blockedIds.size === 0
    ? undefined
    : or(isNull(notifications.actorId), notInArray(notifications.actorId, [...blockedIds]));
}

/** A page of a member's notifications, newest first. */
export async function listNotificationsOf(
  db: Database,
  recipientId: string,
  options: { blockedIds: ReadonlySet<string>; after: NotificationPosition | undefined; limit: number },
): Promise<NotificationRow[]> {
  const { after } = options;
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientId, recipientId),
        notFromBlocked(options.blockedIds),
        after
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

export async function countUnreadNotificationsOf(
  db: Database,
  recipientId: string,
  blockedIds: ReadonlySet<string>,
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt), notFromBlocked(blockedIds)));
  return row?.count ?? 0;
}

/** Marks the recipient's notifications read: these ids, or all when none are given. */
export async function markNotificationsReadOf(db: Database, recipientId: string, ids: readonly string[] | undefined) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.recipientId, recipientId),
        isNull(notifications.readAt),
        ids
          ? inArray(notifications.id, ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000'])
          : undefined,
      ),
    );
}
