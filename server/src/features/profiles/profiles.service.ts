import { isKnownTimeZone, type MemberProfile, type OwnProfile, type ProfileUpdate } from '@kindred/common/profiles';
import type { Database } from '../../db/client.ts';
import { recordAuditEvent } from '../../platform/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { changeHandle, findMemberByHandle } from '../accounts/accounts.service.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import { canViewProfile, revealsRecoveringFrom } from './profiles.policy.ts';
import { presentMemberProfile, presentOwnProfile } from './profiles.presenters.ts';
import { findProfileByUserId, insertProfile, updateProfile } from './profiles.queries.ts';

/** Creates the empty profile of a new member, in the sign-up transaction. */
export async function createProfile(
  ctx: ServiceContext,
  userId: string,
  initial: { timeZone?: string | undefined },
  db: Database = ctx.db,
): Promise<void> {
  const timeZone = initial.timeZone && isKnownTimeZone(initial.timeZone) ? initial.timeZone : 'UTC';
  await insertProfile(db, { userId, timeZone });
}

/** The member's own profile. */
export async function getOwnProfile(ctx: ServiceContext, auth: Auth): Promise<OwnProfile> {
  const profile = await findProfileByUserId(ctx.db, auth.user.id);
  if (!profile) throw notFound('Your profile is missing.');
  return presentOwnProfile(profile);
}

/** Changes the fields given (handle included) in one transaction. */
export async function updateOwnProfile(ctx: ServiceContext, auth: Auth, changes: ProfileUpdate): Promise<OwnProfile> {
  const { handle, ...profileChanges } = changes;
  await ctx.db.transaction(async (tx) => {
    if (handle !== undefined && handle !== auth.user.handle) await changeHandle(ctx, auth.user.id, handle, tx);
    if (Object.keys(profileChanges).length > 0) await updateProfile(tx, auth.user.id, profileChanges);
  });
  const profile = await findProfileByUserId(ctx.db, auth.user.id);
  return presentOwnProfile(profile!);
}

/**
 * Another member's profile as the viewer may see it. A hidden profile answers not_found,
 * so nobody learns it exists; showing what someone recovers from is audited.
 */
export async function getMemberProfile(ctx: ServiceContext, auth: Auth, handle: string): Promise<MemberProfile> {
  const user = await findMemberByHandle(ctx, handle);
  const profile = user ? await findProfileByUserId(ctx.db, user.id) : null;
  if (!profile || !canViewProfile(auth.user.id, profile))
    throw notFound('No member with that handle shares a profile.');
  if (revealsRecoveringFrom(auth.user.id, profile)) {
    await recordAuditEvent(ctx.db, {
      action: 'profile.recovering_from_viewed',
      actorId: auth.user.id,
      subjectId: profile.userId,
    });
  }
  return presentMemberProfile(profile);
}

/** The member's profile for their data export. */
export async function exportProfile(ctx: ServiceContext, userId: string): Promise<OwnProfile | null> {
  const profile = await findProfileByUserId(ctx.db, userId);
  return profile ? presentOwnProfile(profile) : null;
}

/** The member's time zone: every "today" of their recovery data is a day in this zone. */
export async function findMemberTimeZone(ctx: ServiceContext, userId: string): Promise<string> {
  const profile = await findProfileByUserId(ctx.db, userId);
  return profile?.timeZone ?? 'UTC';
}
