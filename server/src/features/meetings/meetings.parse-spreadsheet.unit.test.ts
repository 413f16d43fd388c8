import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MalformedSourceError } from './meetings.import-types.ts';
import { englishDayNames, formatTime12h, parseDay, parseTime } from './meetings.parse-common.ts';
import { parseMeetingGuideJson } from './meetings.parse-meeting-guide.ts';
import { parseMeetingGuideCsv } from './meetings.parse-spreadsheet.ts';
import { meetingTypeName, normalizeMeetingType } from './meetings.types.ts';

const feedsDirectory = new URL('../../../../../shared/fixtures/meeting-feeds/', import.meta.url);

const sheet = [
  'Time,End Time,Day,Name,Location,Address,City,State,Postal Code,Country,Types,Notes,Region,Sub Region,Group,Conference URL,Conference URL Notes,Conference Phone,Conference Phone Notes,Location Notes,Slug,Updated,Timezone',
  '6:00 PM,7:00 PM,Sunday,Sunday Serenity,Alano Club,123 Main Street,Anytown,CA,98765,US,"Open, Big Book, Wheelchair Access",Ring the buzzer.,Anytown,Downtown,Serenity Group,,,,,"Second floor, ""blue door""",sunday-serenity,2014-05-31 14:32:23,America/Los_Angeles',
  '7:30 AM,,Monday,Morning Zoom,,,Anytown,CA,,US,"Online Meeting, Women, Fellowship Hall",,,,,https://zoom.us/j/123456789,Password 121212,,,,,,',
  '12:00 PM,1:00 PM,miércoles,Lunch Bunch,Library,9 Oak Ave,Anytown,CA,98765,US,"C, LOCATION TEMPORARILY CLOSED",,,,,,,,,,,8/25/2022 11:17:07 AM,',
  ',,,Anytime Group,,,Anytown,CA,,US,,By appointment,,,,,,,,,appointment-only,,',
  '25:00,,Tuesday,Broken Time,,,Anytown,CA,,US,,,,,,,,,,,,,',
  ',,,,,,,,,,,,,,,,,,,,,,',
].join('\r\n');

describe('parseMeetingGuideCsv', () => {
  it('reads the 12 Step Meeting List columns: day names, 12-hour times, type names', () => {
    const parsed = parseMeetingGuideCsv(sheet, { defaultTimeZone: 'America/Los_Angeles' });
    expect(parsed.rowsRead).toBe(5);
    expect(parsed.meetings).toHaveLength(4);
    const [serenity, zoom, lunch, appointment] = parsed.meetings;
    expect(serenity).toMatchObject({
      sourceKey: 'sunday-serenity',
      name: 'Sunday Serenity',
      day: 0,
      startTime: '18:00',
      endTime: '19:00',
      types: ['O', 'B', 'X'],
      locationName: 'Alano Club',
      locationNotes: 'Second floor, "blue door"',
      formattedAddress: '123 Main Street, Anytown, CA 98765, US',
      street: '123 Main Street',
      postalCode: '98765',
      regions: ['Anytown', 'Downtown'],
      groupName: 'Serenity Group',
      notes: 'Ring the buzzer.',
      timeZone: 'America/Los_Angeles',
      attendance: 'in_person',
      sourceUpdatedAt: '2014-05-31T14:32:23Z',
    });
    expect(zoom).toMatchObject({
      day: 1,
      startTime: '07:30',
      endTime: null,
      types: ['ONL', 'W'],
      customTypes: ['Fellowship Hall'],
      conferenceUrl: 'https://zoom.us/j/123456789',
      conferenceUrlNotes: 'Password 121212',
      isApproximate: true,
      attendance: 'online',
    });
    expect(zoom?.sourceKey).toMatch(/^morning-zoom-[0-9a-f]{10}$/);
    expect(lunch).toMatchObject({
      day: 3,
      startTime: '12:00',
      types: ['C', 'TC'],
      attendance: 'inactive',
      sourceUpdatedAt: '2022-08-25T18:17:07Z',
    });
    expect(appointment).toMatchObject({ sourceKey: 'appointment-only', day: null, startTime: null });
    expect(parsed.rejected).toEqual([
      {
        sourceKey: expect.stringMatching(/^broken-time-[0-9a-f]{10}$/) as unknown,
        name: 'Broken Time',
        reason: 'row 6: time: "25:00" is not a time of day (like 19:00 or 7:00 PM)',
      },
    ]);
  });

  it('derives the same slug on every import of a sheet without slugs', () => {
    const first = parseMeetingGuideCsv(sheet).meetings.map((row) => row.sourceKey);
    const second = parseMeetingGuideCsv(sheet.replace('7:30 AM', '07:30')).meetings.map((row) => row.sourceKey);
    expect(second).toEqual(first);
  });

  it('accepts ID for Slug, Full Address, tab separators and a byte-order mark', () => {
    const tsv =
      '\uFEFFID\tName\tDay\tTime\tFull Address\n42\tTab Meeting\t2\t19:00\t1 Elm St, Springfield, IL 62701, USA\n';
    const parsed = parseMeetingGuideCsv(tsv);
    expect(parsed.meetings).toHaveLength(1);
    expect(parsed.meetings[0]).toMatchObject({
      sourceKey: '42',
      day: 2,
      formattedAddress: '1 Elm St, Springfield, IL 62701, USA',
      attendance: 'in_person',
    });
  });

  it('refuses a CSV without Name, Day and Time columns, or one that is not CSV', () => {
    expect(() => parseMeetingGuideCsv('Title,When\nA,Sunday\n')).toThrow(MalformedSourceError);
    expect(() => parseMeetingGuideCsv('Title,When\nA,Sunday\n')).toThrow(/missing: Name, Day, Time/);
    expect(() => parseMeetingGuideCsv('')).toThrow(MalformedSourceError);
    expect(() => parseMeetingGuideCsv('Name,Day,Time\n"unclosed,Sunday,19:00\n')).toThrow(
      /^The file is not a readable CSV: /,
    );
  });
});

/** Writes Meeting Guide JSON rows as the 12 Step Meeting List sheet would: names, 12-hour times. */
function toSheet(rows: Record<string, unknown>[]): string {
  const columns: [string, (row: Record<string, unknown>) => unknown][] = [
    ['Slug', (row) => row.slug],
    ['Name', (row) => row.name],
    ['Day', (row) => (typeof row.day === 'number' ? englishDayNames[row.day] : row.day)],
    ['Time', (row) => (typeof row.time === 'string' ? formatTime12h(row.time) : '')],
    ['End Time', (row) => (typeof row.end_time === 'string' ? formatTime12h(row.end_time) : '')],
    ['Location', (row) => row.location],
    ['Full Address', (row) => row.formatted_address],
    ['Address', (row) => row.address],
    ['City', (row) => row.city],
    ['State', (row) => row.state],
    ['Postal Code', (row) => row.postal_code],
    ['Country', (row) => row.country],
    [
      'Types',
      (row) =>
        (Array.isArray(row.types) ? (row.types as string[]) : [])
          .map((type) => {
            const code = normalizeMeetingType(type);
            return code === null ? type : meetingTypeName(code);
          })
          .join(', '),
    ],
    ['Notes', (row) => row.notes],
    ['Location Notes', (row) => row.location_notes],
    ['Regions', (row) => (Array.isArray(row.regions) ? row.regions.join(' > ') : '')],
    ['Region', (row) => row.region],
    ['Sub Region', (row) => row.sub_region],
    ['Group', (row) => row.group],
    ['Group Notes', (row) => row.group_notes],
    ['Conference URL', (row) => row.conference_url],
    ['Conference URL Notes', (row) => row.conference_url_notes],
    ['Conference Phone', (row) => row.conference_phone],
    ['Conference Phone Notes', (row) => row.conference_phone_notes],
    ['Latitude', (row) => row.latitude],
    ['Longitude', (row) => row.longitude],
    ['Approximate', (row) => row.approximate],
    ['Attendance Option', (row) => row.attendance_option],
    ['Venmo', (row) => row.venmo],
    ['Paypal', (row) => row.paypal],
    ['Square', (row) => row.square],
    ['URL', (row) => row.url],
    ['Feedback URL', (row) => row.feedback_url],
    ['Updated', (row) => row.updated],
    ['Timezone', (row) => row.timezone],
  ];
  const cell = (value: unknown) => {
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [
    columns.map(([header]) => header).join(','),
    ...rows.map((row) => columns.map(([, value]) => cell(value(row))).join(',')),
  ].join('\n');
}

describe('a real feed written as a spreadsheet', () => {
  for (const file of ['se-pennsylvania-aa.json', 'orange-county-ca-aa.json', 'kansas-city-aa.json']) {
    it(`parses the first rows of ${file} to the same meetings as its JSON`, () => {
      const rows = (JSON.parse(readFileSync(new URL(file, feedsDirectory), 'utf8')) as Record<string, unknown>[]).slice(
        0,
        60,
      );
      // The sheet writes what the JSON parser reads, so both sides go through the same field parsers.
      expect(rows.every((row) => parseDay(row.day).ok && parseTime(row.time).ok)).toBe(true);
      const fromJson = parseMeetingGuideJson(JSON.stringify(rows));
      const fromSheet = parseMeetingGuideCsv(toSheet(rows));
      expect(fromJson.meetings).toHaveLength(60);
      expect(fromSheet).toEqual(fromJson);
    });
  }
});
