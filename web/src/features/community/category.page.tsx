/** /community/c/:slug: one category's topics, pinned first. */
import { Link, useParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { useCategories } from './community.api.ts';
import { NoTopics, TopicListSection } from './topic-list.tsx';

export function CategoryPage() {
  const { slug = '' } = useParams();
  const categories = useCategories();
  if (categories.isPending) return <Loading label="Loading the category…" />;
  if (categories.isError) {
    return (
      <Page title="Community">
        <Notice tone="error" title="We could not load this category">
          <p>{toApiError(categories.error).message}</p>
        </Notice>
        <BackToCommunity />
      </Page>
    );
  }
  const category = categories.data.find((each) => each.slug === slug);
  if (!category) {
    return (
      <Page title="We could not find that category">
        <p>It may have been renamed, or the address may be mistyped.</p>
        <BackToCommunity />
      </Page>
    );
  }
  const newTopicPath = `/community/new?${new URLSearchParams({ category: category.id }).toString()}`;
  return (
    <Page title={category.name} lead={category.description}>
      <BackToCommunity />
      <div className="community-toolbar">
        <ButtonLink to={newTopicPath}>New topic</ButtonLink>
      </div>
      <section aria-labelledby="category-topics-heading">
        <h2 id="category-topics-heading" className="visually-hidden">
          Topics
        </h2>
        <TopicListSection
          key={category.slug}
          filter={{ category: category.slug }}
          isCategoryShown={false}
          label={`Topics in ${category.name}`}
          empty={
            <NoTopics title="No topics here yet" action={<ButtonLink to={newTopicPath}>Start a topic</ButtonLink>}>
              <p>Start the conversation: a question, a thought, or a bit of your story.</p>
            </NoTopics>
          }
        />
      </section>
    </Page>
  );
}

function BackToCommunity() {
  return (
    <p className="back-link">
      <Link to="/community">
        <span aria-hidden="true">← </span>Community
      </Link>
    </p>
  );
}
