import type { ProfileRow } from './profiles.queries.ts';

/** A member always sees their own profile; others see it only when it is open to members. */
export function canViewProfile(viewerId: string, profile: Pick<ProfileRow, 'userId' | 'profileVisibility'>): boolean {
  return viewerId === profile.userId || profile.profileVisibility === 'members';
}

/** True when showing this profile to this viewer reveals what its owner recovers from. */
export function revealsRecoveringFrom(
  viewerId: string,
  profile: Pick<ProfileRow, 'userId' | 'recoveringFrom' | 'recoveringFromVisibility'>,
): boolean {
  return (
    viewerId !== profile.userId && profile.recoveringFromVisibility === 'members' && profile.recoveringFrom !== null
  );
}
