/** Who keeps the community safe: moderators and admins. */
import type { MemberRole } from '@kindred/common/accounts';
import { notFound } from '../../platform/errors.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';

export function canModerate(user: { role: MemberRole }): boolean {
  return user.role === 'moderator' || user.role === 'admin';
}

/** Moderators' routes answer 404 to everyone else, as if they were not there. */
export function requireModerator(auth: Auth): void {
  if (!canModerate(auth.user)) throw notFound();
}
