import { and, asc, count, countDistinct, desc, eq, gte, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  meetingAttendance,
  meetingCalendarLinks,
  meetingChangeRequests,
  meetingFavorites,
  meetingSources,
  meetings,
  type ImportReport,
} from './meetings.tables.ts';

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

/**
 * The published feed: every meeting that is meeting (not inactive) every week, by day and time.
 * Meetings on some weeks of the month only are left out: the Meeting Guide format cannot say so.
 */
export async function findFeedMeetings(db: Database): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(and(ne(meetings.attendance, 'inactive'), isNull(meetings.weeksOfMonth)))
    .orderBy(asc(meetings.day), asc(meetings.startTime), asc(meetings.id));
}

export async function findMeetingBySlug(db: Database, slug: string): Promise<MeetingRow | null> {
  const [row] = await db.select().from(meetings).where(eq(meetings.slug, slug)).limit(1);
  return row ?? null;
}

export async function findSourceById(db: Database, sourceId: string): Promise<MeetingSourceRow | null> {
  const [row] = await db.select().from(meetingSources).where(eq(meetingSources.id, sourceId)).limit(1);
  return row ?? null;
}

/* ----------------------------------------------------------------- favorites and attendance */

export async function insertFavorite(db: Database, userId: string, meetingId: string): Promise<void> {
  await db.insert(meetingFavorites).values({ userId, meetingId }).onConflictDoNothing();
}

export async function deleteFavorite(db: Database, userId: string, meetingId: string): Promise<void> {
  await db
    .delete(meetingFavorites)
    .where(and(eq(meetingFavorites.userId, userId), eq(meetingFavorites.meetingId, meetingId)));
}

export async function isFavorite(db: Database, userId: string, meetingId: string): Promise<boolean> {
  const [row] = await db
    .select({ meetingId: meetingFavorites.meetingId })
    .from(meetingFavorites)
    .where(and(eq(meetingFavorites.userId, userId), eq(meetingFavorites.meetingId, meetingId)))
    .limit(1);
  return Boolean(row);
}

/** A member's favorite meetings, by day and time. */
export async function findFavoriteMeetings(db: Database, userId: string): Promise<MeetingRow[]> {
  const rows = await db
    .select({ meeting: meetings })
    .from(meetingFavorites)
    .innerJoin(meetings, eq(meetings.id, meetingFavorites.meetingId))
    .where(eq(meetingFavorites.userId, userId))
    .orderBy(asc(meetings.day), asc(meetings.startTime), asc(meetings.name));
  return rows.map((row) => row.meeting);
}

/** Records "I went" once per meeting and day (saying it twice changes nothing). */
export async function insertAttendance(
  db: Database,
  values: { userId: string; meetingId: string; meetingName: string; day: string },
): Promise<void> {
  await db.insert(meetingAttendance).values(values).onConflictDoNothing();
}

export async function countAttendanceOfMeeting(db: Database, userId: string, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.userId, userId), eq(meetingAttendance.meetingId, meetingId)));
  return row?.count ?? 0;
}

/** Meetings and distinct days since a day, and in all, for the 90-in-90 progress. */
export async function summarizeAttendance(db: Database, userId: string, sinceDay: string) {
  const [recentRow] = await db
    .select({ meetings: count(), days: countDistinct(meetingAttendance.day) })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.userId, userId), gte(meetingAttendance.day, sinceDay)));
  const [totalRow] = await db
    .select({ meetings: count() })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.userId, userId));
  const recent = await db
    .select({ day: meetingAttendance.day, slug: meetings.slug, name: meetingAttendance.meetingName })
    .from(meetingAttendance)
    .leftJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .where(eq(meetingAttendance.userId, userId))
    .orderBy(desc(meetingAttendance.day), desc(meetingAttendance.createdAt))
    .limit(10);
  return {
    meetingsSince: recentRow?.meetings ?? 0,
    daysSince: recentRow?.days ?? 0,
    total: totalRow?.meetings ?? 0,
    recent,
  };
}

/** Everything of a member's in the meetings area, for their data export. */
export async function findMeetingDataOfUser(db: Database, userId: string) {
  const favorites = await db
    .select({ slug: meetings.slug, name: meetings.name, since: meetingFavorites.createdAt })
    .from(meetingFavorites)
    .innerJoin(meetings, eq(meetings.id, meetingFavorites.meetingId))
    .where(eq(meetingFavorites.userId, userId));
  const attendance = await db
    .select({ day: meetingAttendance.day, name: meetingAttendance.meetingName, slug: meetings.slug })
    .from(meetingAttendance)
    .leftJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .where(eq(meetingAttendance.userId, userId))
    .orderBy(asc(meetingAttendance.day));
  const changeRequests = await db
    .select({
      name: meetings.name,
      slug: meetings.slug,
      message: meetingChangeRequests.message,
      contact: meetingChangeRequests.contact,
      sentAt: meetingChangeRequests.createdAt,
    })
    .from(meetingChangeRequests)
    .innerJoin(meetings, eq(meetings.id, meetingChangeRequests.meetingId))
    .where(eq(meetingChangeRequests.senderId, userId))
    .orderBy(asc(meetingChangeRequests.createdAt));
  return { favorites, attendance, changeRequests };
}

/** Every source with how many meetings it has, by name. */
export async function findSourcesWithCounts(db: Database) {
  return db
    .select({
      source: meetingSources,
      // Spelled out: inside a subquery Drizzle would leave the columns unqualified.
      meetingCount: sql<number>`(select count(*)::int from "meetings" where "meetings"."source_id" = "meeting_sources"."id")`,
    })
    .from(meetingSources)
    .orderBy(asc(sql`lower(${meetingSources.name})`));
}

export async function deleteSource(db: Database, sourceId: string): Promise<void> {
  await db.delete(meetingSources).where(eq(meetingSources.id, sourceId));
}

/**
 * Claims one URL source whose refresh is due, marking the attempt, so that with several app
 * instances each due source is imported by exactly one of them (SKIP LOCKED).
 */
export async function claimDueSource(db: Database): Promise<MeetingSourceRow | null> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: meetingSources.id })
      .from(meetingSources)
      .where(
        and(
          isNotNull(meetingSources.url),
          isNotNull(meetingSources.refreshIntervalMinutes),
          or(
            isNull(meetingSources.lastAttemptedAt),
            sql`${meetingSources.lastAttemptedAt} < now() - make_interval(mins => ${meetingSources.refreshIntervalMinutes})`,
          ),
        ),
      )
      .orderBy(sql`${meetingSources.lastAttemptedAt} nulls first`)
      .limit(1)
      .for('update', { skipLocked: true });
    if (!due) return null;
    const [claimed] = await tx
      .update(meetingSources)
      .set({ lastAttemptedAt: sql`now()` })
      .where(eq(meetingSources.id, due.id))
      .returning();
    return claimed ?? null;
  });
}

export async function recordSourceError(db: Database, sourceId: string, message: string | null): Promise<void> {
  await db.update(meetingSources).set({ lastError: message }).where(eq(meetingSources.id, sourceId));
}

/* ----------------------------------------------------------------- meetings entered by hand */

/** Meetings entered by hand, by name, with how many change requests wait for each. */
export async function findHandMeetings(db: Database) {
  return db
    .select({
      meeting: meetings,
      openChangeRequests: db.$count(
        meetingChangeRequests,
        and(eq(meetingChangeRequests.meetingId, meetings.id), isNull(meetingChangeRequests.resolvedAt)),
      ),
    })
    .from(meetings)
    .where(isNull(meetings.sourceId))
    .orderBy(asc(sql`lower(${meetings.name})`), asc(meetings.day), asc(meetings.startTime));
}

export async function insertMeeting(db: Database, row: NewMeetingRow): Promise<MeetingRow> {
  const [inserted] = await db.insert(meetings).values(row).returning();
  return inserted!;
}

export async function isMeetingSlugTaken(db: Database, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.slug, slug)).limit(1);
  return row !== undefined;
}

export async function countOpenChangeRequestsOfMeeting(db: Database, meetingId: string): Promise<number> {
  return db.$count(
    meetingChangeRequests,
    and(eq(meetingChangeRequests.meetingId, meetingId), isNull(meetingChangeRequests.resolvedAt)),
  );
}

/* ----------------------------------------------------------------- change requests */

export async function insertChangeRequest(db: Database, row: typeof meetingChangeRequests.$inferInsert): Promise<void> {
  await db.insert(meetingChangeRequests).values(row);
}

/** Change requests, newest first: the open ones, or those resolved lately. */
export async function findChangeRequests(db: Database, status: 'open' | 'resolved', limit: number) {
  return db
    .select({
      id: meetingChangeRequests.id,
      message: meetingChangeRequests.message,
      contact: meetingChangeRequests.contact,
      createdAt: meetingChangeRequests.createdAt,
      resolvedAt: meetingChangeRequests.resolvedAt,
      meetingSlug: meetings.slug,
      meetingName: meetings.name,
    })
    .from(meetingChangeRequests)
    .innerJoin(meetings, eq(meetings.id, meetingChangeRequests.meetingId))
    .where(status === 'open' ? isNull(meetingChangeRequests.resolvedAt) : isNotNull(meetingChangeRequests.resolvedAt))
    .orderBy(desc(status === 'open' ? meetingChangeRequests.createdAt : meetingChangeRequests.resolvedAt))
    .limit(limit);
}

/** Marks a request done (once); false when there is no such open request. */
export async function resolveChangeRequest(db: Database, requestId: string, editorId: string): Promise<boolean> {
  const rows = await db
    .update(meetingChangeRequests)
    .set({ resolvedAt: new Date(), resolvedBy: editorId })
    .where(and(eq(meetingChangeRequests.id, requestId), isNull(meetingChangeRequests.resolvedAt)))
    .returning({ id: meetingChangeRequests.id });
  return rows.length > 0;
}

/* ----------------------------------------------------------------- private calendar links */

export async function findCalendarLinkOfUser(db: Database, userId: string) {
  const [row] = await db.select().from(meetingCalendarLinks).where(eq(meetingCalendarLinks.userId, userId)).limit(1);
  return row ?? null;
}

/** The member whose calendar link has this hash, or null. */
export async function findUserIdByCalendarToken(db: Database, tokenHash: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: meetingCalendarLinks.userId })
    .from(meetingCalendarLinks)
    .where(eq(meetingCalendarLinks.tokenHash, tokenHash))
    .limit(1);
  return row?.userId ?? null;
}

/** Sets the member's link (a new one replaces the old, which stops working at once). */
export async function upsertCalendarLink(db: Database, userId: string, tokenHash: string) {
  const [row] = await db
    .insert(meetingCalendarLinks)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({ target: meetingCalendarLinks.userId, set: { tokenHash, createdAt: new Date() } })
    .returning();
  return row!;
}

export async function deleteCalendarLink(db: Database, userId: string): Promise<void> {
  await db.delete(meetingCalendarLinks).where(eq(meetingCalendarLinks.userId, userId));
}
