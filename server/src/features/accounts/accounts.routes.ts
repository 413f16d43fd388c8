import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changeEmailInputSchema,
  changePasswordInputSchema,
  deleteAccountInputSchema,
  meResponseSchema,
  sessionIdParamsSchema,
  sessionListSchema,
  signInInputSchema,
  signUpInputSchema,
} from '@kindred/common/accounts';
import { z } from 'zod';
import type { ServiceContext } from '../../platform/context.ts';
import { noContent, withErrors } from '../../platform/http.ts';
import { rateLimitBy } from '../../platform/rate-limits.ts';
import { presentMe } from './accounts.presenters.ts';
import {
  changeEmail,
  changePassword,
  deleteAccount,
  exportMemberData,
  listOwnSessions,
  revokeOwnSession,
  signIn,
  signOut,
  signUp,
} from './accounts.service.ts';
import { clearSessionCookie, readSessionToken, requireAuth, setSessionCookie } from './accounts.sessions.ts';

export function accountsRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const { perIp, perHandle, windowSeconds } = ctx.config.authRateLimit;
    const handleOf = (request: { body?: unknown }) => {
      const handle = (request.body as { handle?: unknown } | undefined)?.handle;
      return typeof handle === 'string' ? handle.trim().toLowerCase().slice(0, 64) : null;
    };
    const authRateLimits = (action: string) => ({
      onRequest: rateLimitBy(
        { name: `${action}-ip`, max: perIp, windowSeconds, key: (request) => request.ip },
        ctx.redis,
      ),
      preHandler: rateLimitBy({ name: `${action}-handle`, max: perHandle, windowSeconds, key: handleOf }, ctx.redis),
    });
    const userAgentOf = (request: { headers: Record<string, unknown> }) => {
      const userAgent = request.headers['user-agent'];
      return typeof userAgent === 'string' ? userAgent : null;
    };

    app.post(
      '/api/auth/sign-up',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Create an account with a handle and password, and sign in',
          body: signUpInputSchema,
          response: withErrors({ 201: meResponseSchema }),
        },
        ...authRateLimits('sign-up'),
      },
      async (request, reply) => {
        const { user, token, session } = await signUp(ctx, request.body, userAgentOf(request));
        setSessionCookie(reply, ctx.config, token, session.expiresAt);
        return reply.status(201).send({ member: presentMe(user) });
      },
    );

    app.post(
      '/api/auth/sign-in',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Sign in with a handle and password (a new session each time)',
          body: signInInputSchema,
          response: withErrors({ 200: meResponseSchema }),
        },
        ...authRateLimits('sign-in'),
      },
      async (request, reply) => {
        const { user, token, session } = await signIn(ctx, request.body, userAgentOf(request));
        // A session this browser carried before signing in ends: one browser, one live token.
        const previousToken = readSessionToken(request, ctx.config);
        if (previousToken) await signOut(ctx, previousToken);
        setSessionCookie(reply, ctx.config, token, session.expiresAt);
        return { member: presentMe(user) };
      },
    );

    app.post(
      '/api/auth/sign-out',
      { schema: { tags: ['accounts'], summary: 'End the current session', response: withErrors({ 204: noContent }) } },
      async (request, reply) => {
        const token = readSessionToken(request, ctx.config);
        if (token) await signOut(ctx, token);
        clearSessionCookie(reply, ctx.config);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/me',
      {
        schema: {
          tags: ['accounts'],
          summary: 'The signed-in member',
          response: withErrors({ 200: meResponseSchema }),
        },
      },
      async (request) => {
        const auth = await requireAuth(ctx, request);
        return { member: presentMe(auth.user) };
      },
    );

    app.put(
      '/api/me/email',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Set or remove the optional email (never shown to others)',
          body: changeEmailInputSchema,
          response: withErrors({ 200: meResponseSchema }),
        },
      },
      async (request) => {
        const auth = await requireAuth(ctx, request);
        return { member: presentMe(await changeEmail(ctx, auth, request.body.email ?? null)) };
      },
    );

    app.get(
      '/api/me/sessions',
      {
        schema: {
          tags: ['accounts'],
          summary: "The member's signed-in sessions",
          response: withErrors({ 200: sessionListSchema }),
        },
      },
      async (request) => {
        const auth = await requireAuth(ctx, request);
        return { sessions: await listOwnSessions(ctx, auth) };
      },
    );

    app.delete(
      '/api/me/sessions/:sessionId',
      {
        schema: {
          tags: ['accounts'],
          summary: "End one of the member's sessions",
          params: sessionIdParamsSchema,
          response: withErrors({ 204: noContent }),
        },
      },
      async (request, reply) => {
        const auth = await requireAuth(ctx, request);
        await revokeOwnSession(ctx, auth, request.params.sessionId);
        if (request.params.sessionId === auth.session.id) clearSessionCookie(reply, ctx.config);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/me/password',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Change the password (asks for the current one); other sessions end',
          body: changePasswordInputSchema,
          response: withErrors({ 204: noContent }),
        },
        onRequest: rateLimitBy(
          { name: 'password-ip', max: perIp, windowSeconds, key: (request) => request.ip },
          ctx.redis,
        ),
      },
      async (request, reply) => {
        const auth = await requireAuth(ctx, request);
        await changePassword(ctx, auth, request.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/me/export',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Download everything Kindred holds about the member, as JSON',
          response: withErrors({ 200: z.record(z.string(), z.unknown()) }),
        },
      },
      async (request, reply) => {
        const auth = await requireAuth(ctx, request);
        const data = await exportMemberData(ctx, auth);
        const day = data.exportedAt.slice(0, 10);
        reply.header('content-disposition', `attachment; filename="kindred-${auth.user.handle}-${day}.json"`);
        reply.header('cache-control', 'no-store');
        return data;
      },
    );

    app.delete(
      '/api/me',
      {
        schema: {
          tags: ['accounts'],
          summary: 'Delete the account and all its data (asks for the password)',
          body: deleteAccountInputSchema,
          response: withErrors({ 204: noContent }),
        },
        onRequest: rateLimitBy(
          { name: 'delete-ip', max: perIp, windowSeconds, key: (request) => request.ip },
          ctx.redis,
        ),
      },
      async (request, reply) => {
        const auth = await requireAuth(ctx, request);
        await deleteAccount(ctx, auth, request.body.password);
        clearSessionCookie(reply, ctx.config);
        return reply.status(204).send(null);
      },
    );
  };
}
