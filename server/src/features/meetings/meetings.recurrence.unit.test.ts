import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { meetsOn, nextMeetingDate, weekOfMonthOf } from './meetings.recurrence.ts';

const date = (text: string) => Temporal.PlainDate.from(text);

describe('weeks of the month', () => {
  it('places a date in its month: the nth such weekday, and whether it is the last', () => {
    // November 2026: Tuesdays are the 3rd, 10th, 17th and 24th.
    expect(weekOfMonthOf(date('2026-11-03'))).toEqual({ nth: 1, isLast: false });
    expect(weekOfMonthOf(date('2026-11-17'))).toEqual({ nth: 3, isLast: false });
    expect(weekOfMonthOf(date('2026-11-24'))).toEqual({ nth: 4, isLast: true });
    // December 2026 has five Thursdays; the 31st is the 5th and the last.
    expect(weekOfMonthOf(date('2026-12-31'))).toEqual({ nth: 5, isLast: true });
    // February 2027 (28 days): the 22nd is the 4th Monday and the last.
    expect(weekOfMonthOf(date('2027-02-22'))).toEqual({ nth: 4, isLast: true });
  });

  it('knows a "1st and 3rd Tuesday" meeting and a "last Friday" one', () => {
    expect(meetsOn(date('2026-11-03'), 2, [1, 3])).toBe(true);
    expect(meetsOn(date('2026-11-10'), 2, [1, 3])).toBe(false);
    expect(meetsOn(date('2026-11-17'), 2, [1, 3])).toBe(true);
    expect(meetsOn(date('2026-11-18'), 2, [1, 3])).toBe(false); // a Wednesday
    expect(meetsOn(date('2026-11-27'), 5, [-1])).toBe(true);
    expect(meetsOn(date('2026-11-20'), 5, [-1])).toBe(false);
    expect(meetsOn(date('2026-11-20'), 5, null)).toBe(true);
  });

  it('finds the next date, across the end of a month and of a year', () => {
    expect(nextMeetingDate(date('2026-11-04'), 2, [1, 3])?.toString()).toBe('2026-11-17');
    expect(nextMeetingDate(date('2026-11-18'), 2, [1, 3])?.toString()).toBe('2026-12-01');
    expect(nextMeetingDate(date('2026-12-26'), 6, [-1])?.toString()).toBe('2026-12-26');
    expect(nextMeetingDate(date('2026-12-27'), 6, [-1])?.toString()).toBe('2027-01-30');
    // A 5th Monday: December 2026, January and February 2027 have only four Mondays.
    expect(nextMeetingDate(date('2026-12-01'), 1, [5])?.toString()).toBe('2027-03-29');
  });

  it('the next date is always a meeting day, never before the start, and no meeting day is skipped', () => {
    const weeks = fc.option(fc.uniqueArray(fc.constantFrom(1, 2, 3, 4, 5, -1), { minLength: 1 }), { nil: null });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 6 }), weeks, (offset, day, pattern) => {
        const from = date('2024-01-01').add({ days: offset });
        const next = nextMeetingDate(from, day, pattern);
        expect(next).not.toBeNull();
        expect(meetsOn(next!, day, pattern)).toBe(true);
        for (let probe = from; Temporal.PlainDate.compare(probe, next!) < 0; probe = probe.add({ days: 1 })) {
          expect(meetsOn(probe, day, pattern)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
