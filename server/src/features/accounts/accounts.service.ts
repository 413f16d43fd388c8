import type { ChangePasswordInput, MemberRole, SignInInput } from '@kindred/common/accounts';
import type { Database } from '../../db/client.ts';
import { listAuditEventsAbout, recordAuditEvent } from '../../platform/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { hashPassword, isCommonPassword, verifyAgainstDecoy, verifyPassword } from '../../platform/passwords.ts';
import { createProfile, exportProfile } from '../profiles/profiles.service.ts';
import { exportMeetingData } from '../meetings/meetings.service.ts';
import { exportCommunityData } from '../community/community.service.ts';
import { exportRecoveryData } from '../recovery/recovery.service.ts';
import { presentMe, presentSession } from './accounts.presenters.ts';
import {
  deleteOtherSessionsOfUser,
  deleteSessionByTokenHash,
  deleteSessionOfUser,
  countUsers,
  deleteExpiredSessions,
  deleteUser,
  findUserByHandle,
  insertUser,
  listLiveSessionsOfUser,
  updateUserEmail,
  updateUserHandle,
  updateUserPassword,
  updateUserRole,
  type SessionRow,
  type UserRow,
  findHandlesByIds as findHandlesByIdsQuery,
  findMemberCardsByIds as findMemberCardsByIdsQuery,
  updateUserSuspension,
  deleteAllSessionsOfUser,
  type MemberCard,
} from './accounts.queries.ts';
import { createSession, hashSessionToken, type Auth } from './accounts.sessions.ts';

type SignUpValues = { handle: string; password: string; email?: string | undefined; timeZone?: string | undefined };
type NewSession = { user: UserRow; token: string; session: SessionRow };

function assertPasswordNotCommon(password: string, field: string): void {
  if (isCommonPassword(password)) {
    throw invalidField(
      field,
      'That password is one of the most used passwords. Please choose one that is harder to guess.',
    );
  }
}

const handleTaken = () =>
  new AppError('conflict', 'That handle is taken. Please choose another.', {
    issues: [{ path: 'handle', message: 'That handle is taken. Please choose another.' }],
  });

/** Creates a member with a profile and signs them in. */
export async function signUp(ctx: ServiceContext, input: SignUpValues, userAgent: string | null): Promise<NewSession> {
  assertPasswordNotCommon(input.password, 'password');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const user = await insertUser(tx, { handle: input.handle, email: input.email ?? null, passwordHash });
    if (!user) throw handleTaken();
    await createProfile(ctx, user.id, { timeZone: input.timeZone }, tx);
    const { token, session } = await createSession(ctx, user.id, userAgent, tx);
    return { user, token, session };
  });
}

/** Checks the handle and password and starts a fresh session (a new token at every sign-in). */
export async function signIn(ctx: ServiceContext, input: SignInInput, userAgent: string | null): Promise<NewSession> {
  const user = await findUserByHandle(ctx.db, input.handle.trim());
  const isValid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDecoy(input.password);
  if (!user || !isValid) {
    throw new AppError('unauthenticated', 'That handle and password do not match. Please try again.');
  }
  // Told only after the password matched, so a suspension is no hint to someone guessing.
  if (user.suspendedUntil && user.suspendedUntil > new Date()) {
    throw new AppError(
      'forbidden',
      `Your account is suspended by the moderators until ${user.suspendedUntil.toISOString().slice(0, 16).replace('T', ' ')} UTC. ` +
        'If you are struggling, the help page lists people you can call at any hour.',
      { suspendedUntil: user.suspendedUntil.toISOString() },
    );
  }
  const { token, session } = await createSession(ctx, user.id, userAgent);
  return { user, token, session };
}

/** Ends the session that carries this token. */
export async function signOut(ctx: ServiceContext, token: string): Promise<void> {
  await deleteSessionByTokenHash(ctx.db, hashSessionToken(token));
}

/** The member's live sessions, the current one marked. */
export async function listOwnSessions(ctx: ServiceContext, auth: Auth) {
  const sessions = await listLiveSessionsOfUser(ctx.db, auth.user.id);
  return sessions.map((session) => presentSession(session, auth.session.id));
}

/** Ends one of the member's own sessions (another device, or this one). */
export async function revokeOwnSession(ctx: ServiceContext, auth: Auth, sessionId: string): Promise<void> {
  const existed = await deleteSessionOfUser(ctx.db, auth.user.id, sessionId);
  if (!existed) throw notFound('That session has already ended.');
}

/** Changes the password after checking the current one; every other session ends. */
export async function changePassword(ctx: ServiceContext, auth: Auth, input: ChangePasswordInput): Promise<void> {
  const { user } = auth;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalidField('currentPassword', 'Your current password is not right.');
  }
  assertPasswordNotCommon(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUserPassword(tx, user.id, passwordHash);
    await deleteOtherSessionsOfUser(tx, user.id, auth.session.id);
    await recordAuditEvent(tx, { action: 'account.password_changed', actorId: user.id, subjectId: user.id });
  });
}

/** Sets or clears the member's optional email. */
export async function changeEmail(ctx: ServiceContext, auth: Auth, email: string | null): Promise<UserRow> {
  return updateUserEmail(ctx.db, auth.user.id, email);
}

/** Deletes the account and everything that is the member's; the handle is free again at once. */
export async function deleteAccount(ctx: ServiceContext, auth: Auth, password: string): Promise<void> {
  const { user } = auth;
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw invalidField('password', 'That password is not right.');
  }
  await ctx.db.transaction(async (tx) => {
    await recordAuditEvent(tx, {
      action: 'account.deleted',
      actorId: null,
      subjectId: null,
      details: { role: user.role },
    });
    await deleteUser(tx, user.id);
  });
}

/** Everything Kindred holds about the member, as one JSON document they can download. */
export async function exportMemberData(ctx: ServiceContext, auth: Auth) {
  const { user } = auth;
  return {
    exportedAt: new Date().toISOString(),
    format: 'kindred-member-export/1',
    account: presentMe(user),
    profile: await exportProfile(ctx, user.id),
    recovery: await exportRecoveryData(ctx, auth),
    meetings: await exportMeetingData(ctx, auth),
    community: await exportCommunityData(ctx, auth),
    sessions: await listOwnSessions(ctx, auth),
    accessLog: await listAuditEventsAbout(ctx.db, user.id),
  };
}

/** Makes an existing member an admin (operator command). */
export async function makeAdmin(ctx: ServiceContext, handle: string): Promise<UserRow> {
  const user = await findUserByHandle(ctx.db, handle);
  if (!user) throw notFound(`No member has the handle "${handle}".`);
  await ctx.db.transaction(async (tx) => {
    await updateUserRole(tx, user.id, 'admin');
    await recordAuditEvent(tx, { action: 'member.made_admin', actorId: null, subjectId: user.id });
  });
  return { ...user, role: 'admin' };
}

/** Sets a member's role (operator command): member, meeting-editor or admin. */
export async function setMemberRole(ctx: ServiceContext, handle: string, role: MemberRole): Promise<UserRow> {
  const user = await findUserByHandle(ctx.db, handle);
  if (!user) throw notFound(`No member has the handle "${handle}".`);
  await ctx.db.transaction(async (tx) => {
    await updateUserRole(tx, user.id, role);
    await recordAuditEvent(tx, {
      action: 'member.role_changed',
      actorId: null,
      subjectId: user.id,
      details: { from: user.role, to: role },
    });
  });
  return { ...user, role };
}

/** The member with this handle (any case), or null. */
export async function findMemberByHandle(ctx: ServiceContext, handle: string): Promise<UserRow | null> {
  return findUserByHandle(ctx.db, handle);
}

/** Gives the member a new handle; 409 conflict when someone else has it. */
export async function changeHandle(
  ctx: ServiceContext,
  userId: string,
  handle: string,
  db: Database = ctx.db,
): Promise<void> {
  if (!(await updateUserHandle(db, userId, handle))) throw handleTaken();
}

/** How many members there are. */
export async function countMembers(ctx: ServiceContext): Promise<number> {
  return countUsers(ctx.db);
}

/** Removes sessions past their expiry (housekeeping; safe to run on every instance). */
export async function endExpiredSessions(ctx: ServiceContext): Promise<number> {
  return deleteExpiredSessions(ctx.db);
}

/** Handles by user id, for areas that show who wrote or shared something. */
export async function findHandlesByIds(ctx: ServiceContext, userIds: readonly string[]): Promise<Map<string, string>> {
  return findHandlesByIdsQuery(ctx.db, userIds);
}

export type { MemberCard };

/** Handle, role and joining time of these members, by id: what other areas show about an author. */
export async function findMemberCardsByIds(
  ctx: ServiceContext,
  userIds: readonly string[],
): Promise<Map<string, MemberCard>> {
  return findMemberCardsByIdsQuery(ctx.db, userIds);
}

/**
 * Suspends a member until the given time and ends every session they have in the same transaction,
 * so every device is signed out at once. The caller (moderation) records why.
 */
export async function suspendMemberAccount(
  ctx: ServiceContext,
  userId: string,
  until: Date,
  db: Database = ctx.db,
): Promise<void> {
  await updateUserSuspension(db, userId, until);
  await deleteAllSessionsOfUser(db, userId);
}

/** Lifts a suspension early. */
export async function liftMemberSuspension(ctx: ServiceContext, userId: string, db: Database = ctx.db): Promise<void> {
  await updateUserSuspension(db, userId, null);
}
