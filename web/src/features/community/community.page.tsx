/** /community: the forums home. Categories, the latest topics (or only followed ones), search, a new topic. */
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { SEARCH_QUERY_MAX_LENGTH } from '@kindred/common/community';
import { Button, ButtonLink } from '../../components/button.tsx';
import { TextField } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { useCategories } from './community.api.ts';
import { categoryPagePath, countText } from './community-parts.tsx';
import { NoTopics, TopicListSection } from './topic-list.tsx';

export function CommunityHomePage() {
  return (
    <Page title="Community" lead="Ask, share, encourage. Everyone here knows what recovery takes.">
      <div className="community-toolbar">
        <ButtonLink to="/community/new">New topic</ButtonLink>
        <ForumSearchBox />
      </div>
      <ul className="community-links">
        <li>
          <Link to="/resources">Resources: articles about recovery</Link>
        </li>
        <li>
          <Link to="/community/preferences">Content warnings: how stories show for you</Link>
        </li>
      </ul>
      <div className="stack">
        <Categories />
        <LatestTopics />
      </div>
    </Page>
  );
}

/** A search box that opens the search page with the words. */
function ForumSearchBox() {
  const [words, setWords] = useState('');
  const navigate = useNavigate();
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = words.trim();
    void navigate(q === '' ? '/community/search' : `/community/search?${new URLSearchParams({ q }).toString()}`, {
      state: { shouldFocusResults: q !== '' },
    });
  };
  return (
    <form role="search" className="forum-search-box" onSubmit={handleSubmit}>
      <TextField
        id="community-search-words"
        type="search"
        label="Search the forums"
        maxLength={SEARCH_QUERY_MAX_LENGTH}
        value={words}
        onChange={(event) => setWords(event.target.value)}
      />
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}

function Categories() {
  const categories = useCategories();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Categories</h2>
      {categories.isPending ? (
        <Loading label="Loading categories…" />
      ) : categories.isError ? (
        <Notice tone="error" title="We could not load the categories">
          <p>{toApiError(categories.error).message}</p>
          <Button variant="secondary" onClick={() => void categories.refetch()} isLoading={categories.isFetching}>
            Try again
          </Button>
        </Notice>
      ) : categories.data.length === 0 ? (
        <p className="muted">There are no categories yet.</p>
      ) : (
        <ul className="category-list">
          {categories.data.map((category) => (
            <li key={category.id} className="category-item">
              <h3 className="category-item-name">
                <Link to={categoryPagePath(category.slug)}>{category.name}</Link>
              </h3>
              <p className="category-item-description">{category.description}</p>
              <p className="category-item-count muted">{countText(category.topicCount, 'topic', 'topics')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LatestTopics() {
  const [isFollowingOnly, setIsFollowingOnly] = useState(false);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <div className="section-heading">
        <h2 id={headingId}>{isFollowingOnly ? 'Topics you follow' : 'Latest topics'}</h2>
        <div role="group" aria-label="Which topics" className="segmented">
          <Button
            variant="secondary"
            className="segmented-button"
            aria-pressed={!isFollowingOnly}
            onClick={() => setIsFollowingOnly(false)}
          >
            All topics
          </Button>
          <Button
            variant="secondary"
            className="segmented-button"
            aria-pressed={isFollowingOnly}
            onClick={() => setIsFollowingOnly(true)}
          >
            Following
          </Button>
        </div>
      </div>
      <TopicListSection
        key={isFollowingOnly ? 'following' : 'all'}
        filter={{ isFollowing: isFollowingOnly }}
        label={isFollowingOnly ? 'Topics you follow' : 'Latest topics'}
        empty={
          isFollowingOnly ? (
            <NoTopics title="You are not following any topics yet">
              <p>Follow a topic from its page to hear when someone replies.</p>
            </NoTopics>
          ) : (
            <NoTopics title="No topics yet" action={<ButtonLink to="/community/new">Start the first topic</ButtonLink>}>
              <p>Be the first to say hello, ask something, or share a bit of your story.</p>
            </NoTopics>
          )
        }
      />
    </section>
  );
}
