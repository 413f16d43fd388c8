/** A list of topics (the forums home, one category): rows with what is new, and "Load more". */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TopicSummary } from '@kindred/common/community';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { toApiError } from '../../lib/api.ts';
import { useTopicList, type TopicListFilter } from './community.api.ts';
import {
  AuthorName,
  categoryPagePath,
  countText,
  RelativeTime,
  TopicFlags,
  topicPagePath,
  WarningChips,
} from './community-parts.tsx';

/** "new" for a topic never opened, "3 new" for one with replies since the last visit. */
function UnreadBadge({ topic }: { topic: TopicSummary }) {
  if (!topic.hasBeenRead) return <span className="badge unread-badge">new</span>;
  if (topic.unreadCount > 0) return <span className="badge unread-badge">{topic.unreadCount} new</span>;
  return null;
}

export function TopicRow({ topic, isCategoryShown = true }: { topic: TopicSummary; isCategoryShown?: boolean }) {
  return (
    <li className={topic.hasBeenRead && topic.unreadCount === 0 ? 'topic-row' : 'topic-row is-unread'}>
      <h3 className="topic-row-title">
        <Link to={topicPagePath(topic.id)}>{topic.title}</Link>{' '}
        <TopicFlags isPinned={topic.isPinned} isLocked={topic.isLocked} isStory={topic.kind === 'story'} />{' '}
        <UnreadBadge topic={topic} />
      </h3>
      <WarningChips warnings={topic.contentWarnings} />
      <p className="topic-row-meta">
        {isCategoryShown && (
          <>
            <Link to={categoryPagePath(topic.category.slug)} className="topic-row-category">
              {topic.category.name}
            </Link>
            <span aria-hidden="true"> · </span>
            <span className="visually-hidden">, </span>
          </>
        )}
        <span className="visually-hidden">by </span>
        <AuthorName author={topic.author} />
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        {countText(topic.replyCount, 'reply', 'replies')}
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        <span className="topic-row-activity">
          last activity <RelativeTime iso={topic.lastPostedAt} />
        </span>
      </p>
    </li>
  );
}

type TopicListSectionProps = {
  filter: TopicListFilter;
  isCategoryShown?: boolean;
  /** What to show when there are no topics at all. */
  empty: ReactNode;
  /** The list's accessible name. */
  label: string;
};

/** Topics from the API for this filter, page by page. */
export function TopicListSection({ filter, isCategoryShown = true, empty, label }: TopicListSectionProps) {
  const topics = useTopicList(filter);
  const items = topics.data?.pages.flatMap((page) => page.topics) ?? [];

  if (topics.isPending) return <Loading label="Loading topics…" />;
  if (topics.isError && !topics.isFetchNextPageError) {
    return (
      <Notice tone="error" title="We could not load the topics">
        <p>{toApiError(topics.error).message}</p>
        <Button variant="secondary" onClick={() => void topics.refetch()} isLoading={topics.isFetching}>
          Try again
        </Button>
      </Notice>
    );
  }
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      <ul className="topic-list" aria-label={label}>
        {items.map((topic) => (
          <TopicRow key={topic.id} topic={topic} isCategoryShown={isCategoryShown} />
        ))}
      </ul>
      {topics.hasNextPage && (
        <div className="actions feed-more">
          <Button variant="secondary" isLoading={topics.isFetchingNextPage} onClick={() => void topics.fetchNextPage()}>
            Load more
          </Button>
        </div>
      )}
      {topics.isFetchNextPageError && (
        <p className="field-error" role="alert">
          More topics could not be loaded. Please try again.
        </p>
      )}
    </>
  );
}

/** The empty state of a list of topics, with a first step. */
export function NoTopics({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <EmptyState title={title} headingLevel={3} action={action}>
      {children}
    </EmptyState>
  );
}
