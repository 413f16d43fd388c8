/** Who may keep the meeting list: meeting editors and admins. */
import { requireRole, type Auth } from '../accounts/accounts.sessions.ts';

const MEETING_EDITOR_ROLES = ['meeting-editor', 'admin'] as const;

/** Throws 403 unless the member keeps the meeting list (sources, hand-entered meetings, change requests). */
export function requireMeetingEditor(auth: Auth): void {
  requireRole(auth, MEETING_EDITOR_ROLES);
}
