/**
 * Recovery time, right to the day in the member's zone. Every count works on the member's wall
 * clock (Temporal.PlainDateTime), never on elapsed milliseconds, so daylight-saving changes and
 * leap days cannot move a milestone by a day. Months and years are calendar months and years: a
 * start on 31 January reaches one month on the last day of February.
 */
import { Temporal } from 'temporal-polyfill';

/** When a counter (or one earlier streak) started, as the member entered it. */
export type CounterStart = { startedOn: string; startedAt: string | null };

export type CalendarSpan = { years: number; months: number; days: number };

export type MilestoneMoment = {
  key: string;
  label: string;
  /** The calendar day it arrives, YYYY-MM-DD in the member's zone. */
  date: string;
  /** The moment it arrives, as an ISO instant. */
  at: string;
  isReached: boolean;
  /** Calendar days from today to its day: 0 on the day, negative once passed. */
  daysUntil: number;
};

type MilestoneDefinition = { key: string; label: string; after: Temporal.DurationLike };

const FIRST_MILESTONES: readonly MilestoneDefinition[] = [
  // "24 hours" is one calendar day on the wall clock: on a daylight-saving night that is 23 or 25
  // real hours, and the milestone still falls on the next day at the time the counter started.
  { key: 'hours:24', label: '24 hours', after: { days: 1 } },
  { key: 'days:7', label: '7 days', after: { days: 7 } },
  { key: 'days:14', label: '14 days', after: { days: 14 } },
  { key: 'days:30', label: '30 days', after: { days: 30 } },
  { key: 'days:60', label: '60 days', after: { days: 60 } },
  { key: 'days:90', label: '90 days', after: { days: 90 } },
  { key: 'months:6', label: '6 months', after: { months: 6 } },
  { key: 'months:9', label: '9 months', after: { months: 9 } },
  { key: 'years:1', label: '1 year', after: { years: 1 } },
  { key: 'months:18', label: '18 months', after: { months: 18 } },
];

/** The milestones in the order they arrive: the fixed first ones, then every year from two on. */
export function* milestoneDefinitions(): Generator<MilestoneDefinition> {
  yield* FIRST_MILESTONES;
  for (let years = 2; ; years += 1) yield { key: `years:${years}`, label: `${years} years`, after: { years } };
}

/** The definition for a milestone key, or null when there is no such milestone. */
export function findMilestoneDefinition(key: string): MilestoneDefinition | null {
  const fixed = FIRST_MILESTONES.find((definition) => definition.key === key);
  if (fixed) return fixed;
  const match = /^years:(\d{1,3})$/.exec(key);
  const years = match ? Number(match[1]) : 0;
  return years >= 2 ? { key, label: `${years} years`, after: { years } } : null;
}

/** The member's wall clock at an instant. */
export function wallClockAt(timeZone: string, now: Temporal.Instant): Temporal.PlainDateTime {
  return now.toZonedDateTimeISO(timeZone).toPlainDateTime();
}

/** Today's date (YYYY-MM-DD) in the member's zone. */
export function todayIn(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): string {
  return wallClockAt(timeZone, now).toPlainDate().toString();
}

/** The moment a counter started on the member's wall clock (midnight when no time was given). */
export function startMoment(start: CounterStart): Temporal.PlainDateTime {
  return Temporal.PlainDate.from(start.startedOn).toPlainDateTime(start.startedAt ?? '00:00');
}

/** True when the start lies after "now" on the member's wall clock. */
export function isInFuture(start: CounterStart, timeZone: string, now: Temporal.Instant): boolean {
  return Temporal.PlainDateTime.compare(startMoment(start), wallClockAt(timeZone, now)) > 0;
}

/** Whole calendar days from one wall-clock moment to another (0 when the end is earlier). */
export function wholeDaysBetween(from: Temporal.PlainDateTime, to: Temporal.PlainDateTime): number {
  return Math.max(0, from.until(to, { largestUnit: 'days' }).days);
}

/** Years, months and days from start to end, counted in calendar months as milestones are. */
export function calendarSpan(from: Temporal.PlainDateTime, to: Temporal.PlainDateTime): CalendarSpan {
  if (Temporal.PlainDateTime.compare(from, to) >= 0) return { years: 0, months: 0, days: 0 };
  // Temporal's own difference says 31 Jan → 28 Feb is 28 days; we want "1 month", the same
  // arithmetic as the milestones: the most months whose (constrained) addition stays ≤ the end.
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  while (months > 0 && Temporal.PlainDateTime.compare(from.add({ months }), to) > 0) months -= 1;
  const days = wholeDaysBetween(from.add({ months }), to);
  return { years: Math.floor(months / 12), months: months % 12, days };
}

function momentOf(
  definition: MilestoneDefinition,
  start: Temporal.PlainDateTime,
  timeZone: string,
  now: Temporal.PlainDateTime,
): MilestoneMoment {
  const arrives = start.add(definition.after);
  return {
    key: definition.key,
    label: definition.label,
    date: arrives.toPlainDate().toString(),
    // A wall-clock time skipped by a daylight-saving jump maps to the moment just after it.
    at: arrives.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).toInstant().toString(),
    isReached: Temporal.PlainDateTime.compare(now, arrives) >= 0,
    daysUntil: now.toPlainDate().until(arrives.toPlainDate(), { largestUnit: 'days' }).days,
  };
}

export type CounterTime = {
  days: number;
  span: CalendarSpan;
  /** Reached milestones, oldest first. */
  reached: MilestoneMoment[];
  next: MilestoneMoment;
  /** The next few milestones, `next` first. */
  upcoming: MilestoneMoment[];
};

/** Where a counter stands at an instant: days, span, milestones reached and to come. */
export function describeCounterTime(
  start: CounterStart,
  timeZone: string,
  now: Temporal.Instant,
  upcomingCount = 3,
): CounterTime {
  const from = startMoment(start);
  const wallClock = wallClockAt(timeZone, now);
  const reached: MilestoneMoment[] = [];
  const upcoming: MilestoneMoment[] = [];
  for (const definition of milestoneDefinitions()) {
    const moment = momentOf(definition, from, timeZone, wallClock);
    if (moment.isReached) reached.push(moment);
    else upcoming.push(moment);
    if (upcoming.length >= upcomingCount) break;
  }
  return {
    days: wholeDaysBetween(from, wallClock),
    span: calendarSpan(from, wallClock),
    reached,
    next: upcoming[0]!,
    upcoming,
  };
}

/** Whole days of an earlier streak, from its start to the moment the member started again. */
export function streakDays(start: CounterStart, end: CounterStart): number {
  return wholeDaysBetween(startMoment(start), startMoment(end));
}

/** The current instant (one place, so tests and callers agree on the type). */
export function currentInstant(): Temporal.Instant {
  return Temporal.Now.instant();
}

/** Calendar days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

/** The date `days` calendar days after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}
