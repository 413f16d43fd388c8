/** /moderation: the queue of reported and flagged posts and profiles, possible crises first. Open or resolved. */
import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ModerationItem } from '@kindred/common/moderation';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { useModerationQueue, type QueueStatus } from './moderation.api.ts';
import { ModerationItemCard } from './moderation-item.tsx';

const pageLead =
  'What members reported and what sounded like a crisis. Look at each one, act if needed, then resolve it.';

/** Possible crises first, keeping the server's order otherwise (also across pages loaded with "Load more"). */
const priorityFirst = (items: ModerationItem[]) =>
  [...items].sort((a, b) => Number(b.isPriority) - Number(a.isPriority));

export function ModerationPage() {
  const [searchParams] = useSearchParams();
  const status: QueueStatus = searchParams.get('status') === 'resolved' ? 'resolved' : 'open';
  const queue = useModerationQueue(status);
  // Either list answers how many items are open.
  const openCount = queue.data?.pages[0]?.openCount;
  const title = openCount === undefined ? 'Moderation' : `Moderation (${openCount} open)`;
  return (
    <Page title={title} lead={pageLead} width="normal">
      <div className="stack">
        <nav aria-label="Queue" className="moderation-tabs">
          <ul>
            <li>
              <Link to="/moderation" className="moderation-tab" aria-current={status === 'open' ? 'page' : undefined}>
                Open{openCount !== undefined && ` (${openCount})`}
              </Link>
            </li>
            <li>
              <Link
                to="/moderation?status=resolved"
                className="moderation-tab"
                aria-current={status === 'resolved' ? 'page' : undefined}
              >
                Resolved
              </Link>
            </li>
            <li className="moderation-tabs-log">
              <Link to="/moderation/log">Moderation log</Link>
            </li>
          </ul>
        </nav>
        <Queue key={status} status={status} />
      </div>
    </Page>
  );
}

function Queue({ status }: { status: QueueStatus }) {
  const queue = useModerationQueue(status);
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (queue.isPending) return <Loading label="Loading the queue…" />;
  if (queue.isLoadingError) {
    return (
      <Notice tone="error" title="We could not load the queue">
        <p>{toApiError(queue.error).message}</p>
        <Button variant="secondary" isLoading={queue.isFetching} onClick={() => void queue.refetch()}>
          Try again
        </Button>
      </Notice>
    );
  }
  const items = priorityFirst(queue.data.pages.flatMap((page) => page.items));
  const priorityCount = items.filter((item) => item.isPriority).length;
  const isOpen = status === 'open';
  const openCount = queue.data.pages[0]?.openCount ?? items.length;
  const heading = !isOpen
    ? 'Resolved items'
    : openCount === 0
      ? 'Open items'
      : `${openCount} open ${openCount === 1 ? 'item' : 'items'}`;
  return (
    <section aria-labelledby="moderation-queue-heading" className="stack">
      <h2 id="moderation-queue-heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      {isOpen && priorityCount > 0 && (
        <Notice tone="error" title={`${priorityCount} possible ${priorityCount === 1 ? 'crisis' : 'crises'}`}>
          <p>These come first. Someone may be in danger: please look at them now.</p>
        </Notice>
      )}
      {items.length === 0 ? (
        <EmptyState title={isOpen ? 'Nothing waiting' : 'Nothing resolved yet'} headingLevel={3}>
          <p>
            {isOpen
              ? 'No reports or flagged posts are waiting. Thank you for looking after the community.'
              : 'Items you and the other moderators resolve are listed here.'}
          </p>
        </EmptyState>
      ) : (
        <ul className="moderation-queue">
          {items.map((item) => (
            <li key={item.id}>
              <ModerationItemCard item={item} onResolved={() => headingRef.current?.focus()} />
            </li>
          ))}
        </ul>
      )}
      {queue.hasNextPage && (
        <div className="actions feed-more">
          <Button variant="secondary" isLoading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
            Load more
          </Button>
        </div>
      )}
      {queue.isFetchNextPageError && (
        <Notice tone="error" title="We could not load more">
          <p>{toApiError(queue.error).message}</p>
        </Notice>
      )}
    </section>
  );
}
