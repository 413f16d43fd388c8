/**
 * The posts of a topic in order, replies to replies nested one level under the reply they answer,
 * each with its reactions and actions (reply, edit, delete, report, block; hide and history for
 * moderators). Used by a topic's page and by a resource article's comments.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  postReactionLabels,
  postReactions,
  type CrisisSupport,
  type Post,
  type TopicDetail,
} from '@kindred/common/community';
import { Button } from '../../components/button.tsx';
import { classNames } from '../../components/class-names.ts';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { useReact } from './community.api.ts';
import { AuthorName, authorName, RelativeTime, warningListText } from './community-parts.tsx';
import { CrisisSupportPanel } from './crisis-support-panel.tsx';
import { PostBody } from './post-body.tsx';
import { PostDialogs, type PostDialogKind, type PostDialogState } from './post-dialogs.tsx';
import { EditPostForm } from './post-edit-form.tsx';
import { ReplyComposer } from './reply-composer.tsx';

/* ----------------------------------------------------------------- threading */

/** Who a post answers, when the page does not make it plain by nesting. */
type InReplyTo = { name: string; number: number | null };
type ThreadPost = { post: Post; inReplyTo: InReplyTo | null };
export type Thread = ThreadPost & { replies: ThreadPost[] };

/**
 * Groups posts (in order) into threads: a reply to the topic (or to its first post) starts a
 * thread; a reply to a reply joins the thread of the reply it answers, one level deep however
 * deep the conversation goes. Where the nesting does not show whom a post answers, it says so.
 */
export function threadPosts(posts: readonly Post[]): Thread[] {
  const byId = new Map(posts.map((post) => [post.id, post]));
  const firstPostId = posts.find((post) => post.number === 1)?.id;
  const isThreadStart = (post: Post) =>
    post.parentId === null || post.parentId === firstPostId || !byId.has(post.parentId);

  const rootOf = (post: Post): Post => {
    let current = post;
    // Parents come before their replies; the bound only guards against a malformed answer.
    for (let steps = 0; !isThreadStart(current) && steps < posts.length; steps += 1) {
      current = byId.get(current.parentId!)!;
    }
    return current;
  };

  const replyTarget = (post: Post): InReplyTo => {
    const parent = post.parentId === null ? undefined : byId.get(post.parentId);
    if (parent) return { name: authorName(parent.author), number: parent.number };
    return {
      name: post.parentAuthorHandle === null ? 'an earlier reply' : `@${post.parentAuthorHandle}`,
      number: null,
    };
  };

  const threads: Thread[] = [];
  const threadOf = new Map<string, Thread>();
  for (const post of posts) {
    const root = rootOf(post);
    const thread = threadOf.get(root.id);
    if (root.id === post.id || !thread) {
      const isAnswerToMissing = post.parentId !== null && post.parentId !== firstPostId && !byId.has(post.parentId);
      const started: Thread = { post, inReplyTo: isAnswerToMissing ? replyTarget(post) : null, replies: [] };
      threads.push(started);
      threadOf.set(post.id, started);
    } else {
      thread.replies.push({ post, inReplyTo: post.parentId === root.id ? null : replyTarget(post) });
    }
  }
  return threads;
}

/* ----------------------------------------------------------------- the thread */

type PostThreadProps = {
  topic: TopicDetail;
  posts: readonly Post[];
  /** The post with an open reply form under it, if any. */
  replyingToId: string | null;
  onReplyTo: (post: Post | null) => void;
  onReplyPosted: (post: Post) => void;
};

export function PostThread({ topic, posts, replyingToId, onReplyTo, onReplyPosted }: PostThreadProps) {
  const [dialog, setDialog] = useState<PostDialogState>(null);
  const threads = useMemo(() => threadPosts(posts), [posts]);
  const itemProps = {
    topic,
    replyingToId,
    onReplyTo,
    onReplyPosted,
    onOpenDialog: (kind: PostDialogKind, post: Post) => setDialog({ kind, post }),
  };
  return (
    <>
      <ol className="post-thread">
        {threads.map((thread) => (
          <li key={thread.post.id} className="post-thread-item">
            <PostItem {...itemProps} entry={thread} />
            {thread.replies.length > 0 && (
              <ol className="post-replies" aria-label={`Replies to ${authorName(thread.post.author)}`}>
                {thread.replies.map((reply) => (
                  <li key={reply.post.id}>
                    <PostItem {...itemProps} entry={reply} isNested />
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
      <PostDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}

/* ----------------------------------------------------------------- one post */

type PostItemProps = {
  topic: TopicDetail;
  entry: ThreadPost;
  isNested?: boolean;
  replyingToId: string | null;
  onReplyTo: (post: Post | null) => void;
  onReplyPosted: (post: Post) => void;
  onOpenDialog: (kind: PostDialogKind, post: Post) => void;
};

function PostItem({
  topic,
  entry,
  isNested = false,
  replyingToId,
  onReplyTo,
  onReplyPosted,
  onOpenDialog,
}: PostItemProps) {
  const { post, inReplyTo } = entry;
  const bylineId = useId();
  const [isEditing, setIsEditing] = useState(false);
  const [crisis, setCrisis] = useState<CrisisSupport | null>(null);
  const isReplying = replyingToId === post.id;
  const isShown = !post.isDeleted && post.bodyHtml !== null;

  // Focus goes back to the button that opened a form once the form closes (not after a crisis message).
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const replyButtonRef = useRef<HTMLButtonElement>(null);
  const returnFocusTo = useRef<'edit' | 'reply' | null>(null);
  useEffect(() => {
    if (isEditing || isReplying || returnFocusTo.current === null) return;
    const button = returnFocusTo.current === 'edit' ? editButtonRef.current : replyButtonRef.current;
    returnFocusTo.current = null;
    button?.focus();
  }, [isEditing, isReplying, crisis]);

  const canReplyHere = topic.canReply && !topic.isLocked && post.canReply && !post.isDeleted;
  const canBlock = !post.author.isYou && !post.author.isAnonymous && post.author.handle !== null && !post.isDeleted;

  return (
    <article
      id={`post-${post.number}`}
      tabIndex={-1}
      aria-labelledby={bylineId}
      className={classNames(
        'post',
        post.number === 1 && 'is-first-post',
        isNested && 'is-nested',
        post.isHidden && 'is-hidden',
        post.isDeleted && 'is-deleted',
      )}
    >
      <p id={bylineId} className="post-byline">
        <AuthorName author={post.author} />
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        <RelativeTime iso={post.createdAt} />
        {post.editedAt && (
          <span className="post-edited" title={`Edited ${formatDateTime(post.editedAt)}`}>
            <span aria-hidden="true"> · </span>
            <span className="visually-hidden">, </span>
            edited
          </span>
        )}
      </p>
      {inReplyTo && (
        <p className="post-in-reply-to">
          in reply to{' '}
          {inReplyTo.number === null ? inReplyTo.name : <Link to={`#post-${inReplyTo.number}`}>{inReplyTo.name}</Link>}
        </p>
      )}

      {isEditing ? (
        <EditPostForm
          topic={topic}
          post={post}
          onCancel={() => {
            returnFocusTo.current = 'edit';
            setIsEditing(false);
          }}
          onSaved={(written) => {
            if (written.crisisSupport) setCrisis(written.crisisSupport);
            else returnFocusTo.current = 'edit';
            setIsEditing(false);
          }}
        />
      ) : (
        <PostContent topic={topic} post={post} />
      )}

      {crisis && (
        <CrisisSupportPanel
          support={crisis}
          headingLevel={3}
          onDismiss={() => {
            returnFocusTo.current = 'edit';
            setCrisis(null);
          }}
        >
          <p>Your changes are saved. Right now, it matters more that you are safe.</p>
        </CrisisSupportPanel>
      )}

      {isShown && !post.isHidden && !isEditing && <PostReactions post={post} />}

      {!isEditing && !post.isDeleted && (
        <div className="post-actions">
          {canReplyHere && (
            <Button
              ref={replyButtonRef}
              variant="quiet"
              aria-describedby={bylineId}
              aria-expanded={isReplying}
              onClick={() => {
                if (isReplying) returnFocusTo.current = 'reply';
                onReplyTo(isReplying ? null : post);
              }}
            >
              Reply
            </Button>
          )}
          {post.canEdit && (
            <Button ref={editButtonRef} variant="quiet" aria-describedby={bylineId} onClick={() => setIsEditing(true)}>
              Edit
            </Button>
          )}
          {post.canDelete && (
            <Button variant="quiet" aria-describedby={bylineId} onClick={() => onOpenDialog('delete', post)}>
              Delete
            </Button>
          )}
          {!post.author.isYou && (
            <Button variant="quiet" aria-describedby={bylineId} onClick={() => onOpenDialog('report', post)}>
              Report
            </Button>
          )}
          {canBlock && (
            <Button variant="quiet" aria-describedby={bylineId} onClick={() => onOpenDialog('block', post)}>
              Block @{post.author.handle}
            </Button>
          )}
          {topic.canModerate && (
            <Button
              variant="quiet"
              aria-describedby={bylineId}
              onClick={() => onOpenDialog(post.isHidden ? 'unhide' : 'hide', post)}
            >
              {post.isHidden ? 'Unhide' : 'Hide'}
            </Button>
          )}
          {topic.canModerate && post.editedAt && (
            <Button variant="quiet" aria-describedby={bylineId} onClick={() => onOpenDialog('history', post)}>
              History
            </Button>
          )}
        </div>
      )}

      {isReplying && (
        <div className="inline-reply">
          <ReplyComposer
            topic={topic}
            parent={post}
            idPrefix={`reply-${post.id}`}
            shouldFocus
            onCancel={() => {
              returnFocusTo.current = 'reply';
              onReplyTo(null);
            }}
            onPosted={onReplyPosted}
          />
        </div>
      )}
    </article>
  );
}

/** The words of a post, or why they are not shown. */
function PostContent({ topic, post }: { topic: TopicDetail; post: Post }) {
  if (post.isDeleted) return <p className="post-placeholder">This post was deleted.</p>;
  if (post.bodyHtml === null) {
    return <p className="post-placeholder">{post.isHidden ? 'Hidden by moderators.' : 'This post is not shown.'}</p>;
  }
  const marker = post.isHidden && (
    <p className="post-hidden-marker">Hidden by moderators: other members cannot see this post.</p>
  );
  if (post.number === 1 && topic.kind === 'story' && topic.isCollapsed) {
    return (
      <>
        {marker}
        <StoryFold topic={topic} html={post.bodyHtml} />
      </>
    );
  }
  return (
    <>
      {marker}
      <PostBody html={post.bodyHtml} />
    </>
  );
}

/** A story behind its content warnings, until the reader chooses to open it. */
function StoryFold({ topic, html }: { topic: TopicDetail; html: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const bodyId = useId();
  return (
    <>
      <div className="story-fold">
        <p className="story-fold-text">
          {topic.contentWarnings.length > 0
            ? `This story mentions: ${warningListText(topic.contentWarnings)}.`
            : 'This story has content warnings.'}{' '}
          Open it when it feels right for you.
        </p>
        <Button
          variant="secondary"
          aria-expanded={isOpen}
          aria-controls={bodyId}
          onClick={() => setIsOpen((open) => !open)}
        >
          {isOpen ? 'Fold the story' : 'Show story'}
        </Button>
      </div>
      <div id={bodyId} hidden={!isOpen}>
        {isOpen && <PostBody html={html} />}
      </div>
    </>
  );
}

/** The four reactions as toggle buttons, each with its count. */
function PostReactions({ post }: { post: Post }) {
  const react = useReact(post);
  const showToast = useToast();
  const idPrefix = useId();
  return (
    <div role="group" aria-label="Reactions" className="post-reactions">
      {postReactions.map((reaction) => {
        const { emoji, label } = postReactionLabels[reaction];
        const count = post.reactionCounts[reaction] ?? 0;
        const isPressed = post.myReactions.includes(reaction);
        const countId = `${idPrefix}-${reaction}`;
        return (
          <span key={reaction} className="post-reaction">
            <Button
              variant="secondary"
              className="reaction-toggle"
              aria-pressed={isPressed}
              aria-describedby={count > 0 ? countId : undefined}
              isLoading={react.isPending && react.variables.reaction === reaction}
              onClick={() =>
                react.mutate(
                  { reaction, isOn: !isPressed },
                  { onError: (error) => showToast(toApiError(error).message) },
                )
              }
            >
              <span aria-hidden="true">{emoji}</span>
              {label}
              {count > 0 && (
                <span className="reaction-count" aria-hidden="true">
                  {count}
                </span>
              )}
            </Button>
            {count > 0 && (
              <span id={countId} className="visually-hidden">
                {count === 1 ? '1 member' : `${count} members`}
              </span>
            )}
          </span>
        );
      })}
    </div>
  );
}
