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

/**
 * A wall-clock moment as sortable text, "YYYY-MM-DDTHH:MM". Comparing these strings compares the
 * moments; it is many times cheaper than Temporal's compare and until, which the counters page
 * would otherwise call a dozen times per counter.
 */
type WallClockText = string;

const pad = (value: number) => String(value).padStart(2, '0');

function dateText(date: Temporal.PlainDate | Temporal.PlainDateTime): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

function wallClockText(moment: Temporal.PlainDateTime): WallClockText {
  // Built from the fields: Temporal's toString is ten times slower, and this runs per milestone.
  return `${dateText(moment)}T${pad(moment.hour)}:${pad(moment.minute)}`;
}

/** Days since 1970-01-01 of a "YYYY-MM-DD…" text (the calendar date only; no zone involved). */
function epochDay(text: string): number {
  return Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) / 86_400_000;
}

function wholeDaysBetweenTexts(from: WallClockText, to: WallClockText): number {
  const days = epochDay(to) - epochDay(from) - (to.slice(11) < from.slice(11) ? 1 : 0);
  return Math.max(0, days);
}

/** Whole calendar days from one wall-clock moment to another (0 when the end is earlier). */
export function wholeDaysBetween(from: Temporal.PlainDateTime, to: Temporal.PlainDateTime): number {
  return wholeDaysBetweenTexts(wallClockText(from), wallClockText(to));
}

function calendarSpanOfTexts(start: Temporal.PlainDate, from: WallClockText, to: WallClockText): CalendarSpan {
  if (from >= to) return { years: 0, months: 0, days: 0 };
  // Temporal's own difference says 31 Jan → 28 Feb is 28 days; we want "1 month", the same
  // arithmetic as the milestones: the most months whose (constrained) addition stays ≤ the end.
  let months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7)));
  const time = from.slice(10);
  let anchor = dateText(start.add({ months })) + time;
  while (months > 0 && anchor > to) {
    months -= 1;
    anchor = dateText(start.add({ months })) + time;
  }
  return { years: Math.floor(months / 12), months: months % 12, days: wholeDaysBetweenTexts(anchor, to) };
}

/** Years, months and days from start to end, counted in calendar months as milestones are. */
export function calendarSpan(from: Temporal.PlainDateTime, to: Temporal.PlainDateTime): CalendarSpan {
  return calendarSpanOfTexts(from.toPlainDate(), wallClockText(from), wallClockText(to));
}

function momentOf(
  definition: MilestoneDefinition,
  start: { date: Temporal.PlainDate; time: Temporal.PlainTime; timeText: string },
  timeZone: string,
  now: WallClockText,
): MilestoneMoment {
  // Calendar arithmetic on the date alone (cheaper), with the start's wall-clock time beside it.
  const arrivesOn = start.date.add(definition.after);
  const arrivesText = `${dateText(arrivesOn)}T${start.timeText}`;
  // A wall-clock time skipped by a daylight-saving jump maps to the moment just after it.
  const arrivesAt = arrivesOn.toZonedDateTime({ timeZone, plainTime: start.time }).epochMilliseconds;
  return {
    key: definition.key,
    label: definition.label,
    date: arrivesText.slice(0, 10),
    at: new Date(arrivesAt).toISOString(),
    isReached: now >= arrivesText,
    daysUntil: epochDay(arrivesText) - epochDay(now),
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
  const fromText = wallClockText(from);
  const startParts = { date: from.toPlainDate(), time: from.toPlainTime(), timeText: fromText.slice(11) };
  const nowText = wallClockText(wallClockAt(timeZone, now));
  const reached: MilestoneMoment[] = [];
  const upcoming: MilestoneMoment[] = [];
  for (const definition of milestoneDefinitions()) {
    const moment = momentOf(definition, startParts, timeZone, nowText);
    if (moment.isReached) reached.push(moment);
    else upcoming.push(moment);
    if (upcoming.length >= upcomingCount) break;
  }
  return {
    days: wholeDaysBetweenTexts(fromText, nowText),
    span: calendarSpanOfTexts(startParts.date, fromText, nowText),
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
  return epochDay(to) - epochDay(from);
}

/** The date `days` calendar days after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  // Plain day arithmetic in UTC, where every day has 24 hours: streaks walk hundreds of days.
  return new Date((epochDay(date) + days) * 86_400_000).toISOString().slice(0, 10);
}
