import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema.ts';
import { buildMember, TEST_PASSWORD, uniqueHandle } from '../../../test/factories.ts';
import { createTestApp, errorOf, sessionCookieFrom, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const json = { 'content-type': 'application/json' };
const patchProfile = (cookie: string, body: unknown) =>
  t.app.inject({
    method: 'PATCH',
    url: '/api/me/profile',
    headers: { ...json, cookie },
    payload: JSON.stringify(body),
  });
const viewProfile = (cookie: string | undefined, handle: string) =>
  t.app.inject({ method: 'GET', url: `/api/profiles/${handle}`, headers: cookie ? { cookie } : {} });

describe('own profile', () => {
  it('starts private and empty, in the time zone the browser sent at sign-up', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: json,
      payload: JSON.stringify({ handle: uniqueHandle(), password: TEST_PASSWORD, timeZone: 'America/Chicago' }),
    });
    const profile = (
      await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: { cookie: sessionCookieFrom(response) } })
    ).json().profile;
    expect(profile).toMatchObject({
      displayName: null,
      bio: null,
      recoveryPathways: [],
      recoveringFrom: null,
      recoveringFromVisibility: 'private',
      languages: [],
      timeZone: 'America/Chicago',
      profileVisibility: 'members',
    });
  });

  it('falls back to UTC when the browser sent an unknown time zone', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: json,
      payload: JSON.stringify({ handle: uniqueHandle(), password: TEST_PASSWORD, timeZone: 'Mars/Olympus_Mons' }),
    });
    expect(response.statusCode).toBe(201);
    const profile = (
      await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: { cookie: sessionCookieFrom(response) } })
    ).json().profile;
    expect(profile.timeZone).toBe('UTC');
  });

  it('saves every field, trims text and turns empty text into "not set"', async () => {
    const member = await buildMember(t.ctx);
    const newHandle = uniqueHandle('renamed');
    const response = await patchProfile(member.cookie, {
      handle: newHandle,
      displayName: '  Jo  ',
      pronouns: 'they/them',
      bio: 'One day at a time.',
      recoveryPathways: ['smart_recovery', 'harm_reduction', 'smart_recovery'],
      recoveringFrom: 'Alcohol',
      recoveringFromVisibility: 'members',
      languages: ['en', 'es'],
      timeZone: 'Europe/Berlin',
      profileVisibility: 'nobody',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().profile).toMatchObject({
      handle: newHandle,
      displayName: 'Jo',
      recoveryPathways: ['smart_recovery', 'harm_reduction'],
      languages: ['en', 'es'],
      timeZone: 'Europe/Berlin',
      profileVisibility: 'nobody',
    });
    const cleared = await patchProfile(member.cookie, { displayName: '', bio: '   ' });
    expect(cleared.json().profile).toMatchObject({ displayName: null, bio: null, pronouns: 'they/them' });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: member.cookie } });
    expect(me.json().member.handle).toBe(newHandle);
  });

  it.each([
    ['an unknown field', { favouriteColour: 'blue' }, ''],
    ['an unknown pathway', { recoveryPathways: ['astrology'] }, 'recoveryPathways.0'],
    ['an unknown language', { languages: ['xx'] }, 'languages.0'],
    ['an unknown time zone', { timeZone: 'Nowhere/Land' }, 'timeZone'],
    ['a bio over 500 characters', { bio: 'b'.repeat(501) }, 'bio'],
    ['a reserved handle', { handle: 'support' }, 'handle'],
    ['an unknown visibility', { profileVisibility: 'everyone' }, 'profileVisibility'],
  ])('refuses %s with 400 and changes nothing', async (_case, body, path) => {
    const member = await buildMember(t.ctx, { profile: { bio: 'unchanged' } });
    const response = await patchProfile(member.cookie, { ...body, displayName: 'Should not be saved' });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('invalid_input');
    expect((error.details as { issues: Array<{ path: string }> }).issues.map((issue) => issue.path)).toContain(path);
    const profile = (
      await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: { cookie: member.cookie } })
    ).json().profile;
    expect(profile).toMatchObject({ bio: 'unchanged', displayName: null });
  });

  it('refuses a handle another member has (any case) with 409, saving nothing of the request', async () => {
    const taken = await buildMember(t.ctx);
    const member = await buildMember(t.ctx);
    const response = await patchProfile(member.cookie, { handle: taken.handle.toUpperCase(), bio: 'not saved' });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).details).toEqual({ issues: [{ path: 'handle', message: expect.any(String) }] });
    const profile = (
      await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: { cookie: member.cookie } })
    ).json().profile;
    expect(profile).toMatchObject({ handle: member.handle, bio: null });
  });

  it('lets a member change the letter case of their own handle', async () => {
    const member = await buildMember(t.ctx);
    const response = await patchProfile(member.cookie, { handle: member.handle.toUpperCase() });
    expect(response.statusCode).toBe(200);
    expect(response.json().profile.handle).toBe(member.handle.toUpperCase());
  });

  it('requires a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/profile' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: json, payload: '{}' })).statusCode,
    ).toBe(401);
  });
});

describe("another member's profile", () => {
  it('shows what members may see, never email, time zone or settings', async () => {
    const owner = await buildMember(t.ctx, {
      email: 'owner@example.org',
      profile: { displayName: 'Ana', bio: 'Hello', recoveringFrom: 'Alcohol', timeZone: 'Asia/Tokyo' },
    });
    const viewer = await buildMember(t.ctx);
    const response = await viewProfile(viewer.cookie, owner.handle.toUpperCase());
    expect(response.statusCode).toBe(200);
    expect(response.json().profile).toEqual({
      handle: owner.handle,
      displayName: 'Ana',
      pronouns: null,
      bio: 'Hello',
      recoveryPathways: [],
      recoveringFrom: null,
      languages: [],
      memberSince: expect.any(String),
    });
    expect(response.body).not.toMatch(/owner@example\.org|Asia\/Tokyo|Alcohol/);
  });

  it('shows what they recover from only when they share it with members, and audits each such view', async () => {
    const owner = await buildMember(t.ctx, {
      profile: { recoveringFrom: 'Opioids', recoveringFromVisibility: 'members' },
    });
    const viewer = await buildMember(t.ctx);
    const response = await viewProfile(viewer.cookie, owner.handle);
    expect(response.json().profile.recoveringFrom).toBe('Opioids');
    const audited = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, owner.user.id), eq(auditEvents.actorId, viewer.user.id)));
    expect(audited.map((event) => event.action)).toEqual(['profile.recovering_from_viewed']);

    await patchProfile(owner.cookie, { recoveringFromVisibility: 'private' });
    expect((await viewProfile(viewer.cookie, owner.handle)).json().profile.recoveringFrom).toBeNull();
  });

  it('answers 404 for a profile its owner hides, as for one that does not exist', async () => {
    const owner = await buildMember(t.ctx, { profile: { profileVisibility: 'nobody' } });
    const viewer = await buildMember(t.ctx);
    const hidden = await viewProfile(viewer.cookie, owner.handle);
    const missing = await viewProfile(viewer.cookie, uniqueHandle('ghost'));
    expect(hidden.statusCode).toBe(404);
    expect(errorOf(hidden)).toEqual(errorOf(missing));
    expect((await viewProfile(owner.cookie, owner.handle)).statusCode).toBe(200);
  });

  it('is for signed-in members only', async () => {
    const owner = await buildMember(t.ctx);
    expect((await viewProfile(undefined, owner.handle)).statusCode).toBe(401);
  });

  it("lists the audited views in the owner's data export", async () => {
    const owner = await buildMember(t.ctx, {
      profile: { recoveringFrom: 'Gambling', recoveringFromVisibility: 'members' },
    });
    const viewer = await buildMember(t.ctx);
    await viewProfile(viewer.cookie, owner.handle);
    const data = (
      await t.app.inject({ method: 'GET', url: '/api/me/export', headers: { cookie: owner.cookie } })
    ).json();
    expect(data.accessLog).toEqual([{ action: 'profile.recovering_from_viewed', at: expect.any(String), details: {} }]);
  });
});
