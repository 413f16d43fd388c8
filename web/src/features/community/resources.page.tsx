/** /resources: articles about recovery. Public: nobody needs an account to read them. */
import { Link } from 'react-router';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { useArticles } from './community.api.ts';
import { articlePagePath, countText } from './community-parts.tsx';

export function ResourcesPage() {
  const articles = useArticles();
  return (
    <Page
      title="Resources"
      lead="Short articles about recovery, written with care. Read them any time, no account needed."
    >
      {articles.isPending ? (
        <Loading label="Loading articles…" />
      ) : articles.isError ? (
        <Notice tone="error" title="We could not load the articles">
          <p>{toApiError(articles.error).message}</p>
          <Button variant="secondary" onClick={() => void articles.refetch()} isLoading={articles.isFetching}>
            Try again
          </Button>
        </Notice>
      ) : articles.data.length === 0 ? (
        <EmptyState title="No articles yet">
          <p>Articles about recovery will be here soon.</p>
        </EmptyState>
      ) : (
        <ul className="article-list">
          {articles.data.map((article) => (
            <li key={article.slug} className="card article-item">
              <h2 className="article-item-title">
                <Link to={articlePagePath(article.slug)}>{article.title}</Link>
              </h2>
              <p>{article.summary}</p>
              {article.topics.length > 0 && (
                <ul className="tag-list" aria-label="About">
                  {article.topics.map((topic) => (
                    <li key={topic}>{topic}</li>
                  ))}
                </ul>
              )}
              <p className="muted article-item-comments">{countText(article.commentCount, 'comment', 'comments')}</p>
            </li>
          ))}
        </ul>
      )}
      <p>
        If you need someone to talk to right now, <a href="/help">see crisis lines and where to find help</a>.
      </p>
    </Page>
  );
}
