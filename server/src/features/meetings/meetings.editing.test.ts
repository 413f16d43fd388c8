import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingSearchQuerySchema, type HandMeetingInput, type MeetingSearchQuery } from '@kindred/common/meetings';
import { buildMember, type BuiltMember } from '../../../test/factories.ts';
import { createTestApp, errorOf, type TestApp } from '../../../test/test-app.ts';
import { auditEvents } from '../../platform/audit.tables.ts';
import { updateUserRole } from '../accounts/accounts.queries.ts';
import { findMeetings, importMeetings } from './meetings.service.ts';

let t: TestApp;
let editor: BuiltMember;
let member: BuiltMember;
const program = `Hand test ${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  t = await createTestApp();
  editor = await buildMember(t.ctx);
  await updateUserRole(t.ctx.db, editor.user.id, 'meeting-editor');
  member = await buildMember(t.ctx);
});
afterAll(async () => {
  await t.close();
});

const call = (who: BuiltMember | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: {
      ...(who && { cookie: who.cookie }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { payload: JSON.stringify(body) }),
  });

/** "1st and 3rd Tuesdays, 7 pm" at a Kansas City church, typed without coordinates. */
const firstAndThird: HandMeetingInput = {
  name: 'First Step Speaker Meeting',
  program,
  day: 2,
  weeksOfMonth: [3, 1],
  startTime: '19:00',
  endTime: '20:00',
  timeZone: 'America/Chicago',
  types: ['O', 'sp', 'Wheelchair Access'],
  locationName: 'St. Paul’s Church',
  formattedAddress: '4201 Main St, Kansas City, MO 64111',
};

const fieldsOf = (error: { details?: unknown }) =>
  ((error.details as { issues?: Array<{ path: string }> } | undefined)?.issues ?? []).map((issue) => issue.path);

async function namesAt(query: MeetingSearchQuery, now: string): Promise<string[]> {
  const result = await findMeetings(
    t.ctx,
    meetingSearchQuerySchema.parse({ ...query, program }),
    Temporal.Instant.from(now),
  );
  return result.meetings.map((meeting) => meeting.name);
}

describe('meetings entered by hand', () => {
  let slug: string;
  let lastFridaySlug: string;

  it('are for meeting editors and admins only', async () => {
    expect((await call(member, 'POST', '/api/admin/meetings', firstAndThird)).statusCode).toBe(403);
    expect((await call(null, 'POST', '/api/admin/meetings', firstAndThird)).statusCode).toBe(401);
    expect((await call(member, 'GET', '/api/admin/meetings')).statusCode).toBe(403);
  });

  it('enters a meeting on the 1st and 3rd Tuesdays, placed on the map from its address', async () => {
    const created = await call(editor, 'POST', '/api/admin/meetings', firstAndThird);
    expect(created.statusCode).toBe(201);
    const meeting = created.json().meeting;
    slug = meeting.slug;
    expect(slug).toBe('first-step-speaker-meeting-tuesday');
    expect(meeting).toMatchObject({ weeksOfMonth: [1, 3], types: ['O', 'SP', 'X'], attendance: 'in_person' });
    // Kansas City's 64111 centroid, from the packaged places.
    expect(meeting.latitude).toBeCloseTo(39.05, 1);
    expect(meeting.longitude).toBeCloseTo(-94.59, 1);

    const page = (await call(null, 'GET', `/api/meetings/${slug}`)).json().meeting;
    expect(page).toMatchObject({
      weeksOfMonth: [1, 3],
      isHandEntered: true,
      source: null,
      changeRequest: { kind: 'editors' },
    });
    const near = await findMeetings(
      t.ctx,
      meetingSearchQuerySchema.parse({ program, latitude: 39.04, longitude: -94.59, radius: 5 }),
    );
    expect(near.meetings.map((found) => found.slug)).toContain(slug);
  });

  it('a second meeting of the same name and day gets its own address', async () => {
    const again = await call(editor, 'POST', '/api/admin/meetings', { ...firstAndThird, weeksOfMonth: [2] });
    expect(again.json().meeting.slug).toBe('first-step-speaker-meeting-tuesday-2');
    expect((await call(editor, 'DELETE', `/api/admin/meetings/${again.json().meeting.slug}`)).statusCode).toBe(204);
  });

  it('is starting soon and in progress only on its own weeks of the month', async () => {
    // Tuesday 3 November 2026 is the 1st Tuesday; 6:30 pm in Kansas City is 00:30 UTC on the 4th.
    expect(await namesAt({ now: 'starting_soon', within: 60 }, '2026-11-04T00:30:00Z')).toContain(firstAndThird.name);
    expect(await namesAt({ now: 'starting_soon', within: 60 }, '2026-11-11T00:30:00Z')).not.toContain(
      firstAndThird.name,
    );
    expect(await namesAt({ now: 'starting_soon', within: 60 }, '2026-11-18T00:30:00Z')).toContain(firstAndThird.name);
    expect(await namesAt({ now: 'in_progress' }, '2026-11-04T01:30:00Z')).toContain(firstAndThird.name);
    expect(await namesAt({ now: 'in_progress' }, '2026-11-11T01:30:00Z')).not.toContain(firstAndThird.name);
    // Searching by weekday finds it (its page says which Tuesdays).
    expect(await namesAt({ day: [2] }, '2026-11-11T01:30:00Z')).toContain(firstAndThird.name);
  });

  it('a "last Friday" meeting running past midnight is in progress after midnight only that Friday night', async () => {
    const created = await call(editor, 'POST', '/api/admin/meetings', {
      name: 'Last Friday Candlelight',
      program,
      day: 5,
      weeksOfMonth: [-1],
      startTime: '23:30',
      endTime: '00:30',
      timeZone: 'America/Chicago',
      conferenceUrl: 'https://zoom.us/j/123456789',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().meeting.attendance).toBe('online');
    lastFridaySlug = created.json().meeting.slug;
    // Friday 27 November 2026 is the last; 00:15 on Saturday in Chicago is 06:15 UTC.
    expect(await namesAt({ now: 'in_progress' }, '2026-11-28T06:15:00Z')).toContain('Last Friday Candlelight');
    expect(await namesAt({ now: 'in_progress' }, '2026-11-21T06:15:00Z')).not.toContain('Last Friday Candlelight');
    // Starting soon from Friday 11 pm, across the window's midnight split, on the last Friday only.
    expect(await namesAt({ now: 'starting_soon', within: 60 }, '2026-11-28T05:00:00Z')).toContain(
      'Last Friday Candlelight',
    );
    expect(await namesAt({ now: 'starting_soon', within: 60 }, '2026-11-21T05:00:00Z')).not.toContain(
      'Last Friday Candlelight',
    );
  });

  it('go into calendars as monthly events on their weeks, and stay out of the Meeting Guide feed', async () => {
    const calendar = await call(null, 'GET', `/api/meetings/${slug}/calendar.ics`);
    expect(calendar.statusCode).toBe(200);
    expect(calendar.body).toContain('RRULE:FREQ=MONTHLY;BYDAY=TU;BYSETPOS=1,3');
    expect(calendar.body).toContain('TZID=America/Chicago');
    const lastFriday = await call(null, 'GET', `/api/meetings/${lastFridaySlug}/calendar.ics`);
    expect(lastFriday.body).toContain('BYDAY=FR;BYSETPOS=-1');

    // The feed is kept built between requests; a change made here rebuilds it at once.
    const before = (await call(null, 'GET', '/api/meetings/feed.json')).json<Array<{ slug: string }>>();
    const weekly = await call(editor, 'POST', '/api/admin/meetings', {
      ...firstAndThird,
      name: 'Tuesday Night Basics',
      weeksOfMonth: null,
    });
    expect(before.map((row) => row.slug)).not.toContain(weekly.json().meeting.slug);
    const feed = (await call(null, 'GET', '/api/meetings/feed.json')).json<Array<{ slug: string }>>();
    const slugs = feed.map((row) => row.slug);
    expect(slugs).toContain(weekly.json().meeting.slug);
    expect(slugs).not.toContain(slug);
    expect(slugs).not.toContain(lastFridaySlug);
  });

  it('refuses what cannot be a meeting, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ weeksOfMonth: [0] }, 'weeksOfMonth.0'],
      [{ weeksOfMonth: [1, 1] }, 'weeksOfMonth'],
      [{ day: 7 }, 'day'],
      [{ startTime: '7 pm' }, 'startTime'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ types: ['NOT-A-TYPE'] }, 'types'],
      [{ formattedAddress: null }, 'formattedAddress'],
      [{ latitude: 39 }, 'longitude'],
      [{ conferenceUrl: 'javascript:alert(1)' }, 'conferenceUrl'],
      [{ endTime: '19:00' }, 'endTime'],
      [{ isAdmin: true }, ''],
    ];
    for (const [change, field] of cases) {
      const response = await call(editor, 'POST', '/api/admin/meetings', { ...firstAndThird, ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      const error = errorOf(response);
      expect(error.code).toBe('invalid_input');
      if (field) expect(fieldsOf(error), JSON.stringify(change)).toContain(field);
    }
  });

  it('an edit keeps the meeting’s address; a meeting from a source cannot be edited here', async () => {
    const changed = await call(editor, 'PUT', `/api/admin/meetings/${slug}`, {
      ...firstAndThird,
      name: 'First Step Speaker Meeting (new room)',
      latitude: 39.051,
      longitude: -94.591,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().meeting).toMatchObject({
      slug,
      name: 'First Step Speaker Meeting (new room)',
      latitude: 39.051,
    });
    expect((await call(null, 'GET', `/api/meetings/${slug}`)).json().meeting.name).toBe(
      'First Step Speaker Meeting (new room)',
    );

    const { source } = await importMeetings(t.ctx, {
      sourceName: `Hand test source ${program}`,
      kind: 'meeting-guide-json',
      defaultTimeZone: 'America/Chicago',
      text: JSON.stringify([
        { slug: 'a', name: 'From a feed', day: 1, time: '19:00', formatted_address: '1 Main St, Kansas City, MO' },
      ]),
    });
    const imported = `${source.slug}--a`;
    expect((await call(editor, 'PUT', `/api/admin/meetings/${imported}`, firstAndThird)).statusCode).toBe(409);
    expect((await call(editor, 'DELETE', `/api/admin/meetings/${imported}`)).statusCode).toBe(409);
    expect(
      (await call(editor, 'GET', '/api/admin/meetings')).json().meetings.map((m: { slug: string }) => m.slug),
    ).not.toContain(imported);
  });

  it('removing one takes it off the finder, and every change is in the audit log', async () => {
    expect((await call(editor, 'DELETE', `/api/admin/meetings/${lastFridaySlug}`)).statusCode).toBe(204);
    expect((await call(null, 'GET', `/api/meetings/${lastFridaySlug}`)).statusCode).toBe(404);
    const events = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.actorId, editor.user.id));
    const actions = events.map((event) => event.action);
    expect(actions).toContain('meeting.entered');
    expect(actions).toContain('meeting.changed');
    expect(actions).toContain('meeting.removed');
  });

  it('"request a change" reaches the editors, who mark it done', async () => {
    const sent = await call(null, 'POST', `/api/meetings/${slug}/change-requests`, {
      message: 'The meeting moved to the basement hall.',
      contact: 'sam@example.org',
    });
    expect(sent.statusCode).toBe(204);
    const empty = await call(null, 'POST', `/api/meetings/${slug}/change-requests`, { message: '   ' });
    expect(fieldsOf(errorOf(empty))).toEqual(['message']);
    expect(
      (await call(null, 'POST', '/api/meetings/no-such-meeting/change-requests', { message: 'x' })).statusCode,
    ).toBe(404);

    expect((await call(member, 'GET', '/api/admin/meeting-change-requests')).statusCode).toBe(403);
    const open = (await call(editor, 'GET', '/api/admin/meeting-change-requests')).json().requests;
    const request = open.find((item: { meeting: { slug: string } }) => item.meeting.slug === slug);
    expect(request).toMatchObject({
      message: 'The meeting moved to the basement hall.',
      contact: 'sam@example.org',
      resolvedAt: null,
    });
    const list = (await call(editor, 'GET', '/api/admin/meetings')).json().meetings;
    expect(list.find((item: { slug: string }) => item.slug === slug).openChangeRequests).toBe(1);

    // A member who sends one finds it in their own data export.
    await call(member, 'POST', `/api/meetings/${slug}/change-requests`, { message: 'Is it still on?' });
    const exported = (await call(member, 'GET', '/api/me/export')).json();
    expect(exported.meetings.changeRequests).toEqual([
      expect.objectContaining({ slug, message: 'Is it still on?', contact: null }),
    ]);

    expect((await call(editor, 'POST', `/api/admin/meeting-change-requests/${request.id}/resolve`)).statusCode).toBe(
      204,
    );
    expect((await call(editor, 'POST', `/api/admin/meeting-change-requests/${request.id}/resolve`)).statusCode).toBe(
      404,
    );
    const resolved = (await call(editor, 'GET', '/api/admin/meeting-change-requests?status=resolved')).json().requests;
    expect(resolved.map((item: { id: string }) => item.id)).toContain(request.id);
  });

  it('"request a change" is limited to 10 an hour from one address', async () => {
    // A fresh app: its own in-memory counters, on the same database.
    const limited = await createTestApp({ database: t.database });
    try {
      const send = () =>
        limited.app.inject({
          method: 'POST',
          url: `/api/meetings/${slug}/change-requests`,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ message: 'Still on?' }),
        });
      for (let attempt = 1; attempt <= 10; attempt += 1) expect((await send()).statusCode).toBe(204);
      const refused = await send();
      expect(refused.statusCode).toBe(429);
      expect(errorOf(refused).code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });

  it('a meeting with its own feedback address sends people there instead', async () => {
    const { source } = await importMeetings(t.ctx, {
      sourceName: `Feedback source ${program}`,
      kind: 'meeting-guide-json',
      defaultTimeZone: 'America/Chicago',
      text: JSON.stringify([
        {
          slug: 'b',
          name: 'With feedback',
          day: 1,
          time: '19:00',
          formatted_address: '1 Main St, Kansas City, MO',
          feedback_url: 'https://intergroup.example.org/feedback',
        },
      ]),
    });
    const response = await call(null, 'POST', `/api/meetings/${source.slug}--b/change-requests`, { message: 'Hi' });
    expect(response.statusCode).toBe(409);
  });
});
