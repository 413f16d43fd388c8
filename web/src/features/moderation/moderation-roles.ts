import type { MemberRole } from '@kindred/common/accounts';

/** True for the people who keep the community safe: moderators and admins. */
export const canModerate = (role: MemberRole | undefined) => role === 'moderator' || role === 'admin';
