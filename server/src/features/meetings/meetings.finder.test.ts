import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingSearchQuerySchema, type MeetingSearchQuery } from '@kindred/common/meetings';
import { buildMember } from '../../../test/factories.ts';
import { createTestApp, errorOf, type TestApp } from '../../../test/test-app.ts';
import { findMeetings, importMeetings } from './meetings.service.ts';

let t: TestApp;
// Every test here searches inside its own source's meetings by a unique program name.
const program = `Finder test ${Math.random().toString(36).slice(2, 8)}`;

const philadelphia = { latitude: 39.9526, longitude: -75.1652 };
const base = { types: ['O'], conference_url: '' };
const feed = [
  // Centre City, ~0.4 mi from City Hall.
  {
    ...base,
    slug: 'center',
    name: 'Center City Sunday',
    day: 0,
    time: '19:00',
    end_time: '20:00',
    latitude: 39.9496,
    longitude: -75.1588,
    location: 'Church',
    formatted_address: '1 Spruce St, Philadelphia, PA 19107, USA',
    regions: ['Philadelphia', 'Center City'],
    types: ['O', 'W'],
  },
  // Germantown, ~7 mi.
  {
    ...base,
    slug: 'germantown',
    name: 'Germantown Sunday',
    day: 0,
    time: '20:00',
    latitude: 40.0384,
    longitude: -75.1727,
    formatted_address: '5500 Germantown Ave, Philadelphia, PA 19144, USA',
    regions: ['Philadelphia', 'Germantown'],
    group: 'Hope Group',
    types: ['O', 'S'],
  },
  // Norristown, ~17 mi.
  {
    ...base,
    slug: 'norristown',
    name: 'Norristown Monday',
    day: 1,
    time: '07:00',
    latitude: 40.1215,
    longitude: -75.3399,
    formatted_address: '40 Main St, Norristown, PA 19401, USA',
    regions: ['Montgomery County'],
  },
  // Online only (no coordinates): a join link makes it online.
  {
    ...base,
    slug: 'online',
    name: 'Online Sunday Late',
    day: 0,
    time: '23:30',
    end_time: '00:30',
    conference_url: 'https://zoom.us/j/123456789',
    types: ['O', 'ONL'],
  },
  // Los Angeles, its own zone from its coordinates.
  {
    ...base,
    slug: 'los-angeles',
    name: 'Los Angeles Sunday',
    day: 0,
    time: '17:10',
    latitude: 34.0522,
    longitude: -118.2437,
    formatted_address: '200 N Spring St, Los Angeles, CA 90012, USA',
  },
  // Temporarily closed with no online: inactive, never found.
  {
    ...base,
    slug: 'closed',
    name: 'Closed Sunday',
    day: 0,
    time: '19:00',
    latitude: 39.95,
    longitude: -75.16,
    formatted_address: '2 Pine St, Philadelphia, PA 19106, USA',
    types: ['O', 'TC'],
  },
];

beforeAll(async () => {
  t = await createTestApp();
  await importMeetings(t.ctx, {
    sourceName: program,
    kind: 'meeting-guide-json',
    defaultTimeZone: 'America/New_York',
    program,
    text: JSON.stringify(feed),
  });
});
afterAll(() => t.close());

async function names(query: MeetingSearchQuery, now?: string) {
  const search = meetingSearchQuerySchema.parse({ program, ...query });
  const result = await findMeetings(t.ctx, search, now ? Temporal.Instant.from(now) : undefined);
  return result.meetings.map((meeting) => meeting.name);
}

describe('finding meetings', () => {
  it('finds meetings near a point within the radius, nearest first, with their distance', async () => {
    expect(await names({ ...philadelphia, radius: 10 })).toEqual(['Center City Sunday', 'Germantown Sunday']);
    expect(await names({ ...philadelphia, radius: 25 })).toEqual([
      'Center City Sunday',
      'Germantown Sunday',
      'Norristown Monday',
    ]);
    const search = meetingSearchQuerySchema.parse({ program, ...philadelphia, radius: 20, unit: 'km' });
    const { meetings } = await findMeetings(t.ctx, search);
    expect(meetings.map((meeting) => meeting.name)).toEqual(['Center City Sunday', 'Germantown Sunday']);
    expect(meetings[0]!.distance).toMatchObject({ unit: 'km' });
    expect(meetings[0]!.distance!.value).toBeLessThan(1.5);
    expect(meetings[1]!.distance!.value).toBeGreaterThan(9);
  });

  it('finds meetings near a point on given days or starting soon, nearest first, page by page', async () => {
    // With a day or "starting soon" the search reads other indexes than near a point alone.
    expect(await names({ ...philadelphia, radius: 25, day: [0] })).toEqual(['Center City Sunday', 'Germantown Sunday']);
    expect(await names({ ...philadelphia, radius: 10, day: [1] })).toEqual([]);
    expect(await names({ ...philadelphia, radius: 25, day: [1], timeOfDay: ['morning'] })).toEqual([
      'Norristown Monday',
    ]);
    // Sunday 19:30 in New York: Germantown starts in 30 minutes; Los Angeles is too far.
    expect(
      await names({ ...philadelphia, radius: 10, now: 'starting_soon', within: 60 }, '2026-03-08T23:30:00Z'),
    ).toEqual(['Germantown Sunday']);
    const first = await findMeetings(
      t.ctx,
      meetingSearchQuerySchema.parse({ program, ...philadelphia, radius: 25, day: [0, 1], limit: 2 }),
    );
    const second = await findMeetings(
      t.ctx,
      meetingSearchQuerySchema.parse({
        program,
        ...philadelphia,
        radius: 25,
        day: [0, 1],
        limit: 2,
        cursor: first.nextCursor,
      }),
    );
    expect([...first.meetings, ...second.meetings].map((meeting) => meeting.name)).toEqual([
      'Center City Sunday',
      'Germantown Sunday',
      'Norristown Monday',
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by day, time of day, mode, all of several types, region and words', async () => {
    expect(await names({ day: [1] })).toEqual(['Norristown Monday']);
    expect(await names({ day: [0], timeOfDay: ['evening'] })).toEqual([
      'Los Angeles Sunday',
      'Center City Sunday',
      'Germantown Sunday',
    ]);
    expect(await names({ timeOfDay: ['morning'] })).toEqual(['Norristown Monday']);
    expect(await names({ mode: ['online'] })).toEqual(['Online Sunday Late']);
    expect(await names({ types: ['o', 'W'] })).toEqual(['Center City Sunday']);
    expect(await names({ region: 'germantown' })).toEqual(['Germantown Sunday']);
    expect(await names({ q: 'hope' })).toEqual(['Germantown Sunday']);
    expect(await names({ q: '100%' })).toEqual([]);
  });

  it('lists the fellowships, regions and languages there are, and finds meetings by language', async () => {
    const choices = (await t.app.inject({ method: 'GET', url: '/api/meetings/choices' })).json();
    expect(choices.programs).toContain(program);
    expect(choices.regions).toEqual(expect.arrayContaining(['Philadelphia', 'Germantown', 'Montgomery County']));
    expect(choices.languages).toContainEqual({ code: 'S', name: 'Spanish' });
    expect(choices.languages.map((language: { code: string }) => language.code)).not.toContain('O');
    expect(await names({ language: 's' })).toEqual(['Germantown Sunday']);
    const notALanguage = await t.app.inject({ method: 'GET', url: '/api/meetings?language=O' });
    expect(notALanguage.statusCode).toBe(400);
    expect((errorOf(notALanguage).details as { issues: Array<{ path: string }> }).issues[0]!.path).toBe('language');
  });

  it('never finds an inactive meeting, and names types in words', async () => {
    const search = meetingSearchQuerySchema.parse({ program });
    const { meetings } = await findMeetings(t.ctx, search);
    expect(meetings.map((meeting) => meeting.name)).not.toContain('Closed Sunday');
    const center = meetings.find((meeting) => meeting.name === 'Center City Sunday')!;
    expect(center.types).toEqual([
      { code: 'O', name: 'Open' },
      { code: 'W', name: 'Women' },
    ]);
    const online = meetings.find((meeting) => meeting.name === 'Online Sunday Late')!;
    expect(online).toMatchObject({ attendance: 'online', hasOnlineJoin: true, timeZone: 'America/New_York' });
    expect(meetings.find((meeting) => meeting.name === 'Los Angeles Sunday')!.timeZone).toBe('America/Los_Angeles');
  });

  it('knows what starts soon and what is under way in each meeting’s own zone, across daylight saving', async () => {
    // Sunday 8 March 2026, the day the US springs forward: 23:30 UTC is 19:30 in New York (EDT)
    // and 16:30 in Los Angeles (PDT).
    const evening = '2026-03-08T23:30:00Z';
    expect(await names({ now: 'in_progress' }, evening)).toEqual(['Center City Sunday']);
    // Soonest first whatever the zone: Germantown in 30 minutes, Los Angeles (17:10 PDT) in 40.
    expect(await names({ now: 'starting_soon', within: 60 }, evening)).toEqual([
      'Germantown Sunday',
      'Los Angeles Sunday',
    ]);
    expect(await names({ now: 'starting_soon', within: 30 }, evening)).toEqual(['Germantown Sunday']);
    // Monday 00:15 in New York: the 23:30–00:30 online meeting that began on Sunday is still on.
    expect(await names({ now: 'in_progress' }, '2026-03-09T04:15:00Z')).toEqual(['Online Sunday Late']);
    // Sunday 23:10 in New York: starting within an hour reaches past midnight into Monday.
    expect(await names({ now: 'starting_soon', within: 60 }, '2026-03-09T03:10:00Z')).toEqual(['Online Sunday Late']);
  });

  it('pages with a cursor, each meeting once', async () => {
    const first = await findMeetings(t.ctx, meetingSearchQuerySchema.parse({ program, limit: 2 }));
    expect(first.meetings).toHaveLength(2);
    const second = await findMeetings(
      t.ctx,
      meetingSearchQuerySchema.parse({ program, limit: 2, cursor: first.nextCursor }),
    );
    const third = await findMeetings(
      t.ctx,
      meetingSearchQuerySchema.parse({ program, limit: 2, cursor: second.nextCursor }),
    );
    expect(third.nextCursor).toBeNull();
    const all = [...first.meetings, ...second.meetings, ...third.meetings].map((meeting) => meeting.slug);
    expect(new Set(all).size).toBe(5);
  });
});

describe('GET /api/meetings', () => {
  it('answers without a session', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/meetings?program=${encodeURIComponent(program)}&day=1`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().meetings.map((meeting: { name: string }) => meeting.name)).toEqual(['Norristown Monday']);
  });

  it('refuses a radius out of range, half a point, a day that does not exist, and a bad cursor, naming the field', async () => {
    const fieldOf = async (query: string) => {
      const response = await t.app.inject({ method: 'GET', url: `/api/meetings?${query}` });
      expect(response.statusCode).toBe(400);
      return (errorOf(response).details as { issues: Array<{ path: string }> }).issues[0]!.path;
    };
    expect(await fieldOf('latitude=40&longitude=-75&radius=500')).toBe('radius');
    expect(await fieldOf('latitude=40')).toBe('longitude');
    expect(await fieldOf('day=9')).toBe('day.0');
    expect(await fieldOf('within=1000&now=starting_soon')).toBe('within');
    expect(await fieldOf('cursor=nonsense')).toBe('cursor');
  });
});

describe('the published Meeting Guide feed', () => {
  it('lists every active meeting in the spec’s shape, and imports back without loss', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/meetings/feed.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    // A reader that has this version is told so without the body.
    const etag = String(response.headers.etag);
    const unchanged = await t.app.inject({
      method: 'GET',
      url: '/api/meetings/feed.json',
      headers: { 'if-none-match': etag },
    });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    const rows = response
      .json<Array<Record<string, unknown>>>()
      .filter((row) => String(row.slug).startsWith('finder-test'));
    expect(rows).toHaveLength(5);
    const slugs = new Set(rows.map((row) => row.slug));
    expect(slugs.size).toBe(5);
    for (const row of rows) {
      expect(
        row.day === undefined || (Number.isInteger(row.day) && (row.day as number) >= 0 && (row.day as number) <= 6),
      ).toBe(true);
      expect(String(row.time)).toMatch(/^\d{2}:\d{2}$/);
      expect(typeof row.timezone).toBe('string');
      expect(row.types).toEqual(expect.arrayContaining(['O']));
    }

    const copy = `${program} copy`;
    const { report } = await importMeetings(t.ctx, {
      sourceName: copy,
      kind: 'meeting-guide-json',
      defaultTimeZone: 'UTC',
      program: copy,
      text: JSON.stringify(rows),
    });
    expect(report).toMatchObject({ created: 5, rejected: [] });
    const again = await findMeetings(t.ctx, meetingSearchQuerySchema.parse({ program: copy }));
    const original = await findMeetings(t.ctx, meetingSearchQuerySchema.parse({ program }));
    const shape = (meeting: (typeof again.meetings)[number]) => ({
      name: meeting.name,
      day: meeting.day,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      timeZone: meeting.timeZone,
      attendance: meeting.attendance,
      types: meeting.types.filter((type) => type.code !== 'ONL'),
      regions: meeting.regions,
      latitude: meeting.latitude,
      groupName: meeting.groupName,
    });
    expect(again.meetings.map(shape)).toEqual(original.meetings.map(shape));
  });
});

describe('a meeting page, its calendar, favorites and "I went"', () => {
  const slugOf = async (name: string) => {
    const { meetings } = await findMeetings(t.ctx, meetingSearchQuerySchema.parse({ program, q: name }));
    return meetings[0]!.slug;
  };

  it('shows a meeting to anyone, with directions for a door and where to ask for a change', async () => {
    const slug = await slugOf('Center City Sunday');
    const response = await t.app.inject({ method: 'GET', url: `/api/meetings/${slug}` });
    expect(response.statusCode).toBe(200);
    expect(response.json().meeting).toMatchObject({
      name: 'Center City Sunday',
      locationName: 'Church',
      source: { name: program, program },
      isFavorite: null,
      timesAttended: null,
      changeRequest: { kind: 'editors' },
    });
    expect(response.json().meeting.directionsUrl).toContain(encodeURIComponent('1 Spruce St'));
    const online = await t.app.inject({ method: 'GET', url: `/api/meetings/${await slugOf('Online Sunday Late')}` });
    expect(online.json().meeting).toMatchObject({ directionsUrl: null, conferenceUrl: 'https://zoom.us/j/123456789' });
    expect((await t.app.inject({ method: 'GET', url: '/api/meetings/no-such-meeting' })).statusCode).toBe(404);
  });

  it('gives a weekly calendar event in the meeting’s own zone', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/meetings/${await slugOf('Los Angeles Sunday')}/calendar.ics`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    expect(response.body).toMatch(/DTSTART;TZID=America\/Los_Angeles:\d{8}T171000/);
    expect(response.body).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=SU/);
    expect(response.body).toContain('BEGIN:VTIMEZONE');
    expect(response.body).toContain('SUMMARY:Los Angeles Sunday');
  });

  it('gives a member a private calendar link for their favorites, which they can replace or turn off', async () => {
    const member = await buildMember(t.ctx);
    const headers = { cookie: member.cookie };
    const slug = await slugOf('Germantown Sunday');
    await t.app.inject({ method: 'PUT', url: `/api/meetings/${slug}/favorite`, headers });
    const none = await t.app.inject({ method: 'GET', url: '/api/me/meetings/calendar-link', headers });
    expect(none.json()).toEqual({ link: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/me/meetings/calendar-link' })).statusCode).toBe(401);

    const made = await t.app.inject({ method: 'POST', url: '/api/me/meetings/calendar-link', headers });
    expect(made.statusCode).toBe(201);
    const url = new URL(made.json().link.url as string);
    expect(url.pathname).toMatch(/^\/api\/meetings\/calendars\/[A-Za-z0-9_-]{43}\.ics$/);
    // A calendar app sends no cookie: the link alone is enough, and it is never cached along the way.
    const subscribed = await t.app.inject({ method: 'GET', url: url.pathname });
    expect(subscribed.statusCode).toBe(200);
    expect(subscribed.headers['cache-control']).toBe('private, no-store');
    expect(subscribed.body).toContain('SUMMARY:Germantown Sunday');
    // Later, only when it was made is shown, never the address again.
    const later = (await t.app.inject({ method: 'GET', url: '/api/me/meetings/calendar-link', headers })).json();
    expect(later.link).toMatchObject({ url: null });

    const replaced = await t.app.inject({ method: 'POST', url: '/api/me/meetings/calendar-link', headers });
    const newPath = new URL(replaced.json().link.url as string).pathname;
    expect(newPath).not.toBe(url.pathname);
    expect((await t.app.inject({ method: 'GET', url: url.pathname })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);

    expect((await t.app.inject({ method: 'DELETE', url: '/api/me/meetings/calendar-link', headers })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/meetings/calendars/nonsense' })).statusCode).toBe(400);
  });

  it('keeps favorites and counts "I went" once a day for a member, privately', async () => {
    const member = await buildMember(t.ctx);
    const headers = { cookie: member.cookie };
    const slug = await slugOf('Germantown Sunday');
    expect((await t.app.inject({ method: 'PUT', url: `/api/meetings/${slug}/favorite`, headers })).statusCode).toBe(
      204,
    );
    const favorites = await t.app.inject({ method: 'GET', url: '/api/me/meetings/favorites', headers });
    expect(favorites.json().meetings.map((meeting: { slug: string }) => meeting.slug)).toEqual([slug]);
    const ics = await t.app.inject({ method: 'GET', url: '/api/me/meetings/favorites.ics', headers });
    expect(ics.body).toContain('SUMMARY:Germantown Sunday');

    const went = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/meetings/${slug}/attendance`,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: '{}',
      });
    expect((await went()).statusCode).toBe(201);
    const progress = (await went()).json().progress;
    expect(progress).toMatchObject({ meetingsInLast90Days: 1, daysWithAMeetingInLast90Days: 1, totalMeetings: 1 });
    expect(progress.recent).toEqual([{ day: progress.today, slug, name: 'Germantown Sunday' }]);

    const page = (await t.app.inject({ method: 'GET', url: `/api/meetings/${slug}`, headers })).json().meeting;
    expect(page).toMatchObject({ isFavorite: true, timesAttended: 1 });
    const future = await t.app.inject({
      method: 'POST',
      url: `/api/meetings/${slug}/attendance`,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ day: '2999-01-01' }),
    });
    expect(future.statusCode).toBe(400);
    const impossible = await t.app.inject({
      method: 'POST',
      url: `/api/meetings/${slug}/attendance`,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ day: '2025-02-30' }),
    });
    expect((errorOf(impossible).details as { issues: Array<{ path: string }> }).issues[0]!.path).toBe('day');
    const exported = (await t.app.inject({ method: 'GET', url: '/api/me/export', headers })).json();
    expect(exported.meetings).toMatchObject({
      favorites: [{ slug }],
      attendance: [{ slug, name: 'Germantown Sunday' }],
    });

    expect((await t.app.inject({ method: 'DELETE', url: `/api/meetings/${slug}/favorite`, headers })).statusCode).toBe(
      204,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/me/meetings/favorites', headers })).json().meetings).toEqual(
      [],
    );
    // Another member sees none of it.
    const other = await buildMember(t.ctx);
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/me/meetings/attendance',
      headers: { cookie: other.cookie },
    });
    expect(theirs.json().progress).toMatchObject({ totalMeetings: 0, recent: [] });
    expect((await t.app.inject({ method: 'PUT', url: `/api/meetings/${slug}/favorite` })).statusCode).toBe(401);
  });
});

describe('places and finder settings', () => {
  it('resolves a typed city or ZIP code offline, best first', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/places?q=Philadelphia' });
    expect(response.statusCode).toBe(200);
    const [first] = response.json().places;
    expect(first.label).toMatch(/^Philadelphia, PA/);
    expect(first.latitude).toBeCloseTo(39.95, 1);
    const zip = (await t.app.inject({ method: 'GET', url: '/api/places?q=19094' })).json().places[0];
    expect(zip.kind).toBe('postal_code');
    expect((await t.app.inject({ method: 'GET', url: '/api/places?q=' })).statusCode).toBe(400);
  });

  it('tells the finder its map tiles, and lets the page load them', async () => {
    const settings = (await t.app.inject({ method: 'GET', url: '/api/meetings/settings' })).json();
    expect(settings.mapTileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(settings.placesAttribution).toContain('GeoNames');
    const page = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(page.headers['content-security-policy']).toContain("img-src 'self' data: https://tile.openstreetmap.org");
  });
});
