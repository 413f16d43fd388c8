import type { Session } from '@kindred/common/accounts';
import { Button } from '../../components/button.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDateTime, formatRelative } from '../../lib/dates.ts';
import { useRevokeSession, useSessions } from './accounts.api.ts';
import { useLeaveForLanding } from './sign-out.ts';
import { describeUserAgent } from './user-agent.ts';

/** The member's signed-in sessions, this device first, each with a way to end it. */
export function SessionList() {
  const sessions = useSessions();
  if (sessions.isPending) return <Loading label="Loading your devices…" />;
  if (sessions.isError) {
    return (
      <Notice tone="error" title="We could not load your devices">
        <p>{toApiError(sessions.error).message}</p>
      </Notice>
    );
  }
  const ordered = [...sessions.data].sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
  return (
    <>
      <p>If you see a device you do not recognise, revoke it and change your password.</p>
      <ul className="session-list">
        {ordered.map((session) => (
          <SessionItem key={session.id} session={session} />
        ))}
      </ul>
    </>
  );
}

function SessionItem({ session }: { session: Session }) {
  const revoke = useRevokeSession();
  const leave = useLeaveForLanding();
  const showToast = useToast();
  const device = describeUserAgent(session.userAgent);

  const handleRevoke = () =>
    revoke.mutate(session.id, {
      onSuccess: () => {
        if (session.isCurrent) {
          void leave('This device is signed out.');
        } else {
          showToast(`${device} is signed out.`);
        }
      },
      onError: (error) => showToast(error.message),
    });

  return (
    <li className="session">
      <div className="session-details">
        <p className="session-device">
          {device} {session.isCurrent && <span className="badge">This device</span>}
        </p>
        <p className="session-meta muted">
          Last active <time dateTime={session.lastSeenAt}>{formatRelative(session.lastSeenAt)}</time> · signed in{' '}
          <time dateTime={session.createdAt}>{formatDateTime(session.createdAt)}</time>
        </p>
      </div>
      <Button variant="secondary" onClick={handleRevoke} isLoading={revoke.isPending}>
        Revoke
        <span className="visually-hidden">
          {' '}
          {session.isCurrent
            ? 'this device (signs you out)'
            : `${device}, last active ${formatRelative(session.lastSeenAt)}`}
        </span>
      </Button>
    </li>
  );
}
