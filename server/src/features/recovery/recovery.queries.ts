import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { SupportContact } from '@kindred/common/recovery';
import type { Database } from '../../db/client.ts';
import { likePattern } from '../../db/like.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  checkIns,
  journalEntries,
  milestoneCongratulations,
  recoveryCounterStreaks,
  recoveryCounters,
  recoveryPlans,
  sharedMilestones,
} from './recovery.tables.ts';

export type CounterRow = typeof recoveryCounters.$inferSelect;
export type StreakRow = typeof recoveryCounterStreaks.$inferSelect;
export type CheckInRow = typeof checkIns.$inferSelect;
export type PlanRow = typeof recoveryPlans.$inferSelect;
export type JournalEntryRow = Omit<typeof journalEntries.$inferSelect, 'searchDocument'>;

/** Every journal column but the search document, which only the database needs. */
const { searchDocument: _searchDocument, ...journalColumns } = getTableColumns(journalEntries);
export type SharedMilestoneRow = typeof sharedMilestones.$inferSelect;
export type CongratulationRow = typeof milestoneCongratulations.$inferSelect;

/** A keyset position: the row's created_at as PostgreSQL prints it (microseconds kept) and its id. */
export type Position = { createdAt: string; id: string };

/* ----------------------------------------------------------------- counters */

export async function insertCounter(
  db: Database,
  values: { userId: string; label: string; startedOn: string; startedAt: string | null },
): Promise<CounterRow> {
  const [row] = await db.insert(recoveryCounters).values(values).returning();
  return row!;
}

/** A counter by id, whoever owns it (the policy decides who may see it). */
export async function findCounterById(db: Database, counterId: string): Promise<CounterRow | null> {
  const [row] = await db.select().from(recoveryCounters).where(eq(recoveryCounters.id, counterId)).limit(1);
  return row ?? null;
}

/** A counter, locked until the transaction ends (so two restarts at once happen one after the other). */
export async function lockCounter(db: Database, counterId: string): Promise<CounterRow | null> {
  const [row] = await db.select().from(recoveryCounters).where(eq(recoveryCounters.id, counterId)).for('update');
  return row ?? null;
}

/** A member's counters, oldest first. */
export async function findCountersOfUser(db: Database, userId: string): Promise<CounterRow[]> {
  return db
    .select()
    .from(recoveryCounters)
    .where(eq(recoveryCounters.userId, userId))
    .orderBy(asc(recoveryCounters.createdAt), asc(recoveryCounters.id));
}

export async function countCountersOfUser(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(recoveryCounters)
    .where(eq(recoveryCounters.userId, userId));
  return row?.count ?? 0;
}

export async function updateCounter(
  db: Database,
  counterId: string,
  changes: Partial<Pick<CounterRow, 'label' | 'startedOn' | 'startedAt'>>,
): Promise<CounterRow> {
  const [row] = await db
    .update(recoveryCounters)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(recoveryCounters.id, counterId))
    .returning();
  return row!;
}

export async function deleteCounter(db: Database, counterId: string): Promise<void> {
  await db.delete(recoveryCounters).where(eq(recoveryCounters.id, counterId));
}

export async function insertStreak(db: Database, values: typeof recoveryCounterStreaks.$inferInsert): Promise<void> {
  await db.insert(recoveryCounterStreaks).values(values);
}

/** Earlier streaks of these counters, newest first. */
export async function findStreaksOfCounters(db: Database, counterIds: readonly string[]): Promise<StreakRow[]> {
  if (counterIds.length === 0) return [];
  return db
    .select()
    .from(recoveryCounterStreaks)
    .where(inArray(recoveryCounterStreaks.counterId, [...counterIds]))
    .orderBy(desc(recoveryCounterStreaks.endedOn), desc(recoveryCounterStreaks.createdAt));
}

/* ----------------------------------------------------------------- check-ins */

export type CheckInChanges = Partial<
  Pick<CheckInRow, 'mood' | 'craving' | 'triggers' | 'pledged' | 'dayRating' | 'eveningReview' | 'gratitude' | 'notes'>
>;

/**
 * Creates the day's check-in or changes the fields given, in one statement: two tabs saving the
 * same day at once leave one row (the primary key decides, not a read).
 */
export async function upsertCheckIn(
  db: Database,
  userId: string,
  day: string,
  changes: CheckInChanges,
): Promise<CheckInRow> {
  const [row] = await db
    .insert(checkIns)
    .values({ userId, day, ...changes })
    .onConflictDoUpdate({ target: [checkIns.userId, checkIns.day], set: { ...changes, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function findCheckIn(db: Database, userId: string, day: string): Promise<CheckInRow | null> {
  const [row] = await db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.userId, userId), eq(checkIns.day, day)))
    .limit(1);
  return row ?? null;
}

/** A member's check-ins from one day to another (both included), oldest first. */
export async function findCheckInsBetween(db: Database, userId: string, from: string, to: string) {
  return db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.userId, userId), gte(checkIns.day, from), lte(checkIns.day, to)))
    .orderBy(asc(checkIns.day));
}

/** Every day a member checked in, oldest first (one short row a day: streaks are counted from it). */
export async function findCheckInDays(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ day: checkIns.day })
    .from(checkIns)
    .where(eq(checkIns.userId, userId))
    .orderBy(asc(checkIns.day));
  return rows.map((row) => row.day);
}

export async function findAllCheckInsOfUser(db: Database, userId: string): Promise<CheckInRow[]> {
  return db.select().from(checkIns).where(eq(checkIns.userId, userId)).orderBy(asc(checkIns.day));
}

/* ----------------------------------------------------------------- plan */

export async function findPlan(db: Database, userId: string): Promise<PlanRow | null> {
  const [row] = await db.select().from(recoveryPlans).where(eq(recoveryPlans.userId, userId)).limit(1);
  return row ?? null;
}

export type PlanValues = Omit<PlanRow, 'userId' | 'updatedAt'> & {
  peopleToCall: SupportContact[];
  professionalContacts: SupportContact[];
};

/** Replaces the member's whole plan. */
export async function upsertPlan(db: Database, userId: string, plan: PlanValues): Promise<PlanRow> {
  const [row] = await db
    .insert(recoveryPlans)
    .values({ userId, ...plan })
    .onConflictDoUpdate({ target: recoveryPlans.userId, set: { ...plan, updatedAt: new Date() } })
    .returning();
  return row!;
}

/* ----------------------------------------------------------------- journal */

export async function insertJournalEntry(
  db: Database,
  values: { userId: string; writtenOn: string; title: string | null; body: string },
): Promise<JournalEntryRow> {
  const [row] = await db.insert(journalEntries).values(values).returning(journalColumns);
  return row!;
}

/** A journal entry by id, whoever owns it (the policy decides who may see it). */
export async function findJournalEntryById(db: Database, entryId: string): Promise<JournalEntryRow | null> {
  const [row] = await db.select(journalColumns).from(journalEntries).where(eq(journalEntries.id, entryId)).limit(1);
  return row ?? null;
}

export async function updateJournalEntry(
  db: Database,
  entryId: string,
  changes: Partial<Pick<JournalEntryRow, 'writtenOn' | 'title' | 'body'>>,
): Promise<JournalEntryRow> {
  const [row] = await db
    .update(journalEntries)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(journalEntries.id, entryId))
    .returning(journalColumns);
  return row!;
}

export async function deleteJournalEntry(db: Database, entryId: string): Promise<void> {
  await db.delete(journalEntries).where(eq(journalEntries.id, entryId));
}

export type JournalPosition = { writtenOn: string; createdAt: string; id: string };

/**
 * A page of a member's journal, newest first, optionally only entries matching the words: English
 * full-text (so "craving" finds "cravings") or, for any language, the words as written. One
 * member's journal is small, so this reads their rows only and needs no search index.
 */
export async function listJournalEntries(
  db: Database,
  userId: string,
  options: { words?: string | undefined; after?: JournalPosition | undefined; limit: number },
): Promise<Array<JournalEntryRow & { position: JournalPosition }>> {
  const document = sql`coalesce(${journalEntries.title}, '') || ' ' || ${journalEntries.body}`;
  const conditions = [eq(journalEntries.userId, userId)];
  if (options.words) {
    conditions.push(
      or(
        sql`${journalEntries.searchDocument} @@ websearch_to_tsquery('english', ${options.words})`,
        sql`${document} ilike ${likePattern(options.words)}`,
      )!,
    );
  }
  if (options.after) {
    const { writtenOn, createdAt, id } = options.after;
    conditions.push(
      sql`(${journalEntries.writtenOn}, ${journalEntries.createdAt}, ${journalEntries.id}) < (${writtenOn}::date, ${createdAt}::timestamptz, ${id}::uuid)`,
    );
  }
  const rows = await db
    .select({ entry: journalColumns, createdAtText: sql<string>`${journalEntries.createdAt}::text` })
    .from(journalEntries)
    .where(and(...conditions))
    .orderBy(desc(journalEntries.writtenOn), desc(journalEntries.createdAt), desc(journalEntries.id))
    .limit(options.limit);
  return rows.map((row) => ({
    ...row.entry,
    position: { writtenOn: row.entry.writtenOn, createdAt: row.createdAtText, id: row.entry.id },
  }));
}

export async function findAllJournalEntriesOfUser(db: Database, userId: string): Promise<JournalEntryRow[]> {
  return db
    .select(journalColumns)
    .from(journalEntries)
    .where(eq(journalEntries.userId, userId))
    .orderBy(asc(journalEntries.writtenOn), asc(journalEntries.createdAt));
}

/* ----------------------------------------------------------------- shared milestones */

/** Shares a milestone; returns null when this milestone of this start is already shared. */
export async function insertSharedMilestone(
  db: Database,
  values: typeof sharedMilestones.$inferInsert,
): Promise<SharedMilestoneRow | null> {
  try {
    const [row] = await db.insert(sharedMilestones).values(values).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function findSharedMilestoneById(db: Database, id: string): Promise<SharedMilestoneRow | null> {
  const [row] = await db.select().from(sharedMilestones).where(eq(sharedMilestones.id, id)).limit(1);
  return row ?? null;
}

export async function deleteSharedMilestone(db: Database, id: string): Promise<void> {
  await db.delete(sharedMilestones).where(eq(sharedMilestones.id, id));
}

/** The milestones shared from these counters (every start). */
export async function findSharedMilestonesOfCounters(
  db: Database,
  counterIds: readonly string[],
): Promise<SharedMilestoneRow[]> {
  if (counterIds.length === 0) return [];
  return db
    .select()
    .from(sharedMilestones)
    .where(inArray(sharedMilestones.counterId, [...counterIds]));
}

export async function findSharedMilestonesOfUser(db: Database, userId: string): Promise<SharedMilestoneRow[]> {
  return db
    .select()
    .from(sharedMilestones)
    .where(eq(sharedMilestones.userId, userId))
    .orderBy(asc(sharedMilestones.createdAt));
}

/** A page of the community feed, newest first. */
export async function listSharedMilestones(
  db: Database,
  options: { after?: Position | undefined; limit: number },
): Promise<Array<SharedMilestoneRow & { position: Position }>> {
  const after = options.after
    ? sql`(${sharedMilestones.createdAt}, ${sharedMilestones.id}) < (${options.after.createdAt}::timestamptz, ${options.after.id}::uuid)`
    : undefined;
  const rows = await db
    .select({ shared: sharedMilestones, createdAtText: sql<string>`${sharedMilestones.createdAt}::text` })
    .from(sharedMilestones)
    .where(after)
    .orderBy(desc(sharedMilestones.createdAt), desc(sharedMilestones.id))
    .limit(options.limit);
  return rows.map((row) => ({ ...row.shared, position: { createdAt: row.createdAtText, id: row.shared.id } }));
}

/** Congratulations on these shared milestones, newest first. */
export async function findCongratulationsOf(
  db: Database,
  sharedMilestoneIds: readonly string[],
): Promise<CongratulationRow[]> {
  if (sharedMilestoneIds.length === 0) return [];
  return db
    .select()
    .from(milestoneCongratulations)
    .where(inArray(milestoneCongratulations.sharedMilestoneId, [...sharedMilestoneIds]))
    .orderBy(desc(milestoneCongratulations.updatedAt));
}

/** Congratulations a member gave (for their data export). */
export async function findCongratulationsByUser(db: Database, userId: string): Promise<CongratulationRow[]> {
  return db
    .select()
    .from(milestoneCongratulations)
    .where(eq(milestoneCongratulations.userId, userId))
    .orderBy(asc(milestoneCongratulations.createdAt));
}

/** Sets the member's one congratulation on a shared milestone. */
export async function upsertCongratulation(
  db: Database,
  values: { sharedMilestoneId: string; userId: string; reaction: CongratulationRow['reaction']; note: string | null },
): Promise<void> {
  await db
    .insert(milestoneCongratulations)
    .values(values)
    .onConflictDoUpdate({
      target: [milestoneCongratulations.sharedMilestoneId, milestoneCongratulations.userId],
      set: { reaction: values.reaction, note: values.note, updatedAt: new Date() },
    });
}

export async function deleteCongratulation(db: Database, sharedMilestoneId: string, userId: string): Promise<void> {
  await db
    .delete(milestoneCongratulations)
    .where(
      and(
        eq(milestoneCongratulations.sharedMilestoneId, sharedMilestoneId),
        eq(milestoneCongratulations.userId, userId),
      ),
    );
}
