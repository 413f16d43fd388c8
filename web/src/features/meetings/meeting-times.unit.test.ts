import { describe, expect, it } from 'vitest';
import { describeMeetingTime, nextStart, weeksInWords } from './meeting-times.ts';

const chicago = 'America/Chicago';

describe('a meeting’s time for people', () => {
  it('says which weeks of the month, the last one last', () => {
    expect(weeksInWords([3, 1])).toBe('1st & 3rd');
    expect(weeksInWords([-1, 2])).toBe('2nd & last');
    const meeting = { day: 2, weeksOfMonth: [1, 3], startTime: '19:00', endTime: '20:00', timeZone: chicago };
    const options = { viewerZone: chicago, now: Date.parse('2026-11-21T12:00:00Z') };
    expect(describeMeetingTime(meeting, { ...options, width: 'long' }).local).toMatch(
      /^The 1st & 3rd Tuesday of the month, 7:00\s?PM to 8:00\s?PM$/,
    );
    expect(describeMeetingTime(meeting, options).local).toMatch(/^1st & 3rd Tue 7:00\s?PM$/);
  });

  it('finds the next meeting on its own weeks, across months and daylight saving', () => {
    const firstAndThird = { day: 2, weeksOfMonth: [1, 3], startTime: '19:00', timeZone: chicago };
    // From Saturday 21 November 2026 the next 1st/3rd Tuesday is 1 December (CST, UTC-6).
    expect(new Date(nextStart(firstAndThird, Date.parse('2026-11-21T12:00:00Z'))!).toISOString()).toBe(
      '2026-12-02T01:00:00.000Z',
    );
    const lastFriday = { day: 5, weeksOfMonth: [-1], startTime: '18:30', timeZone: chicago };
    // The last Friday of March 2027 is the 26th, after the change to CDT (UTC-5).
    expect(new Date(nextStart(lastFriday, Date.parse('2027-03-01T12:00:00Z'))!).toISOString()).toBe(
      '2027-03-26T23:30:00.000Z',
    );
    const weekly = { day: 2, weeksOfMonth: null, startTime: '19:00', timeZone: chicago };
    expect(new Date(nextStart(weekly, Date.parse('2026-11-21T12:00:00Z'))!).toISOString()).toBe(
      '2026-11-25T01:00:00.000Z',
    );
  });
});
