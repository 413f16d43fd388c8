import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { ModerationItemKind, ReportReason, ReportSubjectKind } from '@kindred/common/moderation';
import type { Database } from '../../db/client.ts';
import { memberBlocks, moderationItems, reports } from './safety.tables.ts';

export type ModerationItemRow = typeof moderationItems.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;

/* ----------------------------------------------------------------- blocks */

export async function insertBlock(db: Database, blockerId: string, blockedId: string): Promise<void> {
  await db.insert(memberBlocks).values({ blockerId, blockedId }).onConflictDoNothing();
}

export async function deleteBlock(db: Database, blockerId: string, blockedId: string): Promise<void> {
  await db
    .delete(memberBlocks)
    .where(and(eq(memberBlocks.blockerId, blockerId), eq(memberBlocks.blockedId, blockedId)));
}

/** The members this member blocked, newest first. */
export async function listBlocksBy(db: Database, blockerId: string) {
  return db
    .select({ blockedId: memberBlocks.blockedId, createdAt: memberBlocks.createdAt })
    .from(memberBlocks)
    .where(eq(memberBlocks.blockerId, blockerId))
    .orderBy(desc(memberBlocks.createdAt))
    .limit(1000);
}

/** Whether the blocker blocked the other member. */
export async function hasBlock(db: Database, blockerId: string, blockedId: string): Promise<boolean> {
  const [row] = await db
    .select({ blockerId: memberBlocks.blockerId })
    .from(memberBlocks)
    .where(and(eq(memberBlocks.blockerId, blockerId), eq(memberBlocks.blockedId, blockedId)))
    .limit(1);
  return Boolean(row);
}

/** Of these would-be recipients, the ones who blocked the actor. */
export async function findBlockersAmong(db: Database, actorId: string, recipientIds: readonly string[]) {
  if (recipientIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ blockerId: memberBlocks.blockerId })
    .from(memberBlocks)
    .where(and(eq(memberBlocks.blockedId, actorId), inArray(memberBlocks.blockerId, [...recipientIds])));
  return new Set(rows.map((row) => row.blockerId));
}

/* ----------------------------------------------------------------- the queue */

/** The open item for this subject and kind, creating it when there is none (one per subject and kind). */
export async function upsertOpenItem(
  db: Database,
  values: {
    kind: ModerationItemKind;
    subjectKind: ReportSubjectKind;
    subjectId: string;
    memberId: string | null;
    isPriority: boolean;
    crisisKinds?: string[];
  },
): Promise<ModerationItemRow> {
  const [created] = await db
    .insert(moderationItems)
    .values({ ...values, crisisKinds: values.crisisKinds ?? [] })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [existing] = await db
    .select()
    .from(moderationItems)
    .where(
      and(
        eq(moderationItems.subjectKind, values.subjectKind),
        eq(moderationItems.subjectId, values.subjectId),
        eq(moderationItems.kind, values.kind),
        eq(moderationItems.isOpen, true),
      ),
    )
    .limit(1);
  // A report that someone is in danger raises an existing item's priority; nothing lowers it.
  if (existing && values.isPriority && !existing.isPriority) {
    await db.update(moderationItems).set({ isPriority: true }).where(eq(moderationItems.id, existing.id));
    return { ...existing, isPriority: true };
  }
  return existing!;
}

export async function insertReport(
  db: Database,
  values: { itemId: string; reporterId: string; reason: ReportReason; note: string | null },
): Promise<ReportRow | null> {
  const [report] = await db.insert(reports).values(values).onConflictDoNothing().returning();
  return report ?? null;
}

/** How many different members have an open report about this subject. */
export async function countOpenReporters(db: Database, subjectKind: ReportSubjectKind, subjectId: string) {
  const [row] = await db
    .select({ count: sql<number>`count(distinct ${reports.reporterId})::int` })
    .from(reports)
    .innerJoin(moderationItems, eq(moderationItems.id, reports.itemId))
    .where(
      and(
        eq(moderationItems.subjectKind, subjectKind),
        eq(moderationItems.subjectId, subjectId),
        eq(moderationItems.isOpen, true),
      ),
    );
  return row?.count ?? 0;
}

export type QueuePosition = { isPriority: boolean; at: string; id: string };

/** A page of the queue: open items priority first then oldest first; resolved ones newest first. */
export async function listModerationItems(
  db: Database,
  options: { isOpen: boolean; after: QueuePosition | undefined; limit: number },
) {
  const { after } = options;
  const where = [eq(moderationItems.isOpen, options.isOpen)];
  if (after && options.isOpen) {
    where.push(
      sql`(not ${moderationItems.isPriority}, ${moderationItems.createdAt}, ${moderationItems.id}) > (not ${after.isPriority}, ${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  } else if (after) {
    where.push(
      or(
        lt(moderationItems.resolvedAt, new Date(after.at)),
        and(eq(moderationItems.resolvedAt, new Date(after.at)), lt(moderationItems.id, after.id)),
      )!,
    );
  }
  const query = db
    .select()
    .from(moderationItems)
    .where(and(...where));
  return options.isOpen
    ? query
        .orderBy(desc(moderationItems.isPriority), moderationItems.createdAt, moderationItems.id)
        .limit(options.limit)
    : query.orderBy(desc(moderationItems.resolvedAt), desc(moderationItems.id)).limit(options.limit);
}

export async function countOpenItems(db: Database): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(moderationItems)
    .where(eq(moderationItems.isOpen, true));
  return row?.count ?? 0;
}

export async function findModerationItem(db: Database, id: string): Promise<ModerationItemRow | null> {
  const [row] = await db.select().from(moderationItems).where(eq(moderationItems.id, id)).limit(1);
  return row ?? null;
}

export async function listReportsOfItems(db: Database, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select()
    .from(reports)
    .where(inArray(reports.itemId, [...itemIds]))
    .orderBy(reports.createdAt);
}

/** Closes an item; false when it was already closed. */
export async function closeModerationItem(
  db: Database,
  id: string,
  values: { resolvedById: string; resolution: string },
): Promise<ModerationItemRow | null> {
  const [row] = await db
    .update(moderationItems)
    .set({ ...values, isOpen: false, resolvedAt: new Date() })
    .where(and(eq(moderationItems.id, id), eq(moderationItems.isOpen, true)))
    .returning();
  return row ?? null;
}

/** Closes every open item about a subject (a moderator acted on it). */
export async function closeOpenItemsAbout(
  db: Database,
  subjectKind: ReportSubjectKind,
  subjectId: string,
  values: { resolvedById: string; resolution: string },
): Promise<void> {
  await db
    .update(moderationItems)
    .set({ ...values, isOpen: false, resolvedAt: new Date() })
    .where(
      and(
        eq(moderationItems.subjectKind, subjectKind),
        eq(moderationItems.subjectId, subjectId),
        eq(moderationItems.isOpen, true),
      ),
    );
}
