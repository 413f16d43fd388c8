/**
 * Meetings that meet on some weeks of the month only ("1st and 3rd Tuesdays", "last Friday"),
 * entered by hand: which week of the month a date is in, and when such a meeting next meets.
 */
import type { Temporal } from 'temporal-polyfill';

/** Where a date falls in its month: the nth such weekday (1–5), and whether it is the last one. */
export type WeekOfMonthPosition = { nth: number; isLast: boolean };

export function weekOfMonthOf(date: Temporal.PlainDate): WeekOfMonthPosition {
  return { nth: Math.ceil(date.day / 7), isLast: date.day + 7 > date.daysInMonth };
}

/** True when a meeting on `day` (0 = Sunday) in `weeksOfMonth` (null = every week) meets on `date`. */
export function meetsOn(date: Temporal.PlainDate, day: number, weeksOfMonth: readonly number[] | null): boolean {
  if (date.dayOfWeek % 7 !== day) return false;
  if (weeksOfMonth === null) return true;
  const { nth, isLast } = weekOfMonthOf(date);
  return weeksOfMonth.includes(nth) || (isLast && weeksOfMonth.includes(-1));
}

/** The first date from `from` (itself included) the meeting meets on; null if it never does. */
export function nextMeetingDate(
  from: Temporal.PlainDate,
  day: number,
  weeksOfMonth: readonly number[] | null,
): Temporal.PlainDate | null {
  // Every pattern recurs within two months (a "5th Tuesday" may skip a month or two: look further).
  for (let offset = 0; offset < 7 * 20; offset += 1) {
    const date = from.add({ days: offset });
    if (meetsOn(date, day, weeksOfMonth)) return date;
  }
  return null;
}
