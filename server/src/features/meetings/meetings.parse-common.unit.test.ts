import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  deriveAttendance,
  deriveSlug,
  englishDayNames,
  formatTime12h,
  parseApproximate,
  parseAttendanceOption,
  parseConferencePhone,
  parseConferenceUrl,
  parseCoordinates,
  parseDay,
  parsePaypal,
  parseText,
  parseTextList,
  parseTime,
  parseTimeZone,
  parseTypes,
  parseUpdated,
  parseVenmo,
} from './meetings.parse-common.ts';

const days = (value: unknown) => {
  const result = parseDay(value);
  return result.ok ? result.value : `error: ${result.reason}`;
};
const time = (value: unknown) => {
  const result = parseTime(value);
  return result.ok ? result.value : `error: ${result.reason}`;
};

describe('parseDay', () => {
  it('reads numbers and numeric strings 0–6', () => {
    expect(days(0)).toEqual([0]);
    expect(days(6)).toEqual([6]);
    expect(days('1')).toEqual([1]);
    expect(days(' 3 ')).toEqual([3]);
  });

  it('reads day 7 as Sunday, as tsml-ui shows it', () => {
    expect(days(7)).toEqual([0]);
    expect(days('7')).toEqual([0]);
  });

  it('reads English and Spanish day names in any case, with or without accents', () => {
    expect(days('Sunday')).toEqual([0]);
    expect(days('MONDAY')).toEqual([1]);
    expect(days('Thurs')).toEqual([4]);
    expect(days('sat')).toEqual([6]);
    expect(days('Tuesdays')).toEqual([2]);
    expect(days('domingo')).toEqual([0]);
    expect(days('miércoles')).toEqual([3]);
    expect(days('Sabado')).toEqual([6]);
  });

  it('gives several days for a list, without repeats', () => {
    expect(days([1, 3, '5'])).toEqual([1, 3, 5]);
    expect(days([6, 6])).toEqual([6]);
  });

  it('means by appointment for null, empty, an empty list or the words', () => {
    expect(days(null)).toBeNull();
    expect(days(undefined)).toBeNull();
    expect(days('')).toBeNull();
    expect(days('  ')).toBeNull();
    expect(days([])).toBeNull();
    expect(days('By Appointment')).toBeNull();
  });

  it('refuses what is not a day, with a reason', () => {
    expect(days(8)).toMatch(/^error: 8 is not a day/);
    expect(days(-1)).toMatch(/^error: /);
    expect(days(1.5)).toMatch(/^error: /);
    expect(days('Funday')).toBe('error: "Funday" is not a day');
    expect(days(true)).toMatch(/^error: /);
    expect(days([1, 'x'])).toMatch(/^error: /);
    expect(days([[1]])).toMatch(/^error: /);
  });

  it('never throws, and every answer is either days 0–6, null or a reason', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = parseDay(value);
        if (!result.ok) return typeof result.reason === 'string' && result.reason.length > 0;
        return result.value === null || result.value.every((day) => Number.isInteger(day) && day >= 0 && day <= 6);
      }),
    );
  });

  it('round-trips a day written as a number, a numeric string or its name', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), (day) => {
        const name = englishDayNames[day] ?? '';
        for (const written of [day, String(day), name, name.toLowerCase(), name.toUpperCase()]) {
          expect(parseDay(written)).toEqual({ ok: true, value: [day] });
        }
      }),
    );
  });
});

describe('parseTime', () => {
  it('reads 24-hour times with or without seconds', () => {
    expect(time('19:00')).toBe('19:00');
    expect(time('8:00')).toBe('08:00');
    expect(time('19:00:00')).toBe('19:00');
    expect(time('00:05')).toBe('00:05');
    expect(time('24:00')).toBe('00:00');
  });

  it('reads 12-hour times, noon and midnight', () => {
    expect(time('7:30 PM')).toBe('19:30');
    expect(time('11:00 AM')).toBe('11:00');
    expect(time('12:00 PM')).toBe('12:00');
    expect(time('12:00 AM')).toBe('00:00');
    expect(time('7:30pm')).toBe('19:30');
    expect(time('7 p.m.')).toBe('19:00');
    expect(time('19:00 PM')).toBe('19:00');
    expect(time('noon')).toBe('12:00');
    expect(time('Midnight')).toBe('00:00');
  });

  it('is absent (by appointment) for null and empty text', () => {
    expect(time(null)).toBeNull();
    expect(time(undefined)).toBeNull();
    expect(time('')).toBeNull();
  });

  it('refuses what is not a time of day, with a reason', () => {
    expect(time('25:00')).toBe('error: "25:00" is not a time of day (like 19:00 or 7:00 PM)');
    expect(time('abc')).toBe('error: "abc" is not a time of day (like 19:00 or 7:00 PM)');
    expect(time('12:60')).toMatch(/^error: /);
    expect(time('13:00 AM')).toMatch(/^error: /);
    expect(time('19')).toMatch(/^error: /);
    expect(time(1900)).toMatch(/^error: /);
  });

  it('never throws, and what it accepts is a valid HH:MM', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.string(), fc.stringMatching(/^\d{1,2}:\d{2}( ?[AaPp][Mm])?$/)),
        (value) => {
          const result = parseTime(value);
          if (!result.ok) return result.reason.length > 0;
          return result.value === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(result.value);
        },
      ),
    );
  });

  it('round-trips every minute of the day in 24-hour, 12-hour and seconds forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (hour, minute) => {
        const hhmm = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        expect(parseTime(hhmm)).toEqual({ ok: true, value: hhmm });
        expect(parseTime(`${hhmm}:00`)).toEqual({ ok: true, value: hhmm });
        expect(parseTime(formatTime12h(hhmm))).toEqual({ ok: true, value: hhmm });
        expect(parseTime(formatTime12h(hhmm).toLowerCase())).toEqual({ ok: true, value: hhmm });
      }),
    );
  });
});

describe('parseTypes', () => {
  it('splits reserved codes from custom types', () => {
    expect(parseTypes(['O', 'ASBI', 'D', 'ONL'])).toEqual({ types: ['O', 'D', 'ONL'], customTypes: ['ASBI'] });
  });

  it('reads lowercase codes, comma-separated strings and bracketed strings', () => {
    expect(parseTypes(['C', 'TC', 'onl'])).toEqual({ types: ['C', 'TC', 'ONL'], customTypes: [] });
    expect(parseTypes('O, W,x')).toEqual({ types: ['O', 'W', 'X'], customTypes: [] });
    expect(parseTypes('[open]')).toEqual({ types: ['O'], customTypes: [] });
    expect(parseTypes('[closed, women]')).toEqual({ types: ['C', 'W'], customTypes: [] });
    expect(parseTypes('["O","SP"]')).toEqual({ types: ['O', 'SP'], customTypes: [] });
  });

  it('reads type names as spreadsheets write them', () => {
    expect(parseTypes('Open, Women, Wheelchair Access, Online Meeting, 12 Steps & 12 Traditions')).toEqual({
      types: ['O', 'W', 'X', 'ONL', '12x12'],
      customTypes: [],
    });
  });

  it('skips empty tokens and repeats, and is empty for nothing', () => {
    expect(parseTypes(['O', '', ' o ', 'NA', 'NA'])).toEqual({ types: ['O'], customTypes: ['NA'] });
    expect(parseTypes(null)).toEqual({ types: [], customTypes: [] });
    expect(parseTypes('')).toEqual({ types: [], customTypes: [] });
    expect(parseTypes({ O: true })).toEqual({ types: [], customTypes: [] });
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.anything(), (value) => Array.isArray(parseTypes(value).types)));
  });
});

describe('attendance', () => {
  const facts = { explicit: null, hasOnlineAccess: false, hasPhysicalAddress: false, isTemporarilyClosed: false };

  it('derives the mode from join details, address and TC', () => {
    expect(deriveAttendance({ ...facts, hasPhysicalAddress: true })).toBe('in_person');
    expect(deriveAttendance({ ...facts, hasOnlineAccess: true })).toBe('online');
    expect(deriveAttendance({ ...facts, hasOnlineAccess: true, hasPhysicalAddress: true })).toBe('hybrid');
    expect(deriveAttendance(facts)).toBe('inactive');
  });

  it('treats TC as a closed room: online if it can be joined, else inactive', () => {
    const closed = { ...facts, hasPhysicalAddress: true, isTemporarilyClosed: true };
    expect(deriveAttendance(closed)).toBe('inactive');
    expect(deriveAttendance({ ...closed, hasOnlineAccess: true })).toBe('online');
  });

  it('lets an explicit attendance_option win', () => {
    expect(deriveAttendance({ ...facts, explicit: 'hybrid' })).toBe('hybrid');
    expect(parseAttendanceOption('in_person')).toBe('in_person');
    expect(parseAttendanceOption('In Person')).toBe('in_person');
    expect(parseAttendanceOption('sometimes')).toBeNull();
  });

  it('needs a valid URL or a dialable phone to count as online', () => {
    expect(parseConferenceUrl('https://zoom.us/j/123')).toBe('https://zoom.us/j/123');
    expect(parseConferenceUrl('')).toBeNull();
    expect(parseConferenceUrl('zoom.us/j/123')).toBeNull();
    expect(parseConferenceUrl('ftp://zoom.us/j/123')).toBeNull();
    expect(parseConferenceUrl('https://localhost/x')).toBeNull();
    expect(parseConferencePhone('+13017158592,,503536771#')).toBe('+13017158592,,503536771#');
    expect(parseConferencePhone('tel:+1 646 558 8656')).toBe('+1 646 558 8656');
    expect(parseConferencePhone('call us')).toBeNull();
    expect(parseConferencePhone('')).toBeNull();
  });

  it('reads approximate as yes/no or a boolean', () => {
    expect(parseApproximate('yes')).toBe(true);
    expect(parseApproximate('no')).toBe(false);
    expect(parseApproximate(true)).toBe(true);
    expect(parseApproximate('')).toBeNull();
  });
});

describe('other fields', () => {
  it('turns empty strings into null and numbers into text', () => {
    expect(parseText('')).toBeNull();
    expect(parseText('  ')).toBeNull();
    expect(parseText(5828)).toBe('5828');
    expect(parseText({})).toBeNull();
    expect(parseTextList('a@x.org, b@x.org,')).toEqual(['a@x.org', 'b@x.org']);
  });

  it('reads updated stamps as ISO instants, or null', () => {
    expect(parseUpdated('2023-05-01 12:34:56')).toBe('2023-05-01T12:34:56Z');
    expect(parseUpdated('8/25/2022 11:17:07 AM')).toBe('2022-08-25T11:17:07Z');
    expect(parseUpdated('8/25/2022 11:17:07 PM', 'America/Edmonton')).toBe('2022-08-26T05:17:07Z');
    expect(parseUpdated('2023-05-01T12:34:56-04:00')).toBe('2023-05-01T16:34:56Z');
    expect(parseUpdated('2023-02-30 00:00:00')).toBeNull();
    expect(parseUpdated('yesterday')).toBeNull();
    expect(parseUpdated('')).toBeNull();
  });

  it('keeps only IANA zones the runtime knows', () => {
    expect(parseTimeZone('America/Los_Angeles')).toBe('America/Los_Angeles');
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(parseTimeZone('EST')).toBeNull();
    expect(parseTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(parseTimeZone('')).toBeNull();
  });

  it('reads coordinates as numbers or numeric strings in range, and drops (0, 0)', () => {
    expect(parseCoordinates('39.9525839', '-75.1652215')).toEqual({ latitude: 39.9525839, longitude: -75.1652215 });
    expect(parseCoordinates(33.7, -118.0)).toEqual({ latitude: 33.7, longitude: -118.0 });
    expect(parseCoordinates(0, 0)).toBeNull();
    expect(parseCoordinates(91, 0)).toBeNull();
    expect(parseCoordinates('x', '1')).toBeNull();
  });

  it('drops 7th-tradition handles that are not handles', () => {
    expect(parseVenmo('@shoulder-to-shoulder')).toBe('@shoulder-to-shoulder');
    expect(parseVenmo('shoulder')).toBeNull();
    expect(parsePaypal('AAGroupName')).toBe('AAGroupName');
    expect(parsePaypal('Password: Surr419!')).toBeNull();
  });

  it('adds a duration to a start time, past midnight too', () => {
    expect(addDuration('19:00', '01:30:00')).toBe('20:30');
    expect(addDuration('23:30', '1:00')).toBe('00:30');
    expect(addDuration('19:00', '00:00:00')).toBeNull();
    expect(addDuration('19:00', undefined)).toBeNull();
  });

  it('derives the same slug for the same meeting however its day and case are written', () => {
    const slug = deriveSlug({ name: 'Sunday Serenity', day: '0', time: '18:00', address: '123 Main St' });
    expect(slug).toMatch(/^sunday-serenity-[0-9a-f]{10}$/);
    expect(deriveSlug({ name: 'sunday serenity ', day: '0', time: '18:00', address: '123 MAIN ST' })).toBe(slug);
    expect(deriveSlug({ name: 'Sunday Serenity', day: '0', time: '19:00', address: '123 Main St' })).not.toBe(slug);
  });
});
