import {
  commonTriggers,
  MAX_COUNTERS,
  triggerLabel,
  type CheckIn,
  type CheckInSummary,
  type CheckInValues,
  type CongratulationInput,
  type Counter,
  type CounterList,
  type JournalEntry,
  type JournalList,
  type MilestoneFeed,
  type RecoveryPlan,
  type RecoveryPlanValues,
  type SharedMilestone,
  type SupportContact,
  type TodayCheckIn,
} from '@kindred/common/recovery';
import { z } from 'zod';
import { recordAuditEvent } from '../../platform/audit.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursors.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { findHandlesByIds } from '../accounts/accounts.service.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import { findMemberTimeZone } from '../profiles/profiles.service.ts';
import { canChangeRecoveryData, canReadRecoveryData, type RecoveryDataPart } from './recovery.policy.ts';
import {
  presentCheckIn,
  presentCounter,
  presentJournalEntry,
  presentPlan,
  presentSharedMilestone,
  toLocalTime,
} from './recovery.presenters.ts';
import {
  countCountersOfUser,
  deleteCongratulation,
  deleteCounter,
  deleteJournalEntry,
  deleteSharedMilestone,
  findAllCheckInsOfUser,
  findAllJournalEntriesOfUser,
  findCheckIn,
  findCheckInDays,
  findCheckInsBetween,
  findCongratulationsByUser,
  findCongratulationsOf,
  findCounterById,
  findCountersOfUser,
  findJournalEntryById,
  findPlan,
  findSharedMilestoneById,
  findSharedMilestonesOfCounters,
  findSharedMilestonesOfUser,
  findStreaksOfCounters,
  insertCounter,
  insertJournalEntry,
  insertSharedMilestone,
  insertStreak,
  listJournalEntries,
  listSharedMilestones,
  lockCounter,
  updateCounter,
  updateJournalEntry,
  upsertCheckIn,
  upsertCongratulation,
  upsertPlan,
  type CounterRow,
  type SharedMilestoneRow,
} from './recovery.queries.ts';
import {
  addDays,
  currentInstant,
  daysFromTo,
  describeCounterTime,
  findMilestoneDefinition,
  isInFuture,
  startMoment,
  todayIn,
  type CounterStart,
} from './recovery.time.ts';

/* ----------------------------------------------------------------- access: one check, one place */

/**
 * Lets the viewer read this part of the owner's recovery data, or answers not_found (nobody learns
 * that someone else's data exists). A read by anyone but the owner, once grants exist, is audited.
 */
async function authorizeRead(ctx: ServiceContext, auth: Auth, ownerId: string, part: RecoveryDataPart) {
  if (!canReadRecoveryData(auth.user.id, ownerId, part)) throw notFound();
  if (ownerId !== auth.user.id) {
    await recordAuditEvent(ctx.db, {
      action: 'recovery.viewed',
      actorId: auth.user.id,
      subjectId: ownerId,
      details: { part },
    });
  }
}

function authorizeChange(auth: Auth, ownerId: string, part: RecoveryDataPart) {
  if (!canChangeRecoveryData(auth.user.id, ownerId, part)) throw notFound();
}

/** The oldest start date a counter accepts: anything earlier is a typo. */
const EARLIEST_START = '1900-01-01';

function checkStart(start: CounterStart, timeZone: string, field: { date: string; time: string }) {
  if (start.startedOn < EARLIEST_START) throw invalidField(field.date, 'Enter a date after 1900.');
  if (isInFuture(start, timeZone, currentInstant())) {
    throw invalidField(
      start.startedOn === todayIn(timeZone) ? field.time : field.date,
      'A start cannot be in the future.',
    );
  }
}

/* ----------------------------------------------------------------- counters */

async function presentCounters(ctx: ServiceContext, counters: CounterRow[], timeZone: string): Promise<Counter[]> {
  const ids = counters.map((counter) => counter.id);
  const [streaks, shares] = await Promise.all([
    findStreaksOfCounters(ctx.db, ids),
    findSharedMilestonesOfCounters(ctx.db, ids),
  ]);
  const now = currentInstant();
  return counters.map((counter) => presentCounter(counter, { streaks, shares, timeZone, now }));
}

async function presentOneCounter(ctx: ServiceContext, counter: CounterRow): Promise<Counter> {
  const timeZone = await findMemberTimeZone(ctx, counter.userId);
  const [presented] = await presentCounters(ctx, [counter], timeZone);
  return presented!;
}

/** Loads a counter the viewer may read, or answers not_found. */
async function loadReadableCounter(ctx: ServiceContext, auth: Auth, counterId: string): Promise<CounterRow> {
  const counter = await findCounterById(ctx.db, counterId);
  if (!counter) throw notFound('We could not find that counter.');
  await authorizeRead(ctx, auth, counter.userId, 'counters');
  return counter;
}

async function loadChangeableCounter(ctx: ServiceContext, auth: Auth, counterId: string): Promise<CounterRow> {
  const counter = await findCounterById(ctx.db, counterId);
  if (!counter) throw notFound('We could not find that counter.');
  authorizeChange(auth, counter.userId, 'counters');
  return counter;
}

/** The member's counters as of now in their zone. */
export async function listOwnCounters(ctx: ServiceContext, auth: Auth): Promise<CounterList> {
  const ownerId = auth.user.id;
  await authorizeRead(ctx, auth, ownerId, 'counters');
  const [timeZone, counters] = await Promise.all([
    findMemberTimeZone(ctx, ownerId),
    findCountersOfUser(ctx.db, ownerId),
  ]);
  return { today: todayIn(timeZone), timeZone, counters: await presentCounters(ctx, counters, timeZone) };
}

/** One counter with its milestones and history. */
export async function getCounter(ctx: ServiceContext, auth: Auth, counterId: string): Promise<Counter> {
  return presentOneCounter(ctx, await loadReadableCounter(ctx, auth, counterId));
}

/** Starts a new counter; the start may be today or earlier, never later. */
export async function createCounter(
  ctx: ServiceContext,
  auth: Auth,
  input: { label: string; startedOn: string; startedAt?: string | null | undefined },
): Promise<Counter> {
  const start = { startedOn: input.startedOn, startedAt: input.startedAt ?? null };
  checkStart(start, await findMemberTimeZone(ctx, auth.user.id), { date: 'startedOn', time: 'startedAt' });
  if ((await countCountersOfUser(ctx.db, auth.user.id)) >= MAX_COUNTERS) {
    throw invalidField('label', `You can keep up to ${MAX_COUNTERS} counters.`);
  }
  const counter = await insertCounter(ctx.db, { userId: auth.user.id, label: input.label, ...start });
  return presentOneCounter(ctx, counter);
}

/** Corrects a counter's name or start (a typo); a slip is `restartCounter`, which keeps history. */
export async function updateOwnCounter(
  ctx: ServiceContext,
  auth: Auth,
  counterId: string,
  changes: { label?: string | undefined; startedOn?: string | undefined; startedAt?: string | null | undefined },
): Promise<Counter> {
  const counter = await loadChangeableCounter(ctx, auth, counterId);
  const start = {
    startedOn: changes.startedOn ?? counter.startedOn,
    startedAt: changes.startedAt !== undefined ? changes.startedAt : toLocalTime(counter.startedAt),
  };
  if (changes.startedOn !== undefined || changes.startedAt !== undefined) {
    checkStart(start, await findMemberTimeZone(ctx, counter.userId), { date: 'startedOn', time: 'startedAt' });
    const [latestEarlier] = (await findStreaksOfCounters(ctx.db, [counter.id])).slice(0, 1);
    if (latestEarlier && start.startedOn < latestEarlier.endedOn) {
      throw invalidField(
        'startedOn',
        `This start cannot be before your previous start ended (${latestEarlier.endedOn}).`,
      );
    }
  }
  const updated = await updateCounter(ctx.db, counter.id, {
    ...(changes.label !== undefined && { label: changes.label }),
    startedOn: start.startedOn,
    startedAt: start.startedAt,
  });
  return presentOneCounter(ctx, updated);
}

/** Deletes a counter with its history and the milestones shared from it. */
export async function deleteOwnCounter(ctx: ServiceContext, auth: Auth, counterId: string): Promise<void> {
  const counter = await loadChangeableCounter(ctx, auth, counterId);
  await deleteCounter(ctx.db, counter.id);
}

/**
 * Starts a counter again after a slip. The streak that ends is kept as history, so earlier days
 * and the total time in recovery still count. Saying it twice (two tabs) restarts once.
 */
export async function restartCounter(
  ctx: ServiceContext,
  auth: Auth,
  counterId: string,
  input: { restartedOn: string; restartedAt?: string | null | undefined; note?: string | null | undefined },
): Promise<Counter> {
  const loaded = await loadChangeableCounter(ctx, auth, counterId);
  const restart = { startedOn: input.restartedOn, startedAt: input.restartedAt ?? null };
  checkStart(restart, await findMemberTimeZone(ctx, loaded.userId), { date: 'restartedOn', time: 'restartedAt' });
  const updated = await ctx.db.transaction(async (tx) => {
    // Locked, so two tabs restarting at once see each other's restart and the second does nothing.
    const counter = await lockCounter(tx, loaded.id);
    if (!counter) throw notFound('We could not find that counter.');
    const current = { startedOn: counter.startedOn, startedAt: toLocalTime(counter.startedAt) };
    const order = compareStarts(restart, current);
    if (order === 0) return counter;
    if (order < 0) throw invalidField('restartedOn', 'The new start cannot be before the current one.');
    await insertStreak(tx, {
      counterId: counter.id,
      userId: counter.userId,
      startedOn: current.startedOn,
      startedAt: current.startedAt,
      endedOn: restart.startedOn,
      endedAt: restart.startedAt,
      note: input.note ?? null,
    });
    return updateCounter(tx, counter.id, restart);
  });
  return presentOneCounter(ctx, updated);
}

function compareStarts(a: CounterStart, b: CounterStart): number {
  return startMoment(a).until(startMoment(b)).sign * -1;
}

/* ----------------------------------------------------------------- check-ins */

async function todayOf(ctx: ServiceContext, userId: string): Promise<string> {
  return todayIn(await findMemberTimeZone(ctx, userId));
}

/** Today (in the member's zone) and today's check-in, if there is one. */
export async function getTodayCheckIn(ctx: ServiceContext, auth: Auth): Promise<TodayCheckIn> {
  await authorizeRead(ctx, auth, auth.user.id, 'check_ins');
  const today = await todayOf(ctx, auth.user.id);
  const checkIn = await findCheckIn(ctx.db, auth.user.id, today);
  return { today, checkIn: checkIn ? presentCheckIn(checkIn, today) : null };
}

/**
 * Saves the fields given into the day's check-in, creating it on first save. Only today's check-in
 * can be written: a later day has not happened, an earlier one is kept as it was.
 */
export async function saveTodayCheckIn(
  ctx: ServiceContext,
  auth: Auth,
  day: string,
  values: CheckInValues,
): Promise<CheckIn> {
  authorizeChange(auth, auth.user.id, 'check_ins');
  const today = await todayOf(ctx, auth.user.id);
  if (day > today) throw invalidField('day', 'That day has not happened yet.');
  if (day < today) throw invalidField('day', 'A check-in can be changed only on its own day.');
  const checkIn = await upsertCheckIn(ctx.db, auth.user.id, day, {
    ...(values.mood !== undefined && { mood: values.mood }),
    ...(values.craving !== undefined && { craving: values.craving }),
    ...(values.triggers !== undefined && { triggers: values.triggers }),
    ...(values.pledged !== undefined && { pledged: values.pledged }),
    ...(values.dayRating !== undefined && { dayRating: values.dayRating }),
    ...(values.eveningReview !== undefined && { eveningReview: values.eveningReview }),
    ...(values.gratitude !== undefined && { gratitude: values.gratitude }),
    ...(values.notes !== undefined && { notes: values.notes }),
  });
  return presentCheckIn(checkIn, today);
}

/** The member's check-ins between two days, oldest first. */
export async function listOwnCheckIns(
  ctx: ServiceContext,
  auth: Auth,
  range: { from: string; to: string },
): Promise<CheckIn[]> {
  await authorizeRead(ctx, auth, auth.user.id, 'check_ins');
  const today = await todayOf(ctx, auth.user.id);
  const rows = await findCheckInsBetween(ctx.db, auth.user.id, range.from, range.to);
  return rows.map((row) => presentCheckIn(row, today));
}

/** Days in a row ending on `lastDay`, in a sorted list of days. */
function runEndingOn(days: readonly string[], lastDay: string): number {
  const present = new Set(days);
  let run = 0;
  while (present.has(addDays(lastDay, -run))) run += 1;
  return run;
}

function longestRun(days: readonly string[]): number {
  let longest = 0;
  let run = 0;
  for (let index = 0; index < days.length; index += 1) {
    run = index > 0 && daysFromTo(days[index - 1]!, days[index]!) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return longest;
}

const average = (values: number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;

/** Streaks, the mood and craving series and the trigger counts of the last 30 or 90 days. */
export async function summarizeOwnCheckIns(ctx: ServiceContext, auth: Auth, days: number): Promise<CheckInSummary> {
  await authorizeRead(ctx, auth, auth.user.id, 'check_ins');
  const today = await todayOf(ctx, auth.user.id);
  const from = addDays(today, -(days - 1));
  const [allDays, rows] = await Promise.all([
    findCheckInDays(ctx.db, auth.user.id),
    findCheckInsBetween(ctx.db, auth.user.id, from, today),
  ]);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  const series = Array.from({ length: days }, (_, index) => {
    const day = addDays(from, index);
    const row = byDay.get(day);
    return { day, mood: row?.mood ?? null, craving: row?.craving ?? null };
  });
  const triggerCounts = new Map<string, number>();
  for (const row of rows)
    for (const trigger of row.triggers) triggerCounts.set(trigger, (triggerCounts.get(trigger) ?? 0) + 1);
  // Today's check-in may still come: until then the streak runs to yesterday.
  const streakEnd = byDay.has(today) ? today : addDays(today, -1);
  return {
    today,
    from,
    days,
    currentStreak: runEndingOn(allDays, streakEnd),
    longestStreak: longestRun(allDays),
    checkInCount: rows.length,
    averageMood: average(rows.flatMap((row) => (row.mood === null ? [] : [row.mood]))),
    averageCraving: average(rows.flatMap((row) => (row.craving === null ? [] : [row.craving]))),
    series,
    triggerCounts: [...triggerCounts]
      .map(([trigger, count]) => ({ trigger, label: triggerLabel(trigger), count }))
      .sort(
        (a, b) =>
          b.count - a.count ||
          Number(!(commonTriggers as readonly string[]).includes(a.trigger)) -
            Number(!(commonTriggers as readonly string[]).includes(b.trigger)) ||
          a.label.localeCompare(b.label),
      ),
  };
}

/* ----------------------------------------------------------------- plan */

/** The member's recovery plan (empty until first saved). */
export async function getOwnPlan(ctx: ServiceContext, auth: Auth): Promise<RecoveryPlan> {
  await authorizeRead(ctx, auth, auth.user.id, 'plan');
  return presentPlan(await findPlan(ctx.db, auth.user.id));
}

/** Replaces the member's whole recovery plan. */
export async function saveOwnPlan(ctx: ServiceContext, auth: Auth, plan: RecoveryPlanValues): Promise<RecoveryPlan> {
  authorizeChange(auth, auth.user.id, 'plan');
  return presentPlan(await upsertPlan(ctx.db, auth.user.id, plan));
}

/** The people a member listed to call, for the help page and the start-again page. */
export async function findOwnSupportContacts(ctx: ServiceContext, userId: string): Promise<SupportContact[]> {
  const plan = await findPlan(ctx.db, userId);
  return plan?.peopleToCall ?? [];
}

/* ----------------------------------------------------------------- journal */

export const JOURNAL_PAGE_SIZE = 20;

const journalCursorSchema = z.object({ writtenOn: z.string(), createdAt: z.string(), id: z.uuid() });
const feedCursorSchema = z.object({ createdAt: z.string(), id: z.uuid() });

async function loadReadableEntry(ctx: ServiceContext, auth: Auth, entryId: string) {
  const entry = await findJournalEntryById(ctx.db, entryId);
  if (!entry) throw notFound('We could not find that journal entry.');
  await authorizeRead(ctx, auth, entry.userId, 'journal');
  return entry;
}

async function loadChangeableEntry(ctx: ServiceContext, auth: Auth, entryId: string) {
  const entry = await findJournalEntryById(ctx.db, entryId);
  if (!entry) throw notFound('We could not find that journal entry.');
  authorizeChange(auth, entry.userId, 'journal');
  return entry;
}

async function checkWrittenOn(ctx: ServiceContext, userId: string, writtenOn: string) {
  if (writtenOn < EARLIEST_START) throw invalidField('writtenOn', 'Enter a date after 1900.');
  if (writtenOn > (await todayOf(ctx, userId))) throw invalidField('writtenOn', 'That day has not happened yet.');
}

/** A page of the member's journal, newest first, optionally only entries matching some words. */
export async function listOwnJournal(
  ctx: ServiceContext,
  auth: Auth,
  query: { q?: string | undefined; cursor?: string | undefined },
): Promise<JournalList> {
  await authorizeRead(ctx, auth, auth.user.id, 'journal');
  const rows = await listJournalEntries(ctx.db, auth.user.id, {
    words: query.q || undefined,
    after: decodeCursor(journalCursorSchema, query.cursor),
    limit: JOURNAL_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, JOURNAL_PAGE_SIZE);
  return {
    entries: page.map(presentJournalEntry),
    nextCursor: rows.length > JOURNAL_PAGE_SIZE ? encodeCursor(page.at(-1)!.position) : null,
  };
}

export async function getJournalEntry(ctx: ServiceContext, auth: Auth, entryId: string): Promise<JournalEntry> {
  return presentJournalEntry(await loadReadableEntry(ctx, auth, entryId));
}

/** Writes a journal entry, dated today unless the member says otherwise (never a later day). */
export async function createJournalEntry(
  ctx: ServiceContext,
  auth: Auth,
  input: { writtenOn?: string | undefined; title?: string | null | undefined; body: string },
): Promise<JournalEntry> {
  authorizeChange(auth, auth.user.id, 'journal');
  const writtenOn = input.writtenOn ?? (await todayOf(ctx, auth.user.id));
  await checkWrittenOn(ctx, auth.user.id, writtenOn);
  const entry = await insertJournalEntry(ctx.db, {
    userId: auth.user.id,
    writtenOn,
    title: input.title ?? null,
    body: input.body,
  });
  return presentJournalEntry(entry);
}

export async function updateOwnJournalEntry(
  ctx: ServiceContext,
  auth: Auth,
  entryId: string,
  changes: { writtenOn?: string | undefined; title?: string | null | undefined; body?: string | undefined },
): Promise<JournalEntry> {
  const entry = await loadChangeableEntry(ctx, auth, entryId);
  if (changes.writtenOn !== undefined) await checkWrittenOn(ctx, entry.userId, changes.writtenOn);
  const updated = await updateJournalEntry(ctx.db, entry.id, {
    ...(changes.writtenOn !== undefined && { writtenOn: changes.writtenOn }),
    ...(changes.title !== undefined && { title: changes.title }),
    ...(changes.body !== undefined && { body: changes.body }),
  });
  return presentJournalEntry(updated);
}

export async function deleteOwnJournalEntry(ctx: ServiceContext, auth: Auth, entryId: string): Promise<void> {
  const entry = await loadChangeableEntry(ctx, auth, entryId);
  await deleteJournalEntry(ctx.db, entry.id);
}

/* ----------------------------------------------------------------- celebrating together */

export const FEED_PAGE_SIZE = 20;

async function presentSharedMilestones(
  ctx: ServiceContext,
  auth: Auth,
  rows: SharedMilestoneRow[],
): Promise<SharedMilestone[]> {
  const congratulations = await findCongratulationsOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  const handles = await findHandlesByIds(ctx, [
    ...rows.map((row) => row.userId),
    ...congratulations.map((row) => row.userId),
  ]);
  return rows.map((row) => presentSharedMilestone(row, { viewerId: auth.user.id, handles, congratulations }));
}

async function presentOneSharedMilestone(ctx: ServiceContext, auth: Auth, row: SharedMilestoneRow) {
  const [presented] = await presentSharedMilestones(ctx, auth, [row]);
  return presented!;
}

/**
 * Shares a milestone the member has reached on the counter's current start with the community.
 * Never automatic; each milestone of a start can be shared once.
 */
export async function shareMilestone(
  ctx: ServiceContext,
  auth: Auth,
  counterId: string,
  milestoneKey: string,
  note: string | null,
): Promise<SharedMilestone> {
  const counter = await loadChangeableCounter(ctx, auth, counterId);
  const definition = findMilestoneDefinition(milestoneKey);
  if (!definition) throw invalidField('key', 'Unknown milestone.');
  const timeZone = await findMemberTimeZone(ctx, counter.userId);
  const start = { startedOn: counter.startedOn, startedAt: toLocalTime(counter.startedAt) };
  const time = describeCounterTime(start, timeZone, currentInstant());
  if (!time.reached.some((moment) => moment.key === definition.key)) {
    throw invalidField('key', 'That milestone has not arrived yet.');
  }
  const shared = await insertSharedMilestone(ctx.db, {
    userId: counter.userId,
    counterId: counter.id,
    streakStartedOn: counter.startedOn,
    milestoneKey: definition.key,
    milestoneLabel: definition.label,
    note,
  });
  if (!shared) throw conflict('You have already shared this milestone.');
  return presentOneSharedMilestone(ctx, auth, shared);
}

/** The community's shared milestones, newest first. */
export async function listMilestoneFeed(
  ctx: ServiceContext,
  auth: Auth,
  cursor: string | undefined,
): Promise<MilestoneFeed> {
  const rows = await listSharedMilestones(ctx.db, {
    after: decodeCursor(feedCursorSchema, cursor),
    limit: FEED_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, FEED_PAGE_SIZE);
  return {
    milestones: await presentSharedMilestones(ctx, auth, page),
    nextCursor: rows.length > FEED_PAGE_SIZE ? encodeCursor(page.at(-1)!.position) : null,
  };
}

async function loadSharedMilestone(ctx: ServiceContext, id: string): Promise<SharedMilestoneRow> {
  const shared = await findSharedMilestoneById(ctx.db, id);
  if (!shared) throw notFound('That milestone is no longer shared.');
  return shared;
}

/** Takes a shared milestone off the feed (only the member who shared it). */
export async function unshareMilestone(ctx: ServiceContext, auth: Auth, id: string): Promise<void> {
  const shared = await loadSharedMilestone(ctx, id);
  if (shared.userId !== auth.user.id) throw forbidden('Only the member who shared a milestone can take it back.');
  await deleteSharedMilestone(ctx.db, shared.id);
}

/** Sets the member's congratulation (a reaction, a short note, or both) on someone's milestone. */
export async function congratulateMilestone(
  ctx: ServiceContext,
  auth: Auth,
  id: string,
  input: CongratulationInput,
): Promise<SharedMilestone> {
  const shared = await loadSharedMilestone(ctx, id);
  if (shared.userId === auth.user.id) throw forbidden('You cannot congratulate your own milestone.');
  await upsertCongratulation(ctx.db, {
    sharedMilestoneId: shared.id,
    userId: auth.user.id,
    reaction: input.reaction ?? null,
    note: input.note ?? null,
  });
  return presentOneSharedMilestone(ctx, auth, shared);
}

/** Takes back the member's congratulation. */
export async function withdrawCongratulation(ctx: ServiceContext, auth: Auth, id: string): Promise<SharedMilestone> {
  const shared = await loadSharedMilestone(ctx, id);
  await deleteCongratulation(ctx.db, shared.id, auth.user.id);
  return presentOneSharedMilestone(ctx, auth, shared);
}

/* ----------------------------------------------------------------- export */

/** Everything of the member's recovery, for their data export. */
export async function exportRecoveryData(ctx: ServiceContext, auth: Auth) {
  const userId = auth.user.id;
  const timeZone = await findMemberTimeZone(ctx, userId);
  const today = todayIn(timeZone);
  const [counters, checkIns, plan, journal, shared, given] = await Promise.all([
    findCountersOfUser(ctx.db, userId),
    findAllCheckInsOfUser(ctx.db, userId),
    findPlan(ctx.db, userId),
    findAllJournalEntriesOfUser(ctx.db, userId),
    findSharedMilestonesOfUser(ctx.db, userId),
    findCongratulationsByUser(ctx.db, userId),
  ]);
  const sharedPresented = await presentSharedMilestones(ctx, auth, shared);
  return {
    timeZone,
    counters: await presentCounters(ctx, counters, timeZone),
    checkIns: checkIns.map((row) => presentCheckIn(row, today)),
    plan: presentPlan(plan),
    journal: journal.map(presentJournalEntry),
    sharedMilestones: sharedPresented.map((item, index) => ({
      ...item,
      sharedAt: shared[index]!.createdAt.toISOString(),
    })),
    congratulationsGiven: given.map((row) => ({
      sharedMilestoneId: row.sharedMilestoneId,
      reaction: row.reaction,
      note: row.note,
      at: row.updatedAt.toISOString(),
    })),
  };
}
