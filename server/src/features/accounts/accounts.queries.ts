import { and, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { MemberRole } from '@kindred/common/accounts';
import type { Database } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { sessions, users } from './accounts.tables.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

/** The user with this handle, compared without regard to case. */
export async function findUserByHandle(db: Database, handle: string): Promise<UserRow | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.handle}) = ${handle.toLowerCase()}`)
    .limit(1);
  return user ?? null;
}

/** Inserts a user; returns null when the handle is taken (the unique index decides, not a read). */
export async function insertUser(
  db: Database,
  values: { handle: string; email: string | null; passwordHash: string; role?: MemberRole },
): Promise<UserRow | null> {
  const [user] = await db.insert(users).values(values).onConflictDoNothing().returning();
  return user ?? null;
}

export async function updateUserPassword(db: Database, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId));
}

export async function updateUserEmail(db: Database, userId: string, email: string | null): Promise<UserRow> {
  const [user] = await db.update(users).set({ email }).where(eq(users.id, userId)).returning();
  return user!;
}

/** Changes the handle; returns false when another member has it (the unique index decides). */
export async function updateUserHandle(db: Database, userId: string, handle: string): Promise<boolean> {
  try {
    await db.update(users).set({ handle }).where(eq(users.id, userId));
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function updateUserRole(db: Database, userId: string, role: MemberRole): Promise<void> {
  await db.update(users).set({ role }).where(eq(users.id, userId));
}

/** Deletes the user; sessions and profile go with it (ON DELETE CASCADE). */
export async function deleteUser(db: Database, userId: string): Promise<void> {
  await db.delete(users).where(eq(users.id, userId));
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}

export async function insertSession(
  db: Database,
  values: { userId: string; tokenHash: string; userAgent: string | null; expiresAt: Date },
): Promise<SessionRow> {
  const [session] = await db.insert(sessions).values(values).returning();
  return session!;
}

// Every signed-in request runs this lookup: a named prepared statement skips PostgreSQL's
// planning (most of its cost here) and Drizzle's query building. One per database handle.
const preparedLiveSessionLookups = new WeakMap<Database, ReturnType<typeof prepareLiveSessionLookup>>();

function prepareLiveSessionLookup(db: Database) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql`now()`)))
    .limit(1)
    .prepare('find_live_session_by_token_hash');
}

/** The live session with this token hash and its user, or null when unknown or expired. */
export async function findLiveSessionByTokenHash(
  db: Database,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow } | null> {
  let lookup = preparedLiveSessionLookups.get(db);
  if (!lookup) {
    lookup = prepareLiveSessionLookup(db);
    preparedLiveSessionLookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ tokenHash });
  return row ?? null;
}

export async function touchSession(db: Database, sessionId: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, sessionId));
}

/** A member's live sessions, most recently used first. */
export async function listLiveSessionsOfUser(db: Database, userId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Deletes one session of this user; returns whether it existed. */
export async function deleteSessionOfUser(db: Database, userId: string, sessionId: string): Promise<boolean> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return deleted.length > 0;
}

export async function deleteSessionByTokenHash(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user but one (after a password change). */
export async function deleteOtherSessionsOfUser(db: Database, userId: string, keepSessionId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)));
}

export async function deleteExpiredSessions(db: Database): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`now()`))
    .returning({ id: sessions.id });
  return deleted.length;
}

/** The handles of these users, by id (ids of deleted users are simply absent). */
export async function findHandlesByIds(db: Database, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, handle: users.handle })
    .from(users)
    .where(inArray(users.id, [...new Set(userIds)]));
  return new Map(rows.map((row) => [row.id, row.handle]));
}

export type MemberCard = { id: string; handle: string; role: MemberRole; createdAt: Date; suspendedUntil: Date | null };

/** What other areas show about these members (handle, role, when they joined), by id. */
export async function findMemberCardsByIds(db: Database, userIds: readonly string[]): Promise<Map<string, MemberCard>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      handle: users.handle,
      role: users.role,
      createdAt: users.createdAt,
      suspendedUntil: users.suspendedUntil,
    })
    .from(users)
    .where(inArray(users.id, [...new Set(userIds)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function updateUserSuspension(db: Database, userId: string, suspendedUntil: Date | null): Promise<void> {
  await db.update(users).set({ suspendedUntil }).where(eq(users.id, userId));
}

/** Ends every session of a user (suspension): they are signed out everywhere at once. */
export async function deleteAllSessionsOfUser(db: Database, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
