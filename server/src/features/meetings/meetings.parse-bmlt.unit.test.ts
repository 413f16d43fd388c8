import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MalformedSourceError, type ImportedMeeting, type ParsedSource } from './meetings.import-types.ts';
import { parseBmltSearchResults } from './meetings.parse-bmlt.ts';

const bmltDirectory = new URL('../../../../../shared/fixtures/bmlt/', import.meta.url);
const readBmlt = (file: string) => readFileSync(new URL(file, bmltDirectory), 'utf8');

function meeting(parsed: ParsedSource, sourceKey: string): ImportedMeeting {
  const found = parsed.meetings.find((candidate) => candidate.sourceKey === sourceKey);
  if (!found) throw new Error(`no meeting ${sourceKey}`);
  return found;
}

function typeCounts(parsed: ParsedSource) {
  const counts: Record<string, number> = {};
  for (const row of parsed.meetings) {
    for (const type of [...row.types, ...row.customTypes.map((name) => `custom: ${name}`)]) {
      counts[type] = (counts[type] ?? 0) + 1;
    }
  }
  return counts;
}

/** A meeting as the semantic API sends it: every value a string. */
const bmltMeeting = (fields: Record<string, string>) => ({
  id_bigint: '9001',
  meeting_name: 'Just for Today',
  weekday_tinyint: '1',
  start_time: '19:00:00',
  duration_time: '01:30:00',
  formats: '',
  location_text: 'Community Center',
  location_street: '1 Main St',
  location_municipality: 'Albany',
  location_province: 'NY',
  location_postal_code_1: '12207',
  location_nation: 'US',
  latitude: '42.65',
  longitude: '-73.75',
  virtual_meeting_link: '',
  phone_meeting_number: '',
  virtual_meeting_additional_info: '',
  comments: '',
  ...fields,
});
const parseMeetings = (meetings: unknown[], options = {}) => parseBmltSearchResults(JSON.stringify(meetings), options);

describe('parseBmltSearchResults on the shared recorded answer', () => {
  it('reads search-results.json: 53 rows, 53 meetings, none rejected', () => {
    const parsed = parseBmltSearchResults(readBmlt('search-results.json'));
    expect(parsed.rowsRead).toBe(53);
    expect(parsed.meetings).toHaveLength(53);
    expect(parsed.rejected).toEqual([]);
    // Every meeting there has a street and no join details, and no venue_type: all in person.
    expect(parsed.meetings.every((row) => row.attendance === 'in_person')).toBe(true);
    // weekday_tinyint "2" is Monday in BMLT (1 = Sunday), day 1 in Meeting Guide.
    expect(parsed.meetings.every((row) => row.day === 1)).toBe(true);
    expect(typeCounts(parsed)).toEqual({
      O: 24,
      D: 15,
      X: 12,
      ST: 6,
      LIT: 5,
      SP: 1,
      TR: 1,
      'custom: Rotating Format': 7,
      'custom: Basic Text': 6,
      'custom: Informational Pamphlet': 3,
      'custom: Topic': 2,
      'custom: It Works -How and Why': 2,
      'custom: Step Working Guide': 1,
      'custom: Just for Today': 1,
    });
  });

  it('maps formats through world_id, never through the server’s key_string', () => {
    const parsed = parseBmltSearchResults(readBmlt('search-results.json'));
    // "WC" is this server's key for world id WCHR (wheelchair), "St" for STEP.
    expect(meeting(parsed, '2023')).toMatchObject({
      name: 'Write on Recovery',
      types: ['O', 'ST', 'X'],
      customTypes: [],
    });
    // BT, IP and IW are NA literature: no Meeting Guide type, kept by name.
    expect(meeting(parsed, '1945')).toMatchObject({
      types: ['X'],
      customTypes: ['Basic Text', 'Informational Pamphlet', 'It Works -How and Why'],
    });
  });

  it('reads a meeting’s place, time and coordinates', () => {
    const parsed = parseBmltSearchResults(readBmlt('search-results.json'));
    expect(meeting(parsed, '2566')).toMatchObject({
      name: 'Step up and Be Free',
      day: 1,
      startTime: '19:00',
      endTime: null,
      timeZone: null,
      types: ['O'],
      customTypes: ['Rotating Format', 'Topic'],
      attendance: 'in_person',
      locationName: 'Clifton springs Hospital',
      locationNotes: 'Admin Conference Room',
      street: '128 Main street',
      city: 'Clifton Springs',
      region: 'NY',
      formattedAddress: '128 Main street, Clifton Springs, NY',
      latitude: 42.9613734,
      longitude: -77.1205486,
      isApproximate: false,
      conferenceUrl: null,
    });
  });

  it('reads a bare meetings list with the formats from GetFormats', () => {
    const answer = JSON.parse(readBmlt('search-results.json')) as { meetings: unknown[] };
    const withFormats = parseBmltSearchResults(readBmlt('search-results.json'));
    const bare = parseBmltSearchResults(JSON.stringify(answer.meetings), { formats: readBmlt('formats.json') });
    expect(bare).toEqual(withFormats);
    // Without any format descriptions, all that is left is the server's labels, kept as custom.
    const unknown = parseBmltSearchResults(JSON.stringify(answer.meetings));
    expect(meeting(unknown, '2023')).toMatchObject({ types: [], customTypes: ['O', 'St', 'WC'] });
  });
});

describe('parseBmltSearchResults rules', () => {
  const formats = readBmlt('formats.json');

  it('turns weekday 1–7 into 0–6 and start + duration into an end time', () => {
    const parsed = parseMeetings([
      bmltMeeting({ id_bigint: '1', weekday_tinyint: '1' }),
      bmltMeeting({ id_bigint: '7', weekday_tinyint: '7', start_time: '23:30:00', duration_time: '01:00:00' }),
    ]);
    expect(parsed.meetings.map((row) => [row.day, row.startTime, row.endTime])).toEqual([
      [0, '19:00', '20:30'],
      [6, '23:30', '00:30'],
    ]);
  });

  it('reads venue_type 1/2/3 as in person, online and hybrid', () => {
    const link = { virtual_meeting_link: 'https://zoom.us/j/123', virtual_meeting_additional_info: 'ID 123' };
    const parsed = parseMeetings([
      bmltMeeting({ id_bigint: '1', venue_type: '1' }),
      bmltMeeting({ id_bigint: '2', venue_type: '2', ...link }),
      bmltMeeting({ id_bigint: '3', venue_type: '3', ...link }),
    ]);
    expect(parsed.meetings.map((row) => row.attendance)).toEqual(['in_person', 'online', 'hybrid']);
    expect(meeting(parsed, '2')).toMatchObject({
      conferenceUrl: 'https://zoom.us/j/123',
      conferenceUrlNotes: 'ID 123',
    });
  });

  it('derives the mode like Meeting Guide when venue_type is missing, and honours VM, HY and TC', () => {
    const virtualFormats = JSON.stringify([
      { id: '60', key_string: 'VM', name_string: 'Virtual Meeting', world_id: 'VM', lang: 'en' },
      { id: '61', key_string: 'HY', name_string: 'Hybrid Meeting', world_id: 'HYBR', lang: 'en' },
      { id: '62', key_string: 'TC', name_string: 'Temporarily Closed', world_id: 'TC', lang: 'en' },
      { id: '63', key_string: 'ES', name_string: 'Español', world_id: 'LANG', lang: 'en' },
    ]);
    const phone = { phone_meeting_number: '+1 518 555 0100,,123#' };
    const parsed = parseMeetings(
      [
        bmltMeeting({ id_bigint: '1', ...phone }),
        bmltMeeting({ id_bigint: '2', formats: 'VM', location_street: '', ...phone }),
        bmltMeeting({ id_bigint: '3', formats: 'HY', ...phone }),
        bmltMeeting({ id_bigint: '4', formats: 'TC' }),
        bmltMeeting({ id_bigint: '5', formats: 'TC', venue_type: '3', ...phone }),
        bmltMeeting({ id_bigint: '6', format_shared_id_list: '63,17', formats: 'ignored' }),
      ],
      { formats: virtualFormats },
    );
    expect(parsed.meetings.map((row) => [row.sourceKey, row.attendance])).toEqual([
      ['1', 'hybrid'],
      ['2', 'online'],
      ['3', 'hybrid'],
      ['4', 'inactive'],
      ['5', 'online'],
      ['6', 'in_person'],
    ]);
    expect(meeting(parsed, '2').types).toEqual(['ONL']);
    expect(meeting(parsed, '3').types).toEqual([]);
    expect(meeting(parsed, '4')).toMatchObject({ types: ['TC'], isLocationTemporarilyClosed: true });
    expect(meeting(parsed, '1')).toMatchObject({ conferencePhone: '+1 518 555 0100,,123#' });
    // Format ids win over key strings; a language format becomes its Meeting Guide language type.
    expect(
      meeting(
        parseMeetings([bmltMeeting({ id_bigint: '6', format_shared_id_list: '63,17' })], {
          formats: JSON.stringify([
            ...(JSON.parse(formats) as unknown[]),
            ...(JSON.parse(virtualFormats) as unknown[]),
          ]),
        }),
        '6',
      ).types,
    ).toEqual(['S', 'O']);
  });

  it('gives each meeting its service body as entity and region path', () => {
    const parsed = parseMeetings([bmltMeeting({ id_bigint: '1', service_body_bigint: '1005' })], {
      serviceBodies: readBmlt('service-bodies.json'),
    });
    expect(parsed.meetings[0]).toMatchObject({
      regions: ['Greater New York Region', 'Bronx Area Service'],
      entity: { name: 'Bronx Area Service', url: 'http://bronxareana.com/', phone: null },
    });
  });

  it('rejects meetings without an id, a name, a valid weekday or start time, repeated or unpublished', () => {
    const parsed = parseMeetings([
      bmltMeeting({ id_bigint: '' }),
      bmltMeeting({ id_bigint: '2', meeting_name: '' }),
      bmltMeeting({ id_bigint: '3', weekday_tinyint: '0' }),
      bmltMeeting({ id_bigint: '4', start_time: '25:00:00' }),
      bmltMeeting({ id_bigint: '5', published: '0' }),
      bmltMeeting({ id_bigint: '6' }),
      bmltMeeting({ id_bigint: '6', meeting_name: 'Again' }),
    ]);
    expect(parsed.meetings.map((row) => row.sourceKey)).toEqual(['6']);
    expect(parsed.rejected).toEqual([
      { sourceKey: null, name: 'Just for Today', reason: 'no id_bigint' },
      { sourceKey: '2', name: null, reason: 'no meeting_name' },
      { sourceKey: '3', name: 'Just for Today', reason: 'weekday_tinyint "0" is not 1 (Sunday) to 7 (Saturday)' },
      {
        sourceKey: '4',
        name: 'Just for Today',
        reason: 'start_time: "25:00:00" is not a time of day (like 19:00 or 7:00 PM)',
      },
      { sourceKey: '5', name: 'Just for Today', reason: 'the meeting is not published' },
      { sourceKey: '6', name: 'Again', reason: 'the id 6 is used by an earlier meeting in the file' },
    ]);
  });

  it('refuses what is not a BMLT answer', () => {
    expect(() => parseBmltSearchResults('not json')).toThrow(MalformedSourceError);
    expect(() => parseBmltSearchResults('{"error": "bad switcher"}')).toThrow(
      /list of meetings or \{meetings, formats\}/,
    );
    expect(() => parseBmltSearchResults('[]', { formats: '{}' })).toThrow(MalformedSourceError);
  });
});
