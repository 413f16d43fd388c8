/** /moderation/log: what moderators did, to whom, why and when, newest first. */
import { Link } from 'react-router';
import type { ModerationLog } from '@kindred/common/moderation';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { actionInWords, memberJoiner, reasonLabel } from './moderation-labels.ts';
import { useModerationLog } from './moderation.api.ts';

type LoggedAction = ModerationLog['actions'][number];

const memberPath = (handle: string) => `/members/${encodeURIComponent(handle)}`;

export function ModerationLogPage() {
  const log = useModerationLog();
  return (
    <Page
      title="Moderation log"
      lead="Everything moderators did, newest first: who, to whom, why and when."
      width="normal"
    >
      <p className="back-link">
        <Link to="/moderation">Back to the queue</Link>
      </p>
      {log.isPending ? (
        <Loading label="Loading the log…" />
      ) : log.isError ? (
        <Notice tone="error" title="We could not load the log">
          <p>{toApiError(log.error).message}</p>
          <Button variant="secondary" isLoading={log.isFetching} onClick={() => void log.refetch()}>
            Try again
          </Button>
        </Notice>
      ) : log.data.length === 0 ? (
        <EmptyState title="Nothing yet">
          <p>When a moderator hides a post, locks a topic, warns or suspends a member, it is written here.</p>
        </EmptyState>
      ) : (
        <ol className="moderation-log">
          {log.data.map((action, index) => (
            <LogEntry key={`${action.at}-${index}`} action={action} />
          ))}
        </ol>
      )}
    </Page>
  );
}

function LogEntry({ action }: { action: LoggedAction }) {
  const days = typeof action.details.days === 'number' ? action.details.days : null;
  const message = typeof action.details.message === 'string' ? action.details.message : null;
  // No moderator: Kindred did it by itself (e.g. hid a post after several reports), or the moderator left.
  const actor =
    action.moderatorHandle !== null ? (
      <Link to={memberPath(action.moderatorHandle)}>@{action.moderatorHandle}</Link>
    ) : action.action === 'moderation.hidden_by_reports' ? (
      'Kindred'
    ) : (
      'A moderator who left'
    );
  const joiner = memberJoiner(action.action);
  return (
    <li className="moderation-log-entry">
      <p className="moderation-log-what">
        {actor} {actionInWords(action.action, action.details)}
        {action.memberHandle !== null && (
          <>
            {joiner === '' ? ' ' : ` ${joiner} `}
            <Link to={memberPath(action.memberHandle)}>@{action.memberHandle}</Link>
          </>
        )}
        {action.action === 'moderation.hidden_by_reports' && ' after several members reported it'}
        {days !== null && ` for ${days === 1 ? '1 day' : `${days} days`}`}
      </p>
      {action.reason && (
        <p>
          <span className="moderation-log-label">{reasonLabel(action.action)}</span>
          {action.reason}
        </p>
      )}
      {message && (
        <p>
          <span className="moderation-log-label">Message to the member: </span>
          {message}
        </p>
      )}
      <p className="muted">
        <time dateTime={action.at}>{formatDateTime(action.at)}</time>
      </p>
    </li>
  );
}
