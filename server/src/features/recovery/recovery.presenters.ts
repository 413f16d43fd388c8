import type {
  CheckIn,
  Congratulation,
  CongratulationReaction,
  Counter,
  JournalEntry,
  Milestone,
  RecoveryPlan,
  SharedMilestone,
} from '@kindred/common/recovery';
import { congratulationReactions } from '@kindred/common/recovery';
import type { Temporal } from 'temporal-polyfill';
import type {
  CheckInRow,
  CongratulationRow,
  CounterRow,
  JournalEntryRow,
  PlanRow,
  SharedMilestoneRow,
  StreakRow,
} from './recovery.queries.ts';
import { describeCounterTime, streakDays, type MilestoneMoment } from './recovery.time.ts';

/** PostgreSQL prints time(0) as HH:MM:SS; members think in HH:MM. */
export function toLocalTime(time: string | null): string | null {
  return time === null ? null : time.slice(0, 5);
}

/** A counter as its owner sees it, computed for this instant in the owner's zone. */
export function presentCounter(
  counter: CounterRow,
  context: { streaks: StreakRow[]; shares: SharedMilestoneRow[]; timeZone: string; now: Temporal.Instant },
): Counter {
  const start = { startedOn: counter.startedOn, startedAt: toLocalTime(counter.startedAt) };
  const time = describeCounterTime(start, context.timeZone, context.now);
  const sharedIdByKey = new Map(
    context.shares
      .filter((share) => share.counterId === counter.id && share.streakStartedOn === counter.startedOn)
      .map((share) => [share.milestoneKey, share.id]),
  );
  const milestone = (moment: MilestoneMoment): Milestone => ({
    ...moment,
    sharedMilestoneId: sharedIdByKey.get(moment.key) ?? null,
  });
  const earlierStreaks = context.streaks
    .filter((streak) => streak.counterId === counter.id)
    .map((streak) => ({
      startedOn: streak.startedOn,
      endedOn: streak.endedOn,
      days: streakDays(
        { startedOn: streak.startedOn, startedAt: toLocalTime(streak.startedAt) },
        { startedOn: streak.endedOn, startedAt: toLocalTime(streak.endedAt) },
      ),
      note: streak.note,
    }));
  const allStreakDays = [time.days, ...earlierStreaks.map((streak) => streak.days)];
  return {
    id: counter.id,
    label: counter.label,
    startedOn: counter.startedOn,
    startedAt: start.startedAt,
    days: time.days,
    span: time.span,
    nextMilestone: milestone(time.next),
    reachedMilestones: time.reached.map(milestone).reverse(),
    upcomingMilestones: time.upcoming.map(milestone),
    earlierStreaks,
    totalDays: allStreakDays.reduce((sum, days) => sum + days, 0),
    longestStreakDays: Math.max(...allStreakDays),
    createdAt: counter.createdAt.toISOString(),
  };
}

export function presentCheckIn(checkIn: CheckInRow, today: string): CheckIn {
  return {
    day: checkIn.day,
    mood: checkIn.mood,
    craving: checkIn.craving,
    triggers: checkIn.triggers,
    pledged: checkIn.pledged,
    dayRating: checkIn.dayRating,
    eveningReview: checkIn.eveningReview,
    gratitude: checkIn.gratitude,
    notes: checkIn.notes,
    isEditable: checkIn.day === today,
    updatedAt: checkIn.updatedAt.toISOString(),
  };
}

const contact = (person: { name: string; phone: string | null; note: string | null }) => ({
  name: person.name,
  phone: person.phone,
  note: person.note,
});

/** The plan, or an empty one until the member first saves it. */
export function presentPlan(plan: PlanRow | null): RecoveryPlan {
  return {
    triggers: plan?.triggers ?? [],
    warningSigns: plan?.warningSigns ?? [],
    copingStrategies: plan?.copingStrategies ?? [],
    ownCopingStrategies: plan?.ownCopingStrategies ?? [],
    reasons: plan?.reasons ?? [],
    peopleToCall: (plan?.peopleToCall ?? []).map(contact),
    safePlaces: plan?.safePlaces ?? [],
    professionalContacts: (plan?.professionalContacts ?? []).map(contact),
    updatedAt: plan?.updatedAt.toISOString() ?? null,
  };
}

export function presentJournalEntry(entry: JournalEntryRow): JournalEntry {
  return {
    id: entry.id,
    writtenOn: entry.writtenOn,
    title: entry.title,
    body: entry.body,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

/** How many congratulation notes and reactions a feed item lists by name. */
export const CONGRATULATIONS_SHOWN = 50;

/** A shared milestone as any signed-in member sees it: handle, milestone, note; never a date. */
export function presentSharedMilestone(
  shared: SharedMilestoneRow,
  context: { viewerId: string; handles: Map<string, string>; congratulations: CongratulationRow[] },
): SharedMilestone {
  const own = context.congratulations.filter((row) => row.sharedMilestoneId === shared.id);
  const present = (row: CongratulationRow): Congratulation => ({
    handle: context.handles.get(row.userId) ?? 'former member',
    reaction: row.reaction,
    note: row.note,
  });
  const reactionCounts = Object.fromEntries(congratulationReactions.map((reaction) => [reaction, 0])) as Record<
    CongratulationReaction,
    number
  >;
  for (const row of own) if (row.reaction) reactionCounts[row.reaction] += 1;
  const mine = own.find((row) => row.userId === context.viewerId);
  return {
    id: shared.id,
    handle: context.handles.get(shared.userId) ?? 'former member',
    milestone: shared.milestoneLabel,
    note: shared.note,
    isMine: shared.userId === context.viewerId,
    reactionCounts,
    congratulations: own.slice(0, CONGRATULATIONS_SHOWN).map(present),
    congratulationCount: own.length,
    myCongratulation: mine ? present(mine) : null,
  };
}
