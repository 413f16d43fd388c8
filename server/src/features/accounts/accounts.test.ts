import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../db/schema.ts';
import { endExpiredSessions } from './accounts.service.ts';
import { buildMember, TEST_PASSWORD, uniqueHandle } from '../../../test/factories.ts';
import { createTestApp, errorOf, sessionCookieFrom, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const json = { 'content-type': 'application/json' };
const signUp = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    headers: { ...json, ...headers },
    payload: JSON.stringify(body),
  });
const signIn = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { ...json, ...headers },
    payload: JSON.stringify(body),
  });
const me = (cookie?: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: cookie ? { cookie } : {} });

describe('sign-up', () => {
  it('creates a member, signs them in with an HttpOnly SameSite=Lax cookie and returns the member', async () => {
    const handle = uniqueHandle('newcomer');
    const response = await signUp({ handle, password: TEST_PASSWORD, email: 'Someone@Example.org' });
    expect(response.statusCode).toBe(201);
    expect(response.json().member).toMatchObject({ handle, email: 'someone@example.org', role: 'member' });
    const cookie = response.cookies.find((candidate) => candidate.name === 'kindred_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const current = await me(sessionCookieFrom(response));
    expect(current.statusCode).toBe(200);
    expect(current.json().member.handle).toBe(handle);
  });

  it('works without an email', async () => {
    const response = await signUp({ handle: uniqueHandle(), password: TEST_PASSWORD, email: '' });
    expect(response.statusCode).toBe(201);
    expect(response.json().member.email).toBeNull();
  });

  it('stores the password as an argon2id hash and the session token only as its SHA-256', async () => {
    const handle = uniqueHandle();
    const response = await signUp({ handle, password: TEST_PASSWORD });
    const token = sessionCookieFrom(response).split('=')[1]!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const [user] = await t.ctx.db.select().from(users).where(eq(users.handle, handle));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const stored = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user!.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it.each([
    ['too short', 'ab', 'at least 3'],
    ['too long', 'a'.repeat(31), 'at most 30'],
    ['with spaces', 'two words', 'letters, digits'],
    ['with symbols', 'hi!there', 'letters, digits'],
    ['reserved', 'admin', 'reserved'],
    ['reserved in another case', 'KinDred', 'reserved'],
    ['reserved: moderator', 'Moderator', 'reserved'],
  ])('refuses a handle %s', async (_case, handle, message) => {
    const response = await signUp({ handle, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.code).toBe('invalid_input');
    expect(error.details).toEqual({ issues: [{ path: 'handle', message: expect.stringContaining(message) }] });
  });

  it('refuses a handle taken in any letter case with 409 on the handle field', async () => {
    const { handle } = await buildMember(t.ctx);
    const response = await signUp({ handle: handle.toUpperCase(), password: TEST_PASSWORD });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response)).toMatchObject({ code: 'conflict', details: { issues: [{ path: 'handle' }] } });
  });

  it('refuses passwords under 10 characters, over 256, and the most common ones', async () => {
    for (const password of ['short', 'x'.repeat(257), 'password123', 'QWERTYUIOP', '1234567890']) {
      const response = await signUp({ handle: uniqueHandle(), password });
      expect(response.statusCode, password).toBe(400);
      expect(errorOf(response).details).toEqual({ issues: [{ path: 'password', message: expect.any(String) }] });
    }
  });

  it('accepts a 128-character password', async () => {
    const response = await signUp({ handle: uniqueHandle(), password: 'p'.repeat(64) + 'q'.repeat(64) });
    expect(response.statusCode).toBe(201);
  });

  it('refuses a malformed email and a body that is not JSON', async () => {
    expect((await signUp({ handle: uniqueHandle(), password: TEST_PASSWORD, email: 'not-an-email' })).statusCode).toBe(
      400,
    );
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: json,
      payload: '{"handle":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(errorOf(notJson).code).toBe('invalid_input');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(errorOf(wrongType).code).toBe('unsupported_media_type');
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the handle in any case and issues a new token each time', async () => {
    const member = await buildMember(t.ctx);
    const first = await signIn({ handle: member.handle.toUpperCase(), password: member.password });
    expect(first.statusCode).toBe(200);
    expect(first.json().member.handle).toBe(member.handle);
    const second = await signIn({ handle: member.handle, password: member.password });
    expect(sessionCookieFrom(first)).not.toBe(sessionCookieFrom(second));
    expect(sessionCookieFrom(first)).not.toBe(member.cookie);
  });

  it('ends the session the browser carried when it signs in again (rotation)', async () => {
    const member = await buildMember(t.ctx);
    const again = await signIn({ handle: member.handle, password: member.password }, { cookie: member.cookie });
    expect(again.statusCode).toBe(200);
    expect((await me(member.cookie)).statusCode).toBe(401);
    expect((await me(sessionCookieFrom(again))).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown handle with the same 401', async () => {
    const member = await buildMember(t.ctx);
    const wrongPassword = await signIn({ handle: member.handle, password: 'not the password at all' });
    const unknownHandle = await signIn({ handle: uniqueHandle('nobody'), password: 'not the password at all' });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownHandle.statusCode).toBe(401);
    expect(errorOf(wrongPassword)).toEqual(errorOf(unknownHandle));
    expect(wrongPassword.cookies).toHaveLength(0);
  });

  it('signs out: 204, and the old cookie gets 401 afterwards', async () => {
    const member = await buildMember(t.ctx);
    expect((await me(member.cookie)).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: member.cookie } });
    expect(out.statusCode).toBe(204);
    const after = await me(member.cookie);
    expect(after.statusCode).toBe(401);
    expect(errorOf(after).code).toBe('unauthenticated');
  });

  it('answers /api/me without a cookie, or with a made-up one, with 401 unauthenticated', async () => {
    expect(errorOf(await me()).code).toBe('unauthenticated');
    expect((await me('kindred_session=made-up-token')).statusCode).toBe(401);
  });

  it('marks the cookie Secure with the __Host- prefix when served over https', async () => {
    const https = await createTestApp({ env: { BASE_URL: 'https://kindred.example.org' }, database: t.database });
    try {
      const response = await https.app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        headers: json,
        payload: JSON.stringify({ handle: uniqueHandle(), password: TEST_PASSWORD }),
      });
      const cookie = response.cookies[0]!;
      expect(cookie.name).toBe('__Host-kindred_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await https.close();
    }
  });
});

describe('sessions', () => {
  it("lists the member's own sessions with the current one marked, never a token hash", async () => {
    const member = await buildMember(t.ctx);
    await signIn({ handle: member.handle, password: member.password }, { 'user-agent': 'Phone browser' });
    const response = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: member.cookie } });
    expect(response.statusCode).toBe(200);
    const list = response.json().sessions as Array<{ isCurrent: boolean; userAgent: string }>;
    expect(list).toHaveLength(2);
    expect(list.filter((session) => session.isCurrent)).toHaveLength(1);
    expect(list.map((session) => session.userAgent).sort()).toEqual(['Phone browser', 'vitest']);
    expect(response.body).not.toMatch(/tokenHash|token_hash/);
  });

  it('revokes another session, whose cookie then gets 401', async () => {
    const member = await buildMember(t.ctx);
    const other = await signIn({ handle: member.handle, password: member.password });
    const otherCookie = sessionCookieFrom(other);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: { cookie: member.cookie } })
    ).json();
    const otherSession = list.sessions.find((session: { isCurrent: boolean }) => !session.isCurrent);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${otherSession.id}`,
      headers: { cookie: member.cookie },
    });
    expect(revoke.statusCode).toBe(204);
    expect((await me(otherCookie)).statusCode).toBe(401);
    expect((await me(member.cookie)).statusCode).toBe(200);
  });

  it("will not revoke another member's session", async () => {
    const owner = await buildMember(t.ctx);
    const stranger = await buildMember(t.ctx);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${owner.session.id}`,
      headers: { cookie: stranger.cookie },
    });
    expect(response.statusCode).toBe(404);
    expect((await me(owner.cookie)).statusCode).toBe(200);
  });
});

describe('password change', () => {
  const changePassword = (cookie: string, body: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { ...json, cookie },
      payload: JSON.stringify(body),
    });

  it('asks for the current password', async () => {
    const member = await buildMember(t.ctx);
    const response = await changePassword(member.cookie, {
      currentPassword: 'wrong password here',
      newPassword: 'a brand new secret 77',
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details).toEqual({ issues: [{ path: 'currentPassword', message: expect.any(String) }] });
    expect((await signIn({ handle: member.handle, password: member.password })).statusCode).toBe(200);
  });

  it('changes it, keeps this session, ends the others, and the new password signs in', async () => {
    const member = await buildMember(t.ctx);
    const otherCookie = sessionCookieFrom(await signIn({ handle: member.handle, password: member.password }));
    const response = await changePassword(member.cookie, {
      currentPassword: member.password,
      newPassword: 'a brand new secret 77',
    });
    expect(response.statusCode).toBe(204);
    expect((await me(member.cookie)).statusCode).toBe(200);
    expect((await me(otherCookie)).statusCode).toBe(401);
    expect((await signIn({ handle: member.handle, password: member.password })).statusCode).toBe(401);
    expect((await signIn({ handle: member.handle, password: 'a brand new secret 77' })).statusCode).toBe(200);
  });

  it('refuses a common new password', async () => {
    const member = await buildMember(t.ctx);
    const response = await changePassword(member.cookie, {
      currentPassword: member.password,
      newPassword: 'iloveyou123',
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details).toEqual({ issues: [{ path: 'newPassword', message: expect.any(String) }] });
  });
});

describe('email', () => {
  it('sets and clears the optional email, visible only to its owner', async () => {
    const member = await buildMember(t.ctx);
    const put = (email: string | null) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/me/email',
        headers: { ...json, cookie: member.cookie },
        payload: JSON.stringify({ email }),
      });
    expect((await put('me@example.org')).json().member.email).toBe('me@example.org');
    expect((await put('')).json().member.email).toBeNull();
    expect((await put('nope')).statusCode).toBe(400);
  });
});

describe('export my data', () => {
  it('downloads the account, profile and sessions as a JSON attachment without secrets', async () => {
    const member = await buildMember(t.ctx, { email: 'private@example.org', profile: { bio: 'Walking every day.' } });
    const response = await t.app.inject({ method: 'GET', url: '/api/me/export', headers: { cookie: member.cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="kindred-.+\.json"$/);
    const data = response.json();
    expect(data.account).toMatchObject({ handle: member.handle, email: 'private@example.org' });
    expect(data.profile).toMatchObject({ handle: member.handle, bio: 'Walking every day.' });
    expect(data.sessions).toHaveLength(1);
    expect(response.body).not.toMatch(/argon2|passwordHash|tokenHash/);
    expect(response.body).not.toContain(member.token);
  });

  it('requires a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/export' })).statusCode).toBe(401);
  });
});

describe('delete my account', () => {
  const deleteAccount = (cookie: string, password: string) =>
    t.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: { ...json, cookie },
      payload: JSON.stringify({ password }),
    });

  it('asks for the password and keeps the account when it is wrong', async () => {
    const member = await buildMember(t.ctx);
    const response = await deleteAccount(member.cookie, 'not my password');
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details).toEqual({ issues: [{ path: 'password', message: expect.any(String) }] });
    expect((await me(member.cookie)).statusCode).toBe(200);
  });

  it('deletes the account: every session ends at once and the handle is free again', async () => {
    const member = await buildMember(t.ctx);
    const otherCookie = sessionCookieFrom(await signIn({ handle: member.handle, password: member.password }));
    const response = await deleteAccount(member.cookie, member.password);
    expect(response.statusCode).toBe(204);
    expect((await me(member.cookie)).statusCode).toBe(401);
    expect((await me(otherCookie)).statusCode).toBe(401);
    expect(await t.ctx.db.select().from(users).where(eq(users.id, member.user.id))).toHaveLength(0);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, member.user.id))).toHaveLength(0);
    expect((await signIn({ handle: member.handle, password: member.password })).statusCode).toBe(401);
    expect((await signUp({ handle: member.handle, password: TEST_PASSWORD })).statusCode).toBe(201);
  });
});

describe('housekeeping', () => {
  it('removes expired sessions and keeps live ones', async () => {
    const member = await buildMember(t.ctx);
    const expired = await buildMember(t.ctx);
    await t.ctx.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, expired.user.id));
    expect((await me(expired.cookie)).statusCode).toBe(401);
    expect(await endExpiredSessions(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, expired.user.id))).toHaveLength(0);
    expect((await me(member.cookie)).statusCode).toBe(200);
  });
});
