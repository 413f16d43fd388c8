/**
 * Sign-in sessions: a random 256-bit token in an HttpOnly cookie, stored only as its
 * SHA-256 hash, so a leaked database cannot be replayed as cookies.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parse as parseCookie, serialize as serializeCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { MemberRole } from '@kindred/common/accounts';
import { forbidden, unauthenticated } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/context.ts';
import {
  findLiveSessionByTokenHash,
  insertSession,
  touchSession,
  type SessionRow,
  type UserRow,
} from './accounts.queries.ts';

export type Auth = { user: UserRow; session: SessionRow };

// Refresh last-seen at most this often, not on every request. A session lives SESSION_DAYS from sign-in.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export function sessionCookieName(config: Config): string {
  // The __Host- prefix pins the cookie to this origin over https.
  return config.isHttps ? '__Host-kindred_session' : 'kindred_session';
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sessionExpiry(config: Config): Date {
  return new Date(Date.now() + config.sessionDays * 24 * 60 * 60 * 1000);
}

/** Starts a new session for the user and returns its token (for the cookie) and row. */
export async function createSession(
  ctx: ServiceContext,
  userId: string,
  userAgent: string | null,
  db: Database = ctx.db,
): Promise<{ token: string; session: SessionRow }> {
  const token = randomBytes(32).toString('base64url');
  const session = await insertSession(db, {
    userId,
    tokenHash: hashSessionToken(token),
    userAgent: userAgent ? userAgent.slice(0, 300) : null,
    expiresAt: sessionExpiry(ctx.config),
  });
  return { token, session };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: Date): void {
  reply.header('set-cookie', serializeSessionCookie(config, token, expiresAt));
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.header('set-cookie', serializeSessionCookie(config, '', new Date(0)));
}

function serializeSessionCookie(config: Config, value: string, expires: Date): string {
  return serializeCookie(sessionCookieName(config), value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.isHttps,
    expires,
  });
}

export function readSessionToken(request: FastifyRequest, config: Config): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const token = parseCookie(header)[sessionCookieName(config)];
  return token && token.length <= 100 ? token : undefined;
}

/** Refuses a member whose role is not one of these (403 forbidden). */
export function requireRole(auth: Auth, roles: readonly MemberRole[]): void {
  if (!roles.includes(auth.user.role)) throw forbidden('This is for the people who run this site.');
}

/** The signed-in member of this request, or null (for pages that anyone may see). */
export async function findAuth(ctx: ServiceContext, request: FastifyRequest): Promise<Auth | null> {
  return lookUpAuth(ctx, readSessionToken(request, ctx.config));
}

/** The signed-in member of this request; throws 401 unauthenticated without one. */
export async function requireAuth(ctx: ServiceContext, request: FastifyRequest): Promise<Auth> {
  const auth = await lookUpAuth(ctx, readSessionToken(request, ctx.config));
  if (!auth) throw unauthenticated();
  return auth;
}

async function lookUpAuth(ctx: ServiceContext, token: string | undefined): Promise<Auth | null> {
  if (!token) return null;
  const found = await findLiveSessionByTokenHash(ctx.db, hashSessionToken(token));
  if (!found) return null;
  if (Date.now() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(ctx.db, found.session.id);
    found.session = { ...found.session, lastSeenAt: new Date() };
  }
  return found;
}
