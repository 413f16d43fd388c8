import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkIns,
  journalEntries,
  milestoneCongratulations,
  recoveryCounterStreaks,
  recoveryCounters,
  recoveryPlans,
  sharedMilestones,
} from '../../db/schema.ts';
import { buildMember, type BuiltMember } from '../../../test/factories.ts';
import { createTestApp, errorOf, type TestApp } from '../../../test/test-app.ts';
import { upsertCheckIn } from './recovery.queries.ts';
import { addDays, todayIn } from './recovery.time.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
function call(member: BuiltMember | null, method: Method, url: string, body?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: {
      ...(member && { cookie: member.cookie }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { payload: JSON.stringify(body) }),
  });
}

/** The field paths a 400 names. */
function fieldsOf(response: Awaited<ReturnType<typeof call>>): string[] {
  expect(response.statusCode).toBe(400);
  const error = errorOf(response);
  expect(error.code).toBe('invalid_input');
  return ((error.details as { issues: Array<{ path: string }> }).issues ?? []).map((issue) => issue.path);
}

const today = (timeZone = 'UTC') => todayIn(timeZone);

async function addCounter(member: BuiltMember, startedOn: string, label = 'Alcohol', startedAt?: string) {
  const response = await call(member, 'POST', '/api/recovery/counters', { label, startedOn, startedAt });
  expect(response.statusCode).toBe(201);
  return response.json().counter;
}

async function countRows(table: typeof checkIns | typeof recoveryCounters | typeof journalEntries, userId: string) {
  return (await t.ctx.db.select().from(table).where(eq(table.userId, userId))).length;
}

describe('recovery counters', () => {
  it('counts days and the calendar span, and names the next milestone with a countdown', async () => {
    const member = await buildMember(t.ctx);
    const counter = await addCounter(member, addDays(today(), -30));
    expect(counter).toMatchObject({ label: 'Alcohol', days: 30, startedAt: null });
    expect(counter.nextMilestone).toMatchObject({ key: 'days:60', label: '60 days', daysUntil: 30, isReached: false });
    expect(counter.reachedMilestones.map((milestone: { key: string }) => milestone.key)).toEqual([
      'days:30',
      'days:14',
      'days:7',
      'hours:24',
    ]);
    expect(counter.totalDays).toBe(30);
    const span = counter.span as { years: number; months: number; days: number };
    expect(span.years).toBe(0);
    expect(span.months * 31 + span.days).toBeGreaterThanOrEqual(28);
  });

  it('counts in the member’s own time zone', async () => {
    // At any moment, Kiritimati (UTC+14) and Pago Pago (UTC−11) are a day apart or more.
    const east = await buildMember(t.ctx, { profile: { timeZone: 'Pacific/Kiritimati' } });
    const west = await buildMember(t.ctx, { profile: { timeZone: 'Pacific/Pago_Pago' } });
    const eastToday = today('Pacific/Kiritimati');
    expect(eastToday > today('Pacific/Pago_Pago')).toBe(true);
    expect((await addCounter(east, eastToday)).days).toBe(0);
    const refused = await call(west, 'POST', '/api/recovery/counters', { label: 'Gambling', startedOn: eastToday });
    expect(fieldsOf(refused)).toEqual(['startedOn']);
    const list = (await call(east, 'GET', '/api/recovery/counters')).json();
    expect(list).toMatchObject({ today: eastToday, timeZone: 'Pacific/Kiritimati' });
  });

  it('refuses a start in the future, an impossible date, and names that are empty or too long, storing nothing', async () => {
    const member = await buildMember(t.ctx);
    const post = (body: unknown) => call(member, 'POST', '/api/recovery/counters', body);
    expect(fieldsOf(await post({ label: 'Alcohol', startedOn: addDays(today(), 1) }))).toEqual(['startedOn']);
    expect(fieldsOf(await post({ label: 'Alcohol', startedOn: '2025-02-30' }))).toEqual(['startedOn']);
    expect(fieldsOf(await post({ label: 'Alcohol', startedOn: '1850-01-01' }))).toEqual(['startedOn']);
    expect(fieldsOf(await post({ label: '  ', startedOn: today() }))).toEqual(['label']);
    expect(fieldsOf(await post({ label: 'x'.repeat(61), startedOn: today() }))).toEqual(['label']);
    expect(fieldsOf(await post({ label: 'Alcohol', startedOn: today(), startedAt: '25:00' }))).toEqual(['startedAt']);
    expect(await countRows(recoveryCounters, member.user.id)).toBe(0);
  });

  it('corrects a name or a start date without creating history', async () => {
    const member = await buildMember(t.ctx);
    const counter = await addCounter(member, addDays(today(), -3));
    const response = await call(member, 'PATCH', `/api/recovery/counters/${counter.id}`, {
      label: 'Opioids',
      startedOn: addDays(today(), -10),
      startedAt: '08:15',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().counter).toMatchObject({ label: 'Opioids', startedAt: '08:15', earlierStreaks: [] });
    const future = await call(member, 'PATCH', `/api/recovery/counters/${counter.id}`, {
      startedOn: addDays(today(), 2),
    });
    expect(fieldsOf(future)).toEqual(['startedOn']);
  });

  it('starts again after a slip, keeping earlier days in the history and the total', async () => {
    const member = await buildMember(t.ctx);
    const counter = await addCounter(member, addDays(today(), -40));
    const restart = { restartedOn: addDays(today(), -5), note: 'Hard week. Back at it.' };
    const response = await call(member, 'POST', `/api/recovery/counters/${counter.id}/reset`, restart);
    expect(response.statusCode).toBe(200);
    const restarted = response.json().counter;
    expect(restarted).toMatchObject({
      startedOn: restart.restartedOn,
      days: 5,
      totalDays: 40,
      longestStreakDays: 35,
      earlierStreaks: [{ startedOn: counter.startedOn, endedOn: restart.restartedOn, days: 35, note: restart.note }],
    });
    expect(restarted.nextMilestone.key).toBe('days:7');
  });

  it('starts again once when two tabs say so at the same time', async () => {
    const member = await buildMember(t.ctx);
    const counter = await addCounter(member, addDays(today(), -20));
    const body = { restartedOn: today() };
    const responses = await Promise.all([
      call(member, 'POST', `/api/recovery/counters/${counter.id}/reset`, body),
      call(member, 'POST', `/api/recovery/counters/${counter.id}/reset`, body),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
    const rows = await t.ctx.db
      .select()
      .from(recoveryCounterStreaks)
      .where(eq(recoveryCounterStreaks.counterId, counter.id));
    expect(rows).toHaveLength(1);
  });

  it('refuses a new start in the future or before the current start', async () => {
    const member = await buildMember(t.ctx);
    const counter = await addCounter(member, addDays(today(), -10));
    const reset = (restartedOn: string) =>
      call(member, 'POST', `/api/recovery/counters/${counter.id}/reset`, { restartedOn });
    expect(fieldsOf(await reset(addDays(today(), 1)))).toEqual(['restartedOn']);
    expect(fieldsOf(await reset(addDays(today(), -11)))).toEqual(['restartedOn']);
    expect((await call(member, 'GET', `/api/recovery/counters/${counter.id}`)).json().counter.earlierStreaks).toEqual(
      [],
    );
  });

  it('deletes a counter with its history', async () => {
    const member = await buildMember(t.ctx);
    const counter = await addCounter(member, addDays(today(), -10));
    expect((await call(member, 'DELETE', `/api/recovery/counters/${counter.id}`)).statusCode).toBe(204);
    expect((await call(member, 'GET', `/api/recovery/counters/${counter.id}`)).statusCode).toBe(404);
    expect((await call(member, 'GET', '/api/recovery/counters')).json().counters).toEqual([]);
  });
});

describe('daily check-ins', () => {
  const full = {
    mood: 4,
    craving: 3,
    triggers: ['stress', 'Late shifts '],
    pledged: true,
    dayRating: 'mixed',
    eveningReview: 'Called my sponsor.',
    gratitude: 'My sister',
    notes: '',
  };

  it("saves today's check-in, and a later save changes only the fields it sends", async () => {
    const member = await buildMember(t.ctx);
    const day = today();
    const first = await call(member, 'PUT', `/api/recovery/check-ins/${day}`, full);
    expect(first.statusCode).toBe(200);
    expect(first.json().checkIn).toMatchObject({
      day,
      mood: 4,
      triggers: ['stress', 'late shifts'],
      notes: null,
      isEditable: true,
    });
    const evening = await call(member, 'PUT', `/api/recovery/check-ins/${day}`, { dayRating: 'well', craving: 1 });
    expect(evening.json().checkIn).toMatchObject({ mood: 4, craving: 1, dayRating: 'well', pledged: true });
    expect((await call(member, 'GET', '/api/recovery/check-ins/today')).json()).toMatchObject({
      today: day,
      checkIn: { mood: 4, craving: 1 },
    });
  });

  it('keeps one check-in when two tabs save the same day at once', async () => {
    const member = await buildMember(t.ctx);
    const day = today();
    const responses = await Promise.all([
      call(member, 'PUT', `/api/recovery/check-ins/${day}`, { mood: 2 }),
      call(member, 'PUT', `/api/recovery/check-ins/${day}`, { craving: 7 }),
    ]);
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
    expect(await countRows(checkIns, member.user.id)).toBe(1);
  });

  it('refuses days that have not happened and days gone by, storing nothing', async () => {
    const member = await buildMember(t.ctx);
    expect(fieldsOf(await call(member, 'PUT', `/api/recovery/check-ins/${addDays(today(), 1)}`, full))).toEqual([
      'day',
    ]);
    expect(fieldsOf(await call(member, 'PUT', `/api/recovery/check-ins/${addDays(today(), -1)}`, full))).toEqual([
      'day',
    ]);
    expect(fieldsOf(await call(member, 'PUT', '/api/recovery/check-ins/2025-13-01', full))).toEqual(['day']);
    expect(await countRows(checkIns, member.user.id)).toBe(0);
  });

  it('refuses values out of range and triggers beyond a sane length, naming the field', async () => {
    const member = await buildMember(t.ctx);
    const put = (body: unknown) => call(member, 'PUT', `/api/recovery/check-ins/${today()}`, body);
    expect(fieldsOf(await put({ mood: 6 }))).toEqual(['mood']);
    expect(fieldsOf(await put({ mood: 2.5 }))).toEqual(['mood']);
    expect(fieldsOf(await put({ craving: -1 }))).toEqual(['craving']);
    expect(fieldsOf(await put({ craving: 11 }))).toEqual(['craving']);
    expect(fieldsOf(await put({ triggers: ['x'.repeat(41)] }))).toEqual(['triggers.0']);
    expect(fieldsOf(await put({ triggers: Array.from({ length: 21 }, (_, index) => `t${index}`) }))).toEqual([
      'triggers',
    ]);
    expect(fieldsOf(await put({ dayRating: 'terrible' }))).toEqual(['dayRating']);
    expect(fieldsOf(await put({ gratitude: 'x'.repeat(2001) }))).toEqual(['gratitude']);
    expect(fieldsOf(await put({ mood: 3, surprise: true }))).toEqual(['']);
    expect(await countRows(checkIns, member.user.id)).toBe(0);
  });

  it('lists check-ins in a range, oldest first, with earlier days read-only', async () => {
    const member = await buildMember(t.ctx);
    await upsertCheckIn(t.ctx.db, member.user.id, addDays(today(), -2), { mood: 3 });
    await call(member, 'PUT', `/api/recovery/check-ins/${today()}`, { mood: 5 });
    const response = await call(member, 'GET', `/api/recovery/check-ins?from=${addDays(today(), -6)}&to=${today()}`);
    expect(
      response
        .json()
        .checkIns.map((checkIn: { mood: number; isEditable: boolean }) => [checkIn.mood, checkIn.isEditable]),
    ).toEqual([
      [3, false],
      [5, true],
    ]);
    const tooLong = await call(member, 'GET', `/api/recovery/check-ins?from=2024-01-01&to=2025-06-01`);
    expect(fieldsOf(tooLong)).toEqual(['to']);
  });

  it('summarises streaks, mood and craving per day, and trigger counts', async () => {
    const member = await buildMember(t.ctx);
    const day = (offset: number) => addDays(today(), offset);
    // Four days in a row ending yesterday, and an older run of six.
    for (const offset of [-1, -2, -3, -4]) {
      await upsertCheckIn(t.ctx.db, member.user.id, day(offset), { mood: 4, craving: 2, triggers: ['stress'] });
    }
    for (const offset of [-20, -21, -22, -23, -24, -25]) {
      await upsertCheckIn(t.ctx.db, member.user.id, day(offset), {
        mood: 2,
        craving: 6,
        triggers: ['boredom', 'stress'],
      });
    }
    await upsertCheckIn(t.ctx.db, member.user.id, day(-40), { mood: 1 });
    const summary = (await call(member, 'GET', '/api/recovery/check-ins/summary?days=30')).json();
    expect(summary).toMatchObject({
      today: today(),
      from: day(-29),
      days: 30,
      currentStreak: 4,
      longestStreak: 6,
      checkInCount: 10,
      averageMood: 2.8,
      averageCraving: 4.4,
    });
    expect(summary.series).toHaveLength(30);
    expect(summary.series.at(-2)).toEqual({ day: day(-1), mood: 4, craving: 2 });
    expect(summary.series.at(-1)).toEqual({ day: today(), mood: null, craving: null });
    expect(summary.triggerCounts).toEqual([
      { trigger: 'stress', label: 'Stress', count: 10 },
      { trigger: 'boredom', label: 'Boredom', count: 6 },
    ]);
    await call(member, 'PUT', `/api/recovery/check-ins/${today()}`, { mood: 5 });
    expect((await call(member, 'GET', '/api/recovery/check-ins/summary?days=90')).json()).toMatchObject({
      currentStreak: 5,
      checkInCount: 12,
    });
    expect(fieldsOf(await call(member, 'GET', '/api/recovery/check-ins/summary?days=45'))).toEqual(['days']);
  });
});

describe('recovery plan', () => {
  const plan = {
    triggers: ['Payday', ' ', 'Payday'],
    warningSigns: ['Skipping meals'],
    copingStrategies: ['urge_surfing', 'halt', 'call_someone'],
    ownCopingStrategies: ['Walk the dog'],
    reasons: ['My kids'],
    peopleToCall: [{ name: 'Sam', phone: '+1 (555) 010-2030', note: 'my sponsor' }],
    safePlaces: ['The library'],
    professionalContacts: [{ name: 'Dr. Lee', phone: '555-0100' }],
  };

  it('starts empty, saves the whole plan, and gives it back tidied', async () => {
    const member = await buildMember(t.ctx);
    expect((await call(member, 'GET', '/api/recovery/plan')).json().plan).toMatchObject({
      triggers: [],
      peopleToCall: [],
      updatedAt: null,
    });
    const saved = await call(member, 'PUT', '/api/recovery/plan', plan);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().plan).toMatchObject({
      triggers: ['Payday'],
      copingStrategies: ['urge_surfing', 'halt', 'call_someone'],
      peopleToCall: [{ name: 'Sam', phone: '+1 (555) 010-2030', note: 'my sponsor' }],
      professionalContacts: [{ name: 'Dr. Lee', phone: '555-0100', note: null }],
    });
    expect((await call(member, 'GET', '/api/recovery/plan')).json().plan.updatedAt).not.toBeNull();
  });

  it('refuses an unknown coping strategy, a phone number with letters and an overlong item', async () => {
    const member = await buildMember(t.ctx);
    expect(fieldsOf(await call(member, 'PUT', '/api/recovery/plan', { ...plan, copingStrategies: ['drink'] }))).toEqual(
      ['copingStrategies.0'],
    );
    const badPhone = { ...plan, peopleToCall: [{ name: 'Sam', phone: 'call me maybe' }] };
    expect(fieldsOf(await call(member, 'PUT', '/api/recovery/plan', badPhone))).toEqual(['peopleToCall.0.phone']);
    expect(fieldsOf(await call(member, 'PUT', '/api/recovery/plan', { ...plan, reasons: ['x'.repeat(301)] }))).toEqual([
      'reasons.0',
    ]);
    expect(fieldsOf(await call(member, 'PUT', '/api/recovery/plan', { triggers: [] }))[0]).toBe('warningSigns');
    expect((await call(member, 'GET', '/api/recovery/plan')).json().plan.updatedAt).toBeNull();
  });
});

describe('journal', () => {
  it('writes, reads, changes and deletes entries, newest first', async () => {
    const member = await buildMember(t.ctx);
    const first = await call(member, 'POST', '/api/recovery/journal', {
      writtenOn: addDays(today(), -1),
      title: 'Day one',
      body: 'Scared but hopeful.',
    });
    expect(first.statusCode).toBe(201);
    const second = await call(member, 'POST', '/api/recovery/journal', { body: 'Went to a meeting.' });
    expect(second.json().entry).toMatchObject({ writtenOn: today(), title: null });
    const list = (await call(member, 'GET', '/api/recovery/journal')).json();
    expect(list.entries.map((entry: { body: string }) => entry.body)).toEqual([
      'Went to a meeting.',
      'Scared but hopeful.',
    ]);
    const id = first.json().entry.id;
    const changed = await call(member, 'PATCH', `/api/recovery/journal/${id}`, { title: '', body: 'Scared, hopeful.' });
    expect(changed.json().entry).toMatchObject({ title: null, body: 'Scared, hopeful.' });
    expect((await call(member, 'DELETE', `/api/recovery/journal/${id}`)).statusCode).toBe(204);
    expect((await call(member, 'GET', `/api/recovery/journal/${id}`)).statusCode).toBe(404);
  });

  it('finds entries by words, stemmed in English and as written in any language', async () => {
    const member = await buildMember(t.ctx);
    for (const body of [
      'Strong cravings after work.',
      'Quiet evening, felt grateful.',
      'Hoy fue un día difícil.',
      '100% done',
    ]) {
      await call(member, 'POST', '/api/recovery/journal', { body });
    }
    const search = async (q: string) =>
      (await call(member, 'GET', `/api/recovery/journal?q=${encodeURIComponent(q)}`))
        .json()
        .entries.map((entry: { body: string }) => entry.body);
    expect(await search('craving')).toEqual(['Strong cravings after work.']);
    expect(await search('difícil')).toEqual(['Hoy fue un día difícil.']);
    expect(await search('%')).toEqual(['100% done']);
    expect(await search('relapse')).toEqual([]);
  });

  it('pages through a long journal with a cursor, each entry once', async () => {
    const member = await buildMember(t.ctx);
    for (let index = 0; index < 25; index += 1) {
      await call(member, 'POST', '/api/recovery/journal', {
        body: `Entry ${index}`,
        writtenOn: addDays(today(), -(index % 3)),
      });
    }
    const first = (await call(member, 'GET', '/api/recovery/journal')).json();
    expect(first.entries).toHaveLength(20);
    const second = (await call(member, 'GET', `/api/recovery/journal?cursor=${first.nextCursor}`)).json();
    expect(second.nextCursor).toBeNull();
    const bodies = [...first.entries, ...second.entries].map((entry: { body: string }) => entry.body);
    expect(new Set(bodies).size).toBe(25);
    expect(fieldsOf(await call(member, 'GET', '/api/recovery/journal?cursor=not-a-cursor'))).toEqual(['cursor']);
  });

  it('refuses a day in the future and an empty entry', async () => {
    const member = await buildMember(t.ctx);
    const future = await call(member, 'POST', '/api/recovery/journal', { writtenOn: addDays(today(), 1), body: 'x' });
    expect(fieldsOf(future)).toEqual(['writtenOn']);
    expect(fieldsOf(await call(member, 'POST', '/api/recovery/journal', { body: '   ' }))).toEqual(['body']);
    expect(await countRows(journalEntries, member.user.id)).toBe(0);
  });
});

describe('celebrating together', () => {
  it('shares a reached milestone with handle, milestone and note only, and others congratulate it', async () => {
    const sharer = await buildMember(t.ctx);
    const friend = await buildMember(t.ctx);
    const counter = await addCounter(sharer, addDays(today(), -31), 'Opioids');
    const shared = await call(sharer, 'POST', `/api/recovery/counters/${counter.id}/milestones/days:30/share`, {
      note: 'One day at a time.',
    });
    expect(shared.statusCode).toBe(201);
    const id = shared.json().milestone.id;

    const feed = (await call(friend, 'GET', '/api/milestones')).json();
    const item = feed.milestones.find((milestone: { id: string }) => milestone.id === id);
    expect(Object.keys(item).sort()).toEqual(
      [
        'congratulationCount',
        'congratulations',
        'handle',
        'id',
        'isMine',
        'milestone',
        'myCongratulation',
        'note',
        'reactionCounts',
      ].sort(),
    );
    expect(item).toMatchObject({
      handle: sharer.handle,
      milestone: '30 days',
      note: 'One day at a time.',
      isMine: false,
    });
    // Neither the start date nor what they count ("Opioids") leaves with a shared milestone.
    expect(JSON.stringify(feed)).not.toContain(counter.startedOn);
    expect(JSON.stringify(feed)).not.toContain('Opioids');

    const congratulated = await call(friend, 'PUT', `/api/milestones/${id}/congratulation`, {
      reaction: 'proud_of_you',
      note: 'So proud of you!',
    });
    expect(congratulated.json().milestone).toMatchObject({
      reactionCounts: { proud_of_you: 1, congratulations: 0 },
      congratulationCount: 1,
      myCongratulation: { handle: friend.handle, reaction: 'proud_of_you', note: 'So proud of you!' },
    });
    // One congratulation per member: saying it again changes it.
    await call(friend, 'PUT', `/api/milestones/${id}/congratulation`, { reaction: 'congratulations' });
    const seenBySharer = (await call(sharer, 'GET', '/api/milestones'))
      .json()
      .milestones.find((milestone: { id: string }) => milestone.id === id);
    expect(seenBySharer).toMatchObject({
      isMine: true,
      congratulationCount: 1,
      reactionCounts: { congratulations: 1, proud_of_you: 0 },
      congratulations: [{ handle: friend.handle, reaction: 'congratulations', note: null }],
    });
    const withdrawn = await call(friend, 'DELETE', `/api/milestones/${id}/congratulation`);
    expect(withdrawn.json().milestone).toMatchObject({ congratulationCount: 0, myCongratulation: null });

    const detail = (await call(sharer, 'GET', `/api/recovery/counters/${counter.id}`)).json().counter;
    expect(detail.reachedMilestones[0]).toMatchObject({ key: 'days:30', sharedMilestoneId: id });
  });

  it('refuses a milestone not reached yet, sharing twice, and congratulating yourself', async () => {
    const sharer = await buildMember(t.ctx);
    const counter = await addCounter(sharer, addDays(today(), -8));
    const share = (key: string) =>
      call(sharer, 'POST', `/api/recovery/counters/${counter.id}/milestones/${key}/share`, {});
    expect(fieldsOf(await share('days:14'))).toEqual(['key']);
    expect(fieldsOf(await share('days:15'))).toEqual(['key']);
    const shared = await share('days:7');
    expect(shared.statusCode).toBe(201);
    expect((await share('days:7')).statusCode).toBe(409);
    const own = await call(sharer, 'PUT', `/api/milestones/${shared.json().milestone.id}/congratulation`, {
      reaction: 'inspired',
    });
    expect(own.statusCode).toBe(403);
    const empty = await call(sharer, 'PUT', `/api/milestones/${shared.json().milestone.id}/congratulation`, {});
    expect(fieldsOf(empty)).toEqual(['reaction']);
  });

  it('lets only the sharer take a milestone back; a new start can share its own milestones', async () => {
    const sharer = await buildMember(t.ctx);
    const other = await buildMember(t.ctx);
    const counter = await addCounter(sharer, addDays(today(), -3));
    const id = (await call(sharer, 'POST', `/api/recovery/counters/${counter.id}/milestones/hours:24/share`, {})).json()
      .milestone.id;
    expect((await call(other, 'DELETE', `/api/milestones/${id}`)).statusCode).toBe(403);
    await call(sharer, 'POST', `/api/recovery/counters/${counter.id}/reset`, { restartedOn: addDays(today(), -1) });
    const afterRestart = (await call(sharer, 'GET', `/api/recovery/counters/${counter.id}`)).json().counter;
    expect(afterRestart.reachedMilestones[0]).toMatchObject({ key: 'hours:24', sharedMilestoneId: null });
    expect(
      (await call(sharer, 'POST', `/api/recovery/counters/${counter.id}/milestones/hours:24/share`, {})).statusCode,
    ).toBe(201);
    expect((await call(sharer, 'DELETE', `/api/milestones/${id}`)).statusCode).toBe(204);
    const ids = (await call(other, 'GET', '/api/milestones')).json().milestones.map((item: { id: string }) => item.id);
    expect(ids).not.toContain(id);
  });

  it('pages the feed newest first', async () => {
    const sharer = await buildMember(t.ctx);
    for (let index = 0; index < 3; index += 1) {
      const counter = await addCounter(sharer, addDays(today(), -2), `Counter ${index}`);
      await call(sharer, 'POST', `/api/recovery/counters/${counter.id}/milestones/hours:24/share`, {
        note: `n${index}`,
      });
    }
    const feed = (await call(sharer, 'GET', '/api/milestones')).json();
    expect(feed.milestones.slice(0, 3).map((item: { note: string }) => item.note)).toEqual(['n2', 'n1', 'n0']);
    expect(fieldsOf(await call(sharer, 'GET', '/api/milestones?cursor=%%%'))).toEqual(['cursor']);
  });
});

describe('privacy', () => {
  it("never lets one member read or change another's counters, check-ins, plan or journal", async () => {
    const owner = await buildMember(t.ctx);
    const stranger = await buildMember(t.ctx);
    const counter = await addCounter(owner, addDays(today(), -10));
    await call(owner, 'PUT', `/api/recovery/check-ins/${today()}`, { mood: 2, notes: 'private' });
    await call(owner, 'PUT', '/api/recovery/plan', {
      triggers: ['secret trigger'],
      warningSigns: [],
      copingStrategies: [],
      ownCopingStrategies: [],
      reasons: [],
      peopleToCall: [],
      safePlaces: [],
      professionalContacts: [],
    });
    const entry = (await call(owner, 'POST', '/api/recovery/journal', { body: 'secret entry' })).json().entry;

    for (const [method, url, body] of [
      ['GET', `/api/recovery/counters/${counter.id}`],
      ['PATCH', `/api/recovery/counters/${counter.id}`, { label: 'mine now' }],
      ['DELETE', `/api/recovery/counters/${counter.id}`],
      ['POST', `/api/recovery/counters/${counter.id}/reset`, { restartedOn: today() }],
      ['POST', `/api/recovery/counters/${counter.id}/milestones/days:7/share`, {}],
      ['GET', `/api/recovery/journal/${entry.id}`],
      ['PATCH', `/api/recovery/journal/${entry.id}`, { body: 'mine now' }],
      ['DELETE', `/api/recovery/journal/${entry.id}`],
    ] as Array<[Method, string, unknown?]>) {
      const response = await call(stranger, method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.body).not.toContain('secret');
    }
    const lists = await Promise.all([
      call(stranger, 'GET', '/api/recovery/counters'),
      call(stranger, 'GET', '/api/recovery/check-ins/today'),
      call(stranger, 'GET', `/api/recovery/check-ins?from=${addDays(today(), -5)}&to=${today()}`),
      call(stranger, 'GET', '/api/recovery/plan'),
      call(stranger, 'GET', '/api/recovery/journal?q=secret'),
    ]);
    expect(lists[0].json().counters).toEqual([]);
    expect(lists[1].json().checkIn).toBeNull();
    expect(lists[2].json().checkIns).toEqual([]);
    expect(lists[3].json().plan.triggers).toEqual([]);
    expect(lists[4].json().entries).toEqual([]);
    // And the owner's data is as it was.
    expect((await call(owner, 'GET', `/api/recovery/counters/${counter.id}`)).json().counter.label).toBe('Alcohol');
    expect((await call(owner, 'GET', `/api/recovery/journal/${entry.id}`)).json().entry.body).toBe('secret entry');
  });

  it('answers every recovery route with 401 when nobody is signed in', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', '/api/recovery/counters'],
      ['POST', '/api/recovery/counters'],
      ['GET', `/api/recovery/counters/${id}`],
      ['GET', '/api/recovery/check-ins/today'],
      ['GET', '/api/recovery/check-ins/summary'],
      ['PUT', `/api/recovery/check-ins/${today()}`],
      ['GET', '/api/recovery/plan'],
      ['PUT', '/api/recovery/plan'],
      ['GET', '/api/recovery/journal'],
      ['GET', '/api/milestones'],
      ['PUT', `/api/milestones/${id}/congratulation`],
    ] as Array<[Method, string]>) {
      const body = method === 'GET' ? undefined : {};
      const response = await call(null, method, url, body);
      // Input is checked before the session for some routes; either way nothing leaks.
      expect([400, 401], `${method} ${url}`).toContain(response.statusCode);
      if (method === 'GET') expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('puts all of it in the data export, and removes all of it with the account', async () => {
    const member = await buildMember(t.ctx);
    const friend = await buildMember(t.ctx);
    const counter = await addCounter(member, addDays(today(), -8));
    await call(member, 'POST', `/api/recovery/counters/${counter.id}/reset`, { restartedOn: addDays(today(), -7) });
    await call(member, 'PUT', `/api/recovery/check-ins/${today()}`, { mood: 3, gratitude: 'sunshine' });
    await call(member, 'PUT', '/api/recovery/plan', {
      triggers: ['payday'],
      warningSigns: [],
      copingStrategies: ['halt'],
      ownCopingStrategies: [],
      reasons: [],
      peopleToCall: [{ name: 'Sam' }],
      safePlaces: [],
      professionalContacts: [],
    });
    await call(member, 'POST', '/api/recovery/journal', { body: 'exported words' });
    const shared = (
      await call(member, 'POST', `/api/recovery/counters/${counter.id}/milestones/days:7/share`, { note: 'a week' })
    ).json().milestone;
    await call(friend, 'PUT', `/api/milestones/${shared.id}/congratulation`, { note: 'well done' });
    const friendsCounter = await addCounter(friend, addDays(today(), -2));
    const friendsShare = (
      await call(friend, 'POST', `/api/recovery/counters/${friendsCounter.id}/milestones/hours:24/share`, {})
    ).json().milestone;
    await call(member, 'PUT', `/api/milestones/${friendsShare.id}/congratulation`, { reaction: 'sending_love' });

    const exported = (await call(member, 'GET', '/api/me/export')).json();
    expect(exported.recovery).toMatchObject({
      timeZone: 'UTC',
      counters: [{ id: counter.id, earlierStreaks: [{ days: 1 }] }],
      checkIns: [{ day: today(), mood: 3, gratitude: 'sunshine' }],
      plan: { triggers: ['payday'], copingStrategies: ['halt'], peopleToCall: [{ name: 'Sam' }] },
      journal: [{ body: 'exported words' }],
      sharedMilestones: [{ milestone: '7 days', note: 'a week', congratulations: [{ note: 'well done' }] }],
      congratulationsGiven: [{ sharedMilestoneId: friendsShare.id, reaction: 'sending_love' }],
    });

    const deleted = await call(member, 'DELETE', '/api/me', { password: member.password });
    expect(deleted.statusCode).toBe(204);
    const userId = member.user.id;
    const db = t.ctx.db;
    expect(await countRows(recoveryCounters, userId)).toBe(0);
    expect(await countRows(checkIns, userId)).toBe(0);
    expect(await countRows(journalEntries, userId)).toBe(0);
    expect(await db.select().from(recoveryPlans).where(eq(recoveryPlans.userId, userId))).toEqual([]);
    expect(await db.select().from(recoveryCounterStreaks).where(eq(recoveryCounterStreaks.userId, userId))).toEqual([]);
    expect(await db.select().from(sharedMilestones).where(eq(sharedMilestones.userId, userId))).toEqual([]);
    expect(await db.select().from(milestoneCongratulations).where(eq(milestoneCongratulations.userId, userId))).toEqual(
      [],
    );
    const feedIds = (await call(friend, 'GET', '/api/milestones'))
      .json()
      .milestones.map((item: { id: string }) => item.id);
    expect(feedIds).not.toContain(shared.id);
  });
});
