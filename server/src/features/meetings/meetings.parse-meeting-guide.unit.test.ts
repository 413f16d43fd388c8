import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MalformedSourceError, type ImportedMeeting, type ParsedSource } from './meetings.import-types.ts';
import { parseMeetingGuideJson } from './meetings.parse-meeting-guide.ts';

const feedsDirectory = new URL('../../../../../shared/fixtures/meeting-feeds/', import.meta.url);
const readFeed = (file: string) => readFileSync(new URL(file, feedsDirectory), 'utf8');
const parseFeed = (file: string, defaultTimeZone?: string) =>
  parseMeetingGuideJson(readFeed(file), defaultTimeZone ? { defaultTimeZone } : {});

function meeting(parsed: ParsedSource, sourceKey: string): ImportedMeeting {
  const found = parsed.meetings.find((candidate) => candidate.sourceKey === sourceKey);
  if (!found) throw new Error(`no meeting ${sourceKey}`);
  return found;
}

function attendanceCounts(parsed: ParsedSource) {
  const counts: Record<string, number> = {};
  for (const { attendance } of parsed.meetings) counts[attendance] = (counts[attendance] ?? 0) + 1;
  return counts;
}

/** Rows read, meetings, rejected reasons and attendance for every shared feed, exactly. */
const expectedByFeed: Record<
  string,
  { rowsRead: number; meetings: number; rejected: string[]; attendance: Record<string, number> }
> = {
  'eating-disorders-anonymous.json': {
    rowsRead: 185,
    meetings: 185,
    rejected: [],
    attendance: { online: 100, in_person: 70, hybrid: 14, inactive: 1 },
  },
  'edge-appointment.json': { rowsRead: 2, meetings: 2, rejected: [], attendance: { online: 2 } },
  'edge-times.json': { rowsRead: 9, meetings: 9, rejected: [], attendance: { hybrid: 8, inactive: 1 } },
  'edge-timezones.json': { rowsRead: 2, meetings: 2, rejected: [], attendance: { inactive: 2 } },
  'edmonton-aa.json': {
    rowsRead: 315,
    meetings: 315,
    rejected: [],
    attendance: { in_person: 220, hybrid: 40, online: 34, inactive: 21 },
  },
  'kansas-city-aa.json': {
    rowsRead: 206,
    meetings: 206,
    rejected: [],
    attendance: { in_person: 116, hybrid: 48, online: 33, inactive: 9 },
  },
  'northwest-texas-aa.json': {
    rowsRead: 613,
    meetings: 613,
    rejected: [],
    attendance: { in_person: 612, inactive: 1 },
  },
  'orange-county-ca-aa.json': {
    rowsRead: 1967,
    meetings: 1967,
    rejected: [],
    attendance: { in_person: 1432, online: 385, hybrid: 148, inactive: 2 },
  },
  'se-pennsylvania-aa.json': {
    rowsRead: 2038,
    meetings: 2038,
    rejected: [],
    attendance: { in_person: 1289, online: 305, hybrid: 305, inactive: 139 },
  },
};

describe('parseMeetingGuideJson on the shared real feeds', () => {
  it('has an expectation for every file in the folder', () => {
    const files = readdirSync(feedsDirectory).filter((file) => file.endsWith('.json'));
    expect(files.sort()).toEqual([...Object.keys(expectedByFeed), 'edge-malformed.json'].sort());
  });

  for (const [file, expected] of Object.entries(expectedByFeed)) {
    it(`reads ${file}: ${expected.rowsRead} rows, ${expected.meetings} meetings, ${expected.rejected.length} rejected`, () => {
      const parsed = parseFeed(file);
      expect(parsed.rowsRead).toBe(expected.rowsRead);
      expect(parsed.meetings).toHaveLength(expected.meetings);
      expect(parsed.rejected.map((row) => row.reason)).toEqual(expected.rejected);
      expect(attendanceCounts(parsed)).toEqual(expected.attendance);
      expect(new Set(parsed.meetings.map((row) => row.sourceKey)).size).toBe(parsed.meetings.length);
    });
  }

  it('refuses the malformed file whole, with the parse error', () => {
    expect(() => parseFeed('edge-malformed.json')).toThrow(MalformedSourceError);
    expect(() => parseFeed('edge-malformed.json')).toThrow(
      /^The file is not valid JSON: Unexpected non-whitespace character after JSON at position 1906/,
    );
  });

  it('reads an online meeting of the Philadelphia feed with its region path and handles', () => {
    const parsed = parseFeed('se-pennsylvania-aa.json');
    expect(meeting(parsed, 'shoulder-shoulder-group-Sun12am')).toMatchObject({
      name: 'Shoulder to Shoulder Group',
      day: 0,
      startTime: '00:00',
      endTime: '01:00',
      timeZone: null,
      types: ['O', 'B', 'D', 'ONL'],
      customTypes: [],
      attendance: 'online',
      isApproximate: true,
      formattedAddress: 'Philadelphia, PA, USA',
      street: null,
      latitude: 39.9525839,
      longitude: -75.1652215,
      regions: ['Philadelphia County', 'Philadelphia'],
      groupName: null,
      conferencePhone: '+13017158592,,503536771#',
      venmo: '@shoulder-to-shoulder',
      feedbackUrl: 'https://aasepia.org/meeting-status/',
      sourceUpdatedAt: '2021-08-27T14:40:51Z',
    });
    // TC with join details: the room is closed, the meeting goes on online.
    expect(meeting(parsed, 'meeting-301-n-main-st-doylestown-pa-18901-usa-6-060000-Sun')).toMatchObject({
      types: ['O', 'LIT', 'ONL', 'TC', 'X'],
      isLocationTemporarilyClosed: true,
      attendance: 'online',
      isApproximate: false,
      regions: ['Bucks County', 'Doylestown'],
    });
    // "ASBI" is a typo of ABSI: not reserved, kept as written.
    expect(meeting(parsed, 'open-topic-meeting-online')).toMatchObject({
      types: ['O', 'D', 'ONL'],
      customTypes: ['ASBI'],
    });
    expect(meeting(parsed, 'open-topic-meeting-online').notes).toBeNull();
  });

  it('reads Orange County’s attendance_option, approximate and its by-appointment row', () => {
    const parsed = parseFeed('orange-county-ca-aa.json');
    expect(meeting(parsed, 'women')).toMatchObject({
      day: null,
      startTime: null,
      endTime: null,
      types: ['C', 'W'],
      attendance: 'in_person',
      regions: ['SUNSET BEACH'],
    });
    expect(meeting(parsed, 't-n-t-group')).toMatchObject({
      day: 6,
      startTime: '08:00',
      endTime: '09:30',
      attendance: 'hybrid',
      conferenceUrl: 'https://zoom.us/j/625710277',
      conferencePhone: '6699006833',
      isApproximate: false,
    });
    // Explicitly inactive; its URL notes go with the URL it does not have.
    expect(meeting(parsed, 'the-way-out-big-book-study')).toMatchObject({
      attendance: 'inactive',
      isApproximate: true,
      conferenceUrl: null,
      conferenceUrlNotes: null,
    });
    // A password published in the PayPal field is not a PayPal handle.
    expect(meeting(parsed, 'womens-happy-hour')).toMatchObject({ paypal: null, attendance: 'online' });
  });

  it('reads Edmonton’s day lists, 12-hour times and .NET update stamps', () => {
    const parsed = parseFeed('edmonton-aa.json');
    expect(parsed.meetings.every((row) => /^\d+#[0-6]$/.test(row.sourceKey))).toBe(true);
    expect(meeting(parsed, '8#2')).toMatchObject({
      name: 'Up The Creek',
      day: 2,
      startTime: '19:30',
      endTime: null,
      types: ['ONL', 'C'],
      attendance: 'hybrid',
      formattedAddress: '9540 83 Ave NW, Edmonton, Alberta, T6C 1B9, Canada',
      street: null,
      isApproximate: false,
      regions: ['Edmonton'],
      groupName: 'Up The Creek Hybrid',
      url: 'http://edmontonaa.org/meeting-detail?Id=8',
      sourceUpdatedAt: '2022-09-08T13:41:27Z',
    });
    expect(meeting(parsed, '6#6')).toMatchObject({ startTime: '11:00', types: ['C'], attendance: 'in_person' });
    // An off-spec local stamp is read in the source's zone when it has one.
    expect(meeting(parseFeed('edmonton-aa.json', 'America/Edmonton'), '8#2').sourceUpdatedAt).toBe(
      '2022-09-08T19:41:27Z',
    );
  });

  it('reads Kansas City’s numeric slugs and postal codes, lowercase codes and empty URLs', () => {
    const parsed = parseFeed('kansas-city-aa.json');
    expect(meeting(parsed, '5828')).toMatchObject({
      name: 'We Agnostics',
      day: 2,
      startTime: '19:00',
      types: ['C', 'TC', 'ONL'],
      isLocationTemporarilyClosed: true,
      attendance: 'online',
      street: '4501 Walnut Street',
      city: 'Kansas City',
      region: 'MO',
      postalCode: '64111',
      country: 'USA',
      formattedAddress: '4501 Walnut Street, Kansas City, MO 64111, USA',
      locationName: null,
      notes: null,
      conferenceUrl: 'https://zoom.us/j/547214838',
    });
    expect(parsed.meetings.filter((row) => row.conferenceUrl === null)).toHaveLength(125);
  });

  it('reads North West Texas’ bracketed type strings and null-island coordinates', () => {
    const parsed = parseFeed('northwest-texas-aa.json');
    expect(meeting(parsed, '5214')).toMatchObject({ types: ['C'], customTypes: [], attendance: 'in_person' });
    expect(parsed.meetings.filter((row) => row.types.includes('O'))).toHaveLength(407);
    expect(meeting(parsed, '5519')).toMatchObject({
      types: ['O'],
      latitude: null,
      longitude: null,
      street: null,
      isApproximate: true,
      attendance: 'inactive',
    });
  });

  it('reads the Eating Disorders Anonymous feed, a non-AA fellowship', () => {
    const parsed = parseFeed('eating-disorders-anonymous.json');
    expect(meeting(parsed, 'switzerland-2')).toMatchObject({
      day: 5,
      startTime: '03:30',
      endTime: '05:00',
      attendance: 'inactive',
      regions: ['United States'],
    });
  });

  it('reads the edge cases: string days, appointments, approximate addresses and time zones', () => {
    const times = parseFeed('edge-times.json');
    expect(meeting(times, 'monday-7pm')).toMatchObject({
      day: 1,
      startTime: '19:00',
      endTime: '21:00',
      types: ['O', 'M'],
    });
    expect(meeting(times, 'monday-7am')).toMatchObject({ day: 1, startTime: '07:00', endTime: null });
    expect(meeting(times, 'sunday-8pm')).toMatchObject({ day: 0, startTime: '20:00', attendance: 'hybrid' });
    expect(meeting(times, 'appointment')).toMatchObject({ day: null, startTime: null, attendance: 'hybrid' });
    expect(meeting(times, 'approximate')).toMatchObject({
      formattedAddress: 'Anytown, OK 12345, USA',
      isApproximate: true,
      attendance: 'inactive',
      customTypes: ['NA'],
    });

    const zones = parseFeed('edge-timezones.json');
    expect(meeting(zones, 'sf-meeting')).toMatchObject({ day: 6, startTime: '09:00', timeZone: 'America/Los_Angeles' });
    expect(meeting(zones, 'pa-meeting')).toMatchObject({ day: 6, startTime: '11:45', timeZone: 'America/New_York' });

    const appointments = parseFeed('edge-appointment.json');
    expect(meeting(appointments, 'josh-meeting')).toMatchObject({ day: null, startTime: null, attendance: 'online' });
    expect(meeting(appointments, 'time-meeting')).toMatchObject({
      day: 4,
      startTime: '20:00',
      locationName: "Josh's house",
    });
  });
});

describe('parseMeetingGuideJson rules', () => {
  const parse = (rows: unknown) => parseMeetingGuideJson(JSON.stringify(rows));

  it('keeps only http(s) links, so a feed cannot put a script link on a meeting page', () => {
    const [meeting] = parse([
      {
        slug: 'links',
        name: 'Links',
        day: 1,
        time: '19:00',
        url: 'javascript:alert(1)',
        feedback_url: 'javascript:alert(1)',
        conference_url: 'javascript:alert(1)',
      },
    ]).meetings;
    expect(meeting).toMatchObject({ url: null, feedbackUrl: null, conferenceUrl: null });
    const [ok] = parse([
      { slug: 'ok', name: 'Ok', day: 1, time: '19:00', feedback_url: 'https://example.org/fix' },
    ]).meetings;
    expect(ok!.feedbackUrl).toBe('https://example.org/fix');
  });

  it('refuses a file that is not a list', () => {
    expect(() => parseMeetingGuideJson('{"meetings": []}')).toThrow(MalformedSourceError);
    expect(() => parseMeetingGuideJson('{"meetings": []}')).toThrow(
      /JSON list of meetings, but this file holds an object/,
    );
    expect(() => parseMeetingGuideJson('')).toThrow(MalformedSourceError);
  });

  it('rejects rows without a slug or name, with a day but no valid time, or a repeated slug', () => {
    const parsed = parse([
      { name: 'No slug', day: 1, time: '19:00' },
      { slug: 'no-name', day: 1, time: '19:00' },
      { slug: 'no-time', name: 'No time', day: 1 },
      { slug: 'bad-time', name: 'Bad time', day: 1, time: '25:00' },
      { slug: 'bad-day', name: 'Bad day', day: 'Funday', time: '19:00' },
      { slug: 'first', name: 'First', day: 1, time: '19:00' },
      { slug: 'first', name: 'Second', day: 2, time: '19:00' },
      'not a meeting',
    ]);
    expect(parsed.rowsRead).toBe(8);
    expect(parsed.meetings.map((row) => row.name)).toEqual(['First']);
    expect(parsed.rejected).toEqual([
      { sourceKey: null, name: 'No slug', reason: 'no slug (every meeting needs a unique slug)' },
      { sourceKey: 'no-name', name: null, reason: 'no name' },
      { sourceKey: 'no-time', name: 'No time', reason: 'it has a day but no time (day 1)' },
      { sourceKey: 'bad-time', name: 'Bad time', reason: 'time: "25:00" is not a time of day (like 19:00 or 7:00 PM)' },
      { sourceKey: 'bad-day', name: 'Bad day', reason: 'day: "Funday" is not a day' },
      { sourceKey: 'first', name: 'Second', reason: 'the slug "first" is used by an earlier meeting in the file' },
      { sourceKey: null, name: null, reason: 'the row is not an object' },
    ]);
  });

  it('makes one meeting per day of a day list, keyed slug#day', () => {
    const parsed = parse([{ slug: 7, name: 'Twice', day: [1, '3'], time: '6:00 PM' }]);
    expect(parsed.meetings.map((row) => [row.sourceKey, row.day, row.startTime])).toEqual([
      ['7#1', 1, '18:00'],
      ['7#3', 3, '18:00'],
    ]);
  });

  it('reads regions, entity, feedback and timezone fields, and turns empty strings into null', () => {
    const [row] = parse([
      {
        slug: 's',
        name: 'N',
        day: 0,
        time: '18:00',
        region: 'Chicago',
        sub_region: 'Wicker Park',
        address: '4953 W Addison St',
        city: 'Chicago',
        state: 'IL',
        postal_code: 606,
        country: 'US',
        approximate: 'no',
        timezone: 'America/Chicago',
        notes: '',
        location_notes: 'Upstairs\r\nback door',
        group: 'Serenity',
        group_notes: '',
        district: 'District 5',
        conference_url: '',
        conference_url_notes: 'ignored without a URL',
        conference_phone: '+1 312 626 6799,,547214838#',
        conference_phone_notes: 'ID 547 214 838',
        square: '$Serenity',
        feedback_emails: ['a@x.org', ''],
        entity: 'District 123',
        entity_email: 'info@district123.org',
        entity_url: 'https://district123.org',
        entity_logo: 'not a url',
        latitude: '41.9',
        longitude: '-87.7',
        attendance_option: '',
      },
    ]).meetings;
    expect(row).toMatchObject({
      regions: ['Chicago', 'Wicker Park'],
      postalCode: '00606',
      formattedAddress: '4953 W Addison St, Chicago, IL 00606, US',
      timeZone: 'America/Chicago',
      notes: null,
      locationNotes: 'Upstairs\nback door',
      groupNotes: null,
      district: 'District 5',
      conferenceUrl: null,
      conferenceUrlNotes: null,
      conferencePhoneNotes: 'ID 547 214 838',
      attendance: 'hybrid',
      square: '$Serenity',
      feedbackEmails: ['a@x.org'],
      entity: {
        name: 'District 123',
        url: 'https://district123.org',
        email: 'info@district123.org',
        phone: null,
        location: null,
        logo: null,
      },
      latitude: 41.9,
      longitude: -87.7,
    });
  });

  it('ignores a timezone that is not an IANA zone', () => {
    const [row] = parse([{ slug: 's', name: 'N', day: 0, time: '18:00', timezone: 'EST' }]).meetings;
    expect(row?.timeZone).toBeNull();
  });
});
