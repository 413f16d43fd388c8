import type { Me, Session } from '@kindred/common/accounts';
import type { SessionRow, UserRow } from './accounts.queries.ts';

/** The member as they see themselves (the only place their email leaves the server). */
export function presentMe(user: UserRow): Me {
  return {
    id: user.id,
    handle: user.handle,
    email: user.email,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}

/** One of the member's own sessions. The token hash never leaves the server. */
export function presentSession(session: SessionRow, currentSessionId: string): Session {
  return {
    id: session.id,
    isCurrent: session.id === currentSessionId,
    userAgent: session.userAgent,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  };
}
