import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarSpan,
  daysFromTo,
  describeCounterTime,
  findMilestoneDefinition,
  isInFuture,
  milestoneDefinitions,
  streakDays,
  todayIn,
  type CounterStart,
} from './recovery.time.ts';

/** The instant when the wall clock in `timeZone` shows `local` (e.g. "2025-02-28T12:00"). */
function at(local: string, timeZone: string): Temporal.Instant {
  return Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone, { disambiguation: 'compatible' }).toInstant();
}

function milestone(start: CounterStart, timeZone: string, key: string) {
  const time = describeCounterTime(start, timeZone, at('2100-01-01T00:00', timeZone), 1);
  return time.reached.find((moment) => moment.key === key)!;
}

const span = (from: string, to: string) =>
  calendarSpan(Temporal.PlainDateTime.from(from), Temporal.PlainDateTime.from(to));

describe('calendar spans', () => {
  it('counts 31 January to the last day of February as one month, in common and leap years', () => {
    expect(span('2025-01-31T00:00', '2025-02-28T00:00')).toEqual({ years: 0, months: 1, days: 0 });
    expect(span('2024-01-31T00:00', '2024-02-29T00:00')).toEqual({ years: 0, months: 1, days: 0 });
    expect(span('2024-01-31T00:00', '2024-02-28T00:00')).toEqual({ years: 0, months: 0, days: 28 });
  });

  it('says "1 year, 2 months, 5 days" the way a calendar does', () => {
    expect(span('2024-09-16T00:00', '2025-11-21T00:00')).toEqual({ years: 1, months: 2, days: 5 });
  });

  it('counts a leap-day start as one year on 28 February of the next year', () => {
    expect(span('2024-02-29T00:00', '2025-02-28T00:00')).toEqual({ years: 1, months: 0, days: 0 });
    expect(span('2024-02-29T00:00', '2028-02-29T00:00')).toEqual({ years: 4, months: 0, days: 0 });
  });

  it('is all zeros before the start and on the start', () => {
    expect(span('2025-05-05T10:00', '2025-05-05T10:00')).toEqual({ years: 0, months: 0, days: 0 });
    expect(span('2025-05-05T10:00', '2025-05-01T10:00')).toEqual({ years: 0, months: 0, days: 0 });
  });
});

describe('milestones', () => {
  it('come in the order of the list, then every year after 18 months', () => {
    const keys: string[] = [];
    for (const definition of milestoneDefinitions()) {
      keys.push(definition.key);
      if (keys.length === 13) break;
    }
    expect(keys).toEqual([
      'hours:24',
      'days:7',
      'days:14',
      'days:30',
      'days:60',
      'days:90',
      'months:6',
      'months:9',
      'years:1',
      'months:18',
      'years:2',
      'years:3',
      'years:4',
    ]);
  });

  it('put months at month ends on the last day of the shorter month', () => {
    const start = { startedOn: '2025-08-31', startedAt: null };
    expect(milestone(start, 'UTC', 'months:6').date).toBe('2026-02-28');
    expect(milestone(start, 'UTC', 'months:9').date).toBe('2026-05-31');
    expect(milestone(start, 'UTC', 'months:18').date).toBe('2027-02-28');
    expect(milestone({ startedOn: '2023-08-31', startedAt: null }, 'UTC', 'months:6').date).toBe('2024-02-29');
  });

  it('give a leap-day start its years on 28 February, and 29 February in leap years', () => {
    const start = { startedOn: '2024-02-29', startedAt: null };
    expect(milestone(start, 'UTC', 'years:1').date).toBe('2025-02-28');
    expect(milestone(start, 'UTC', 'years:4').date).toBe('2028-02-29');
  });

  it('keep "24 hours" on the next calendar day across a spring-forward night', () => {
    // New York springs forward at 2:00 on 9 March 2025: only 23 real hours pass on the wall clock.
    const start = { startedOn: '2025-03-08', startedAt: '23:30' };
    const day = milestone(start, 'America/New_York', 'hours:24');
    expect(day.date).toBe('2025-03-09');
    expect(day.at).toBe('2025-03-10T03:30:00.000Z');
    expect(describeCounterTime(start, 'America/New_York', at('2025-03-09T23:29', 'America/New_York')).reached).toEqual(
      [],
    );
    expect(
      describeCounterTime(start, 'America/New_York', at('2025-03-09T23:30', 'America/New_York')).reached,
    ).toHaveLength(1);
  });

  it('keep day counts on the calendar across a fall-back night', () => {
    // London falls back at 2:00 on 26 October 2025: 01:30 happens twice; the first one counts.
    const start = { startedOn: '2025-10-25', startedAt: '01:30' };
    const day = milestone(start, 'Europe/London', 'hours:24');
    expect(day.date).toBe('2025-10-26');
    expect(day.at).toBe('2025-10-26T00:30:00.000Z');
    expect(milestone(start, 'Europe/London', 'days:7').date).toBe('2025-11-01');
  });

  it('move a start time skipped by a spring-forward jump to just after the jump', () => {
    const start = { startedOn: '2025-03-29', startedAt: '01:30' };
    expect(milestone(start, 'Europe/London', 'hours:24').at).toBe('2025-03-30T01:30:00.000Z');
  });

  it('know milestone keys, and nothing else', () => {
    expect(findMilestoneDefinition('days:30')?.label).toBe('30 days');
    expect(findMilestoneDefinition('years:12')?.label).toBe('12 years');
    expect(findMilestoneDefinition('years:1')?.label).toBe('1 year');
    expect(findMilestoneDefinition('years:0')).toBeNull();
    expect(findMilestoneDefinition('days:31')).toBeNull();
    expect(findMilestoneDefinition('weeks:2')).toBeNull();
  });
});

describe('counting days in the member’s zone', () => {
  it('gives the same instant different days in different zones', () => {
    const start = { startedOn: '2026-01-01', startedAt: null };
    const instant = Temporal.Instant.from('2026-01-31T06:00:00Z');
    const losAngeles = describeCounterTime(start, 'America/Los_Angeles', instant);
    const tokyo = describeCounterTime(start, 'Asia/Tokyo', instant);
    expect(losAngeles.days).toBe(29);
    expect(losAngeles.next).toMatchObject({ key: 'days:30', daysUntil: 1, isReached: false });
    expect(tokyo.days).toBe(30);
    expect(tokyo.next).toMatchObject({ key: 'days:60' });
    expect(todayIn('America/Los_Angeles', instant)).toBe('2026-01-30');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-01-31');
  });

  it('counts a day only when the start time comes round again', () => {
    const start = { startedOn: '2026-01-01', startedAt: '20:00' };
    expect(describeCounterTime(start, 'UTC', at('2026-01-02T19:59', 'UTC')).days).toBe(0);
    expect(describeCounterTime(start, 'UTC', at('2026-01-02T20:00', 'UTC')).days).toBe(1);
  });

  it('knows a start later today is in the future', () => {
    const now = at('2026-05-01T09:00', 'Europe/Paris');
    expect(isInFuture({ startedOn: '2026-05-01', startedAt: '10:00' }, 'Europe/Paris', now)).toBe(true);
    expect(isInFuture({ startedOn: '2026-05-01', startedAt: '08:59' }, 'Europe/Paris', now)).toBe(false);
    expect(isInFuture({ startedOn: '2026-05-02', startedAt: null }, 'Europe/Paris', now)).toBe(true);
    expect(isInFuture({ startedOn: '2026-05-01', startedAt: null }, 'Europe/Paris', now)).toBe(false);
  });

  it('steps calendar days across month ends, leap days and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2025-03-09', 0)).toBe('2025-03-09');
    expect(daysFromTo('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysFromTo('2025-03-31', '2025-03-01')).toBe(-30);
  });

  it('measures an earlier streak from its start to the new start', () => {
    expect(streakDays({ startedOn: '2025-01-01', startedAt: null }, { startedOn: '2025-03-01', startedAt: null })).toBe(
      59,
    );
  });
});

const zones = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Auckland',
  'America/Sao_Paulo',
];

describe('as days pass (property)', () => {
  it('reaches milestones in order, one day at a time, never skipping one, each on its own day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 40 }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })), { nil: null }),
        fc.constantFrom(...zones),
        (offset, time, timeZone) => {
          const startDate = Temporal.PlainDate.from('1995-01-01').add({ days: offset });
          const start = {
            startedOn: startDate.toString(),
            startedAt: time ? `${String(time[0]).padStart(2, '0')}:${String(time[1]).padStart(2, '0')}` : null,
          };
          let previous = describeCounterTime(start, timeZone, at(`${start.startedOn}T23:59`, timeZone));
          for (let day = 1; day <= 560; day += 1) {
            const today = startDate.add({ days: day });
            // 23:59 is on the wall clock in every zone here: no zone jumps at that minute.
            const current = describeCounterTime(start, timeZone, at(`${today.toString()}T23:59`, timeZone));
            const dates = current.reached.map((moment) => moment.date);
            expect([...dates].sort()).toEqual(dates);
            expect(new Set(dates).size).toBe(dates.length);
            const newlyReached = current.reached.length - previous.reached.length;
            expect(newlyReached === 0 || newlyReached === 1).toBe(true);
            if (newlyReached === 1) {
              expect(current.reached.at(-1)!.key).toBe(previous.next.key);
              expect(current.reached.at(-1)!.date).toBe(today.toString());
            }
            expect(current.next.date > today.toString()).toBe(true);
            expect(current.next.daysUntil).toBe(today.until(Temporal.PlainDate.from(current.next.date)).days);
            expect(current.days).toBe(day);
            previous = current;
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
