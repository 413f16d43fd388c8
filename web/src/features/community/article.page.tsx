/**
 * /resources/:slug: one article (public), and under it the members' comments: the posts of its
 * discussion topic, with the same posts and reply form as the forums.
 */
import { useId } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Article } from '@kindred/common/community';
import { Button, ButtonLink } from '../../components/button.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useMe } from '../../lib/me.ts';
import { signInPathFor } from '../../lib/navigation.ts';
import { useArticle, useTopic } from './community.api.ts';
import { countText } from './community-parts.tsx';
import { PostBody } from './post-body.tsx';
import { TopicConversation } from './topic-conversation.tsx';

export function ArticlePage() {
  const { slug = '' } = useParams();
  const article = useArticle(slug);
  if (article.isPending) return <Loading label="Loading the article…" />;
  if (article.isError) {
    const error = toApiError(article.error);
    return (
      <Page title={error.code === 'not_found' ? 'We could not find that article' : 'Article'}>
        {error.code === 'not_found' ? (
          <p>It may have moved, or the address may be mistyped.</p>
        ) : (
          <Notice tone="error" title="We could not load this article">
            <p>{error.message}</p>
          </Notice>
        )}
        <p>
          <Link to="/resources">All resources</Link>
        </p>
      </Page>
    );
  }
  return <ArticleView article={article.data} />;
}

function ArticleView({ article }: { article: Article }) {
  const commentsHeadingId = useId();
  return (
    <Page title={article.title} lead={article.summary}>
      <p className="back-link">
        <Link to="/resources">
          <span aria-hidden="true">← </span>Resources
        </Link>
      </p>
      <p className="muted article-meta">
        Published <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
      </p>
      {article.topics.length > 0 && (
        <ul className="tag-list" aria-label="About">
          {article.topics.map((topic) => (
            <li key={topic}>{topic}</li>
          ))}
        </ul>
      )}
      <PostBody html={article.bodyHtml} className="article-body" />
      <section aria-labelledby={commentsHeadingId} className="article-comments">
        <h2 id={commentsHeadingId}>Comments</h2>
        <ArticleComments article={article} />
      </section>
    </Page>
  );
}

function ArticleComments({ article }: { article: Article }) {
  const me = useMe();
  const location = useLocation();
  const isMember = Boolean(me.data);
  const query = useTopic(article.discussionTopicId, { isEnabled: isMember });

  if (me.isPending) return null;
  if (!isMember) {
    return (
      <div className="article-sign-in">
        <p>
          {article.commentCount === 0
            ? 'No comments yet.'
            : `Members have left ${countText(article.commentCount, 'comment', 'comments')}.`}{' '}
          Sign in to comment and to read what members wrote.
        </p>
        <div className="actions">
          <ButtonLink variant="secondary" to={signInPathFor(location.pathname)}>
            Sign in to comment
          </ButtonLink>
          <Link to="/join">Join Kindred</Link>
        </div>
      </div>
    );
  }
  if (query.isPending) return <Loading label="Loading comments…" />;
  if (query.isError) {
    return (
      <Notice tone="error" title="We could not load the comments">
        <p>{toApiError(query.error).message}</p>
        <Button variant="secondary" onClick={() => void query.refetch()} isLoading={query.isFetching}>
          Try again
        </Button>
      </Notice>
    );
  }
  return <TopicConversation query={query} composerTitle="Add a comment" />;
}
