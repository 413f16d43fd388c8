import { asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { meetingSources, meetings, type ImportReport } from './meetings.tables.ts';

export type MeetingSourceRow = typeof meetingSources.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type NewMeetingRow = typeof meetings.$inferInsert;

/** A source by name, compared without regard to case. */
export async function findSourceByName(db: Database, name: string): Promise<MeetingSourceRow | null> {
  const [row] = await db
    .select()
    .from(meetingSources)
    .where(sql`lower(${meetingSources.name}) = ${name.toLowerCase()}`)
    .limit(1);
  return row ?? null;
}

export async function findSourceBySlug(db: Database, slug: string): Promise<MeetingSourceRow | null> {
  const [row] = await db.select().from(meetingSources).where(eq(meetingSources.slug, slug)).limit(1);
  return row ?? null;
}

export async function insertSource(
  db: Database,
  values: typeof meetingSources.$inferInsert,
): Promise<MeetingSourceRow> {
  const [row] = await db.insert(meetingSources).values(values).returning();
  return row!;
}

export async function updateSource(
  db: Database,
  sourceId: string,
  changes: Partial<Omit<typeof meetingSources.$inferInsert, 'id' | 'createdAt'>>,
): Promise<MeetingSourceRow> {
  const [row] = await db
    .update(meetingSources)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(meetingSources.id, sourceId))
    .returning();
  return row!;
}

export async function recordImport(db: Database, sourceId: string, report: ImportReport): Promise<void> {
  await db
    .update(meetingSources)
    .set({ lastImportedAt: new Date(), lastReport: report })
    .where(eq(meetingSources.id, sourceId));
}

/** What an import compares against: each stored meeting of the source by its source key. */
export async function findMeetingKeysOfSource(db: Database, sourceId: string) {
  return db
    .select({
      id: meetings.id,
      sourceKey: meetings.sourceKey,
      slug: meetings.slug,
      contentHash: meetings.contentHash,
    })
    .from(meetings)
    .where(eq(meetings.sourceId, sourceId));
}

/** Inserts meetings in batches (one statement per batch). */
export async function insertMeetings(db: Database, rows: NewMeetingRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await db.insert(meetings).values(rows.slice(start, start + 500));
  }
}

export async function updateMeeting(db: Database, meetingId: string, values: Partial<NewMeetingRow>): Promise<void> {
  await db
    .update(meetings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(meetings.id, meetingId));
}

export async function deleteMeetings(db: Database, meetingIds: string[]): Promise<void> {
  for (let start = 0; start < meetingIds.length; start += 1000) {
    await db.delete(meetings).where(inArray(meetings.id, meetingIds.slice(start, start + 1000)));
  }
}

export async function countMeetingsOfSource(db: Database, sourceId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(meetings)
    .where(eq(meetings.sourceId, sourceId));
  return row?.count ?? 0;
}

export async function findMeetingBySourceKey(db: Database, sourceId: string, sourceKey: string) {
  const [row] = await db
    .select()
    .from(meetings)
    .where(sql`${meetings.sourceId} = ${sourceId} and ${meetings.sourceKey} = ${sourceKey}`)
    .limit(1);
  return row ?? null;
}

/** Every meeting that is meeting (not inactive), by day and time: the published feed. */
export async function findActiveMeetings(db: Database): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(ne(meetings.attendance, 'inactive'))
    .orderBy(asc(meetings.day), asc(meetings.startTime), asc(meetings.id));
}
