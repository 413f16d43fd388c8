import type { MemberProfile, OwnProfile } from '@kindred/common/profiles';
import type { ProfileWithIdentity } from './profiles.queries.ts';

/** The member's own profile: every field, for their settings page. */
export function presentOwnProfile(profile: ProfileWithIdentity): OwnProfile {
  return {
    handle: profile.handle,
    displayName: profile.displayName,
    pronouns: profile.pronouns,
    bio: profile.bio,
    recoveryPathways: profile.recoveryPathways,
    recoveringFrom: profile.recoveringFrom,
    recoveringFromVisibility: profile.recoveringFromVisibility,
    languages: profile.languages,
    timeZone: profile.timeZone,
    profileVisibility: profile.profileVisibility,
    updatedAt: profile.updatedAt.toISOString(),
  };
}

/** Another member's profile: what they recover from only when they share it; never time zone or settings. */
export function presentMemberProfile(profile: ProfileWithIdentity): MemberProfile {
  return {
    handle: profile.handle,
    displayName: profile.displayName,
    pronouns: profile.pronouns,
    bio: profile.bio,
    recoveryPathways: profile.recoveryPathways,
    recoveringFrom: profile.recoveringFromVisibility === 'members' ? profile.recoveringFrom : null,
    languages: profile.languages,
    memberSince: profile.memberSince.toISOString(),
  };
}
