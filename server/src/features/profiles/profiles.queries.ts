import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../accounts/accounts.tables.ts';
import { profiles } from './profiles.tables.ts';

export type ProfileRow = typeof profiles.$inferSelect;
export type ProfileWithIdentity = ProfileRow & { handle: string; memberSince: Date };

export async function insertProfile(db: Database, values: typeof profiles.$inferInsert): Promise<void> {
  await db.insert(profiles).values(values);
}

/** A member's profile with their handle and join date, or null. */
export async function findProfileByUserId(db: Database, userId: string): Promise<ProfileWithIdentity | null> {
  const [row] = await db
    .select({ profile: profiles, handle: users.handle, memberSince: users.createdAt })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(eq(profiles.userId, userId))
    .limit(1);
  return row ? { ...row.profile, handle: row.handle, memberSince: row.memberSince } : null;
}

export async function updateProfile(
  db: Database,
  userId: string,
  changes: Partial<Omit<typeof profiles.$inferInsert, 'userId' | 'updatedAt'>>,
): Promise<void> {
  await db
    .update(profiles)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(profiles.userId, userId));
}
