/**
 * A topic's conversation: its posts with "Load more", the reply form at the end (or why there is
 * none), marking the topic read as far as the member has seen, and going to #post-N links.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { Post, TopicResponse } from '@kindred/common/community';
import { Button } from '../../components/button.tsx';
import { Notice } from '../../components/notice.tsx';
import { useMarkTopicRead } from './community.api.ts';
import { PostThread } from './post-thread.tsx';
import { ReplyComposer } from './reply-composer.tsx';

/** What the conversation needs of a topic query (useTopic) that has its first page. */
type LoadedTopicQuery = {
  data: { pages: readonly TopicResponse[] };
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
};

type TopicConversationProps = {
  query: LoadedTopicQuery;
  /** The heading over the reply form. */
  composerTitle?: string;
};

export function TopicConversation({ query, composerTitle = 'Write a reply' }: TopicConversationProps) {
  const pages = query.data.pages;
  const topic = pages[0]!.topic;
  const posts = useMemo(() => pages.flatMap((page) => page.posts), [pages]);
  const highestNumber = posts.at(-1)?.number ?? 0;
  const [replyingToId, setReplyingToId] = useState<string | null>(null);
  const composerHeadingId = useId();
  const location = useLocation();

  // Mark the topic read up to the last post on the page, once per new post seen.
  const { mutate: markRead } = useMarkTopicRead(topic.id);
  const lastMarked = useRef(topic.lastReadNumber);
  useEffect(() => {
    if (highestNumber <= lastMarked.current) return;
    lastMarked.current = highestNumber;
    markRead(highestNumber);
  }, [highestNumber, markRead]);

  // After posting a reply (and after any crisis message is put away), go to it.
  const [focusRequest, setFocusRequest] = useState<{ number: number; requestedAt: number } | null>(null);
  const handledFocusRequest = useRef<number | null>(null);
  useEffect(() => {
    if (!focusRequest || handledFocusRequest.current === focusRequest.requestedAt) return;
    const element = document.getElementById(`post-${focusRequest.number}`);
    if (!element) return;
    handledFocusRequest.current = focusRequest.requestedAt;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'center' });
  }, [focusRequest, posts]);

  // A link to #post-N (from search, a notification, "in reply to"): go to that post, loading on to it.
  const handledLocation = useRef<string | null>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const match = /^#post-(\d+)$/.exec(location.hash);
    if (!match || handledLocation.current === location.key) return;
    const number = Number(match[1]);
    const element = document.getElementById(`post-${number}`);
    if (element) {
      handledLocation.current = location.key;
      // The page moves focus to its title in its own effect, after this one: go after it.
      queueMicrotask(() => {
        element.focus({ preventScroll: true });
        element.scrollIntoView({ block: 'start' });
      });
    } else if (number > highestNumber && hasNextPage && !isFetchingNextPage) {
      void fetchNextPage();
    }
  }, [location.key, location.hash, highestNumber, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const handleReplyPosted = (post: Post) => {
    setFocusRequest({ number: post.number, requestedAt: Date.now() });
    setReplyingToId(null);
  };

  return (
    <>
      <PostThread
        topic={topic}
        posts={posts}
        replyingToId={replyingToId}
        onReplyTo={(post) => setReplyingToId(post?.id ?? null)}
        onReplyPosted={handleReplyPosted}
      />
      {query.hasNextPage && (
        <div className="actions feed-more">
          <Button variant="secondary" isLoading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Load more
          </Button>
        </div>
      )}
      {query.isFetchNextPageError && (
        <p className="field-error" role="alert">
          More posts could not be loaded. Please try again.
        </p>
      )}

      {topic.isLocked ? (
        <Notice title="This topic is locked">
          <p>You can still read it, but nobody can reply any more.</p>
        </Notice>
      ) : !topic.canReply ? null : replyingToId !== null ? (
        <p className="muted composer-elsewhere">You are writing a reply above.</p>
      ) : (
        <section className="card composer" aria-labelledby={composerHeadingId}>
          <h2 id={composerHeadingId} className="card-title">
            {composerTitle}
          </h2>
          <ReplyComposer topic={topic} parent={null} idPrefix="reply-topic" onPosted={handleReplyPosted} />
        </section>
      )}
    </>
  );
}
