import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, TEST_PASSWORD, uniqueHandle } from './factories.ts';
import { buildApp } from '../src/app.ts';
import { createTestApp, errorOf, testConfig, type TestApp } from './test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const json = { 'content-type': 'application/json' };

describe('health', () => {
  it('answers liveness and readiness', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  });

  it('is not ready, with 503 unavailable, when the database does not answer', async () => {
    const broken = await createTestApp();
    await broken.database.close();
    const ready = await broken.app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(errorOf(ready).code).toBe('unavailable');
    expect((await broken.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await broken.app.close();
  });
});

describe('security headers', () => {
  it('sends a CSP without inline scripts, nosniff and frame-ancestors none on pages and API answers', async () => {
    for (const url of ['/api/health', '/help', '/api/me']) {
      const response = await t.app.inject({ method: 'GET', url });
      const csp = response.headers['content-security-policy'] as string;
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toContain('unsafe-inline');
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });
});

describe('origin check', () => {
  const signUpFrom = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: { ...json, ...headers },
      payload: JSON.stringify({ handle: uniqueHandle(), password: TEST_PASSWORD }),
    });

  it('refuses state-changing requests from another origin with 403 forbidden', async () => {
    const response = await signUpFrom({ origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe('forbidden');
    expect((await signUpFrom({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
  });

  it('refuses a cross-origin sign-out and profile change for a signed-in member', async () => {
    const member = await buildMember(t.ctx);
    const signOut = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: member.cookie, origin: 'https://evil.example' },
    });
    expect(signOut.statusCode).toBe(403);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: member.cookie } });
    expect(me.statusCode).toBe(200);
    const profileChange = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: { ...json, cookie: member.cookie, origin: 'https://evil.example' },
      payload: JSON.stringify({ bio: 'written by another site' }),
    });
    expect(profileChange.statusCode).toBe(403);
    const profile = await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: { cookie: member.cookie } });
    expect(profile.json().profile.bio).toBeNull();
  });

  it('accepts its own origin (BASE_URL or the Host it was sent to) and clients that send none', async () => {
    expect((await signUpFrom({ origin: 'http://localhost:3000' })).statusCode).toBe(201);
    expect((await signUpFrom({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' })).statusCode).toBe(201);
    expect((await signUpFrom({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    expect((await signUpFrom({})).statusCode).toBe(201);
  });
});

describe('errors', () => {
  it('answers an unknown API address with 404 not_found in the one error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(errorOf(response).code).toBe('not_found');
  });

  it('refuses an oversized body with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: json,
      payload: JSON.stringify({ handle: 'x', password: 'y'.repeat(300_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).code).toBe('payload_too_large');
  });

  it('answers an unexpected failure with 500 internal and no internals', async () => {
    const app = await buildApp({ config: testConfig(), database: t.database, logger: false });
    app.get('/api/test-explodes', async () => {
      throw new Error('secret stack detail: relation "users" does not exist');
    });
    const response = await app.inject({ method: 'GET', url: '/api/test-explodes' });
    expect(response.statusCode).toBe(500);
    const error = errorOf(response);
    expect(error.code).toBe('internal');
    expect(response.body).not.toContain('secret stack detail');
    await app.close();
  });
});

describe('API documentation', () => {
  it('describes every API route in /api/openapi.json, from the same zod schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(document.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const expected = [
      'GET /api/health',
      'GET /api/ready',
      'GET /api/help',
      'POST /api/auth/sign-up',
      'POST /api/auth/sign-in',
      'POST /api/auth/sign-out',
      'GET /api/me',
      'DELETE /api/me',
      'PUT /api/me/email',
      'GET /api/me/sessions',
      'DELETE /api/me/sessions/{sessionId}',
      'POST /api/me/password',
      'GET /api/me/export',
      'GET /api/me/profile',
      'PATCH /api/me/profile',
      'GET /api/profiles/{handle}',
    ];
    for (const route of expected) expect(documented, route).toContain(route);
    const signUp = document.paths['/api/auth/sign-up']!.post as {
      requestBody: { content: Record<string, { schema: { properties: object } }> };
    };
    expect(Object.keys(signUp.requestBody.content['application/json']!.schema.properties)).toEqual(
      expect.arrayContaining(['handle', 'password', 'email']),
    );
  });

  it('renders the document at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});

describe('/help', () => {
  it('is plain HTML without any script, with every crisis line and the peer-support notice', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/help' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const html = response.body;
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('href="tel:988"');
    expect(html).toContain('href="sms:988"');
    expect(html).toContain('1-800-662-4357');
    expect(html).toContain('1-800-487-4889');
    expect(html).toContain('href="tel:911"');
    expect(html).toContain('https://findtreatment.gov');
    expect(html).toContain('not a substitute for professional treatment');
  });

  it('shows a signed-in member the people from their recovery plan and a link to the plan, never cached', async () => {
    const member = await buildMember(t.ctx);
    await t.app.inject({
      method: 'PUT',
      url: '/api/recovery/plan',
      headers: { ...json, cookie: member.cookie },
      payload: JSON.stringify({
        triggers: [],
        warningSigns: [],
        copingStrategies: [],
        ownCopingStrategies: [],
        reasons: [],
        peopleToCall: [{ name: 'Sam <b>', phone: '+1 (555) 010-2030', note: 'my sponsor' }, { name: 'Ana' }],
        safePlaces: [],
        professionalContacts: [],
      }),
    });
    const personal = await t.app.inject({ method: 'GET', url: '/help', headers: { cookie: member.cookie } });
    expect(personal.headers['cache-control']).toBe('private, no-store');
    expect(personal.body).toContain('href="tel:+15550102030"');
    expect(personal.body).toContain('Call Sam &#60;b&#62;: +1 (555) 010-2030');
    expect(personal.body).toContain('href="/recovery/plan"');
    expect(personal.body).not.toMatch(/<script/i);
    const anonymous = await t.app.inject({ method: 'GET', url: '/help' });
    expect(anonymous.headers['cache-control']).toContain('public');
    expect(anonymous.body).not.toContain('Sam');
    expect(anonymous.body).not.toContain('/recovery/plan');
  });

  it("uses the deployment's own emergency number", async () => {
    const uk = await createTestApp({ env: { EMERGENCY_NUMBER: '999' }, database: t.database });
    const html = (await uk.app.inject({ method: 'GET', url: '/help' })).body;
    expect(html).toContain('href="tel:999"');
    expect(html).not.toContain('tel:911');
    await uk.close();
  });
});
