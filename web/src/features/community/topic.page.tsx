/** /community/t/:id: a topic (a discussion or a recovery story) and its replies. */
import { useId } from 'react';
import { Link, useParams } from 'react-router';
import type { TopicDetail } from '@kindred/common/community';
import { Button } from '../../components/button.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { useFollowTopic, useTopic } from './community.api.ts';
import {
  articlePagePath,
  AuthorName,
  categoryPagePath,
  RelativeTime,
  TopicFlags,
  WarningChips,
} from './community-parts.tsx';
import { TopicModeratorTools } from './moderator-tools.tsx';
import { TopicConversation } from './topic-conversation.tsx';

export function TopicPage() {
  const { id = '' } = useParams();
  const query = useTopic(id);
  if (query.isPending) return <Loading label="Loading the topic…" />;
  if (query.isError) return <TopicLoadProblem error={query.error} />;
  const topic = query.data.pages[0]!.topic;
  const postsHeadingId = `topic-posts-${topic.id}`;
  return (
    <Page title={topic.title}>
      <p className="back-link">
        {topic.articleSlug ? (
          <Link to={articlePagePath(topic.articleSlug)}>
            <span aria-hidden="true">← </span>Back to the article
          </Link>
        ) : (
          <Link to={categoryPagePath(topic.category.slug)}>
            <span aria-hidden="true">← </span>
            {topic.category.name}
          </Link>
        )}
      </p>
      <TopicHeader topic={topic} />
      {topic.isHidden && (
        <Notice title="This topic is hidden">
          <p>Members cannot see it. You can, because you are a moderator.</p>
        </Notice>
      )}
      <section aria-labelledby={postsHeadingId} className="topic-posts">
        <h2 id={postsHeadingId} className="visually-hidden">
          Posts
        </h2>
        <TopicConversation key={topic.id} query={query} />
      </section>
      {topic.canModerate && <TopicModeratorTools topic={topic} />}
    </Page>
  );
}

function TopicHeader({ topic }: { topic: TopicDetail }) {
  return (
    <div className="topic-header">
      <p className="topic-header-meta">
        <Link to={categoryPagePath(topic.category.slug)}>{topic.category.name}</Link>
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        started by <AuthorName author={topic.author} /> <RelativeTime iso={topic.createdAt} />{' '}
        <TopicFlags isPinned={topic.isPinned} isLocked={topic.isLocked} isStory={topic.kind === 'story'} />
      </p>
      <WarningChips warnings={topic.contentWarnings} />
      <FollowToggle topic={topic} />
    </div>
  );
}

function FollowToggle({ topic }: { topic: TopicDetail }) {
  const follow = useFollowTopic(topic);
  const showToast = useToast();
  const hintId = useId();
  return (
    <div className="follow-toggle">
      <Button
        variant="secondary"
        className="toggle-button"
        aria-pressed={topic.isFollowing}
        aria-describedby={hintId}
        isLoading={follow.isPending}
        onClick={() =>
          follow.mutate(!topic.isFollowing, {
            onSuccess: (_answer, isFollowing) =>
              showToast(isFollowing ? 'You are following this topic.' : 'You stopped following this topic.'),
            onError: (error) => showToast(toApiError(error).message),
          })
        }
      >
        <svg className="toggle-check" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M9 16.2l-3.5-3.5L4 14.2l5 5 11-11-1.5-1.5z" />
        </svg>
        Follow this topic
      </Button>
      <span id={hintId} className="muted follow-hint">
        {topic.isFollowing ? 'You will hear about new replies.' : 'Hear about new replies.'}
      </span>
    </div>
  );
}

function TopicLoadProblem({ error }: { error: unknown }) {
  const apiError = toApiError(error);
  return (
    <Page title={apiError.code === 'not_found' ? 'We could not find that topic' : 'Topic'}>
      {apiError.code === 'not_found' ? (
        <p>It may have been removed, or the address may be mistyped.</p>
      ) : (
        <Notice tone="error" title="We could not load this topic">
          <p>{apiError.message}</p>
        </Notice>
      )}
      <p>
        <Link to="/community">Back to the community</Link>
      </p>
    </Page>
  );
}
