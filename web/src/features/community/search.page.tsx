/**
 * /community/search: search the forums by words, category, author and dates. The search lives in
 * the URL (q, category, author, from, to, sort), so results can be linked and Back works.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { SEARCH_QUERY_MAX_LENGTH, searchQuerySchema, type SearchResult } from '@kindred/common/community';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { RadioGroup, Select, TextField, type Option } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useCategories, useCommunitySearch } from './community.api.ts';
import { AuthorName, Highlighted, WarningChips, topicPagePath, warningListText } from './community-parts.tsx';

type SearchValues = {
  q: string;
  category: string;
  author: string;
  from: string;
  to: string;
  sort: 'relevant' | 'newest';
};
const fieldNames = ['q', 'category', 'author', 'from', 'to', 'sort'] as const;

function valuesFromParams(params: URLSearchParams): SearchValues {
  return {
    q: params.get('q') ?? '',
    category: params.get('category') ?? '',
    author: (params.get('author') ?? '').replace(/^@/, ''),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevant',
  };
}

/** The set values only, in a fixed order: the URL and the API query are the same words. */
function paramsFor(values: SearchValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of fieldNames) {
    const value = values[name].trim();
    if (value !== '' && !(name === 'sort' && value === 'relevant')) params.set(name, value);
  }
  return params;
}

type SearchLocationState = { shouldFocusResults?: boolean } | null;

export function CommunitySearchPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const values = valuesFromParams(searchParams);
  const apiQuery = values.q.trim() === '' ? '' : paramsFor(values).toString();

  const search = (next: SearchValues) => {
    const state: SearchLocationState = { shouldFocusResults: true };
    void navigate({ search: `?${paramsFor(next).toString()}` }, { state });
  };

  return (
    <Page title="Search the community" lead="Find topics, stories and replies.">
      <p className="back-link">
        <Link to="/community">
          <span aria-hidden="true">← </span>Community
        </Link>
      </p>
      {/* A new URL (a search, the back button) starts the form again from that URL. */}
      <SearchForm key={searchParams.toString()} initialValues={values} onSearch={search} />
      {apiQuery !== '' && <SearchResults apiQuery={apiQuery} words={values.q.trim()} />}
    </Page>
  );
}

const fieldLabels = {
  q: 'Search the forums',
  category: 'Category',
  author: 'Author',
  from: 'From',
  to: 'To',
  sort: 'Order',
} as const;

const sortOptions: Option[] = [
  { value: 'relevant', label: 'Best match first' },
  { value: 'newest', label: 'Newest first' },
];

function SearchForm({
  initialValues,
  onSearch,
}: {
  initialValues: SearchValues;
  onSearch: (values: SearchValues) => void;
}) {
  const [values, setValues] = useState(initialValues);
  const categories = useCategories();
  const form = useFormErrors('community-search', fieldLabels);
  const set = (name: keyof SearchValues, value: string) => setValues((previous) => ({ ...previous, [name]: value }));
  const hasFilters = Boolean(initialValues.category || initialValues.author || initialValues.from || initialValues.to);

  const categoryOptions: Option[] = [
    { value: '', label: 'Any category' },
    ...(categories.data ?? []).map((category) => ({ value: category.slug, label: category.name })),
  ];

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const cleaned = { ...values, author: values.author.trim().replace(/^@/, '') };
    const input = Object.fromEntries(paramsFor(cleaned).entries());
    if (!form.checkWith(searchQuerySchema, input)) return;
    if (cleaned.from !== '' && cleaned.to !== '' && cleaned.from > cleaned.to) {
      form.showErrors({ to: 'Choose a day on or after the “From” day.' });
      return;
    }
    onSearch(cleaned);
  };

  return (
    <>
      <ErrorSummary {...form.summary} />
      <form role="search" noValidate onSubmit={handleSubmit} className="community-search-form">
        <TextField
          id={form.fieldId('q')}
          type="search"
          label={fieldLabels.q}
          error={form.errorFor('q')}
          maxLength={SEARCH_QUERY_MAX_LENGTH}
          value={values.q}
          onChange={(event) => set('q', event.target.value)}
        />
        <details className="search-filters" open={hasFilters || undefined}>
          <summary>More ways to narrow it down</summary>
          <div className="search-filters-fields">
            <Select
              id={form.fieldId('category')}
              label="Category"
              error={form.errorFor('category')}
              options={categoryOptions}
              value={values.category}
              onChange={(event) => set('category', event.target.value)}
            />
            <TextField
              id={form.fieldId('author')}
              label="Author"
              isOptional
              hint="A member’s handle, like sam_recovers."
              error={form.errorFor('author')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={40}
              value={values.author}
              onChange={(event) => set('author', event.target.value)}
            />
            <div className="search-dates">
              <TextField
                id={form.fieldId('from')}
                type="date"
                label="From"
                isOptional
                error={form.errorFor('from')}
                value={values.from}
                onChange={(event) => set('from', event.target.value)}
              />
              <TextField
                id={form.fieldId('to')}
                type="date"
                label="To"
                isOptional
                error={form.errorFor('to')}
                value={values.to}
                onChange={(event) => set('to', event.target.value)}
              />
            </div>
            <RadioGroup
              id={form.fieldId('sort')}
              label="Order"
              options={sortOptions}
              value={values.sort}
              onChange={(sort) => set('sort', sort)}
            />
          </div>
        </details>
        <div className="actions">
          <Button type="submit">Search</Button>
        </div>
      </form>
    </>
  );
}

function SearchResults({ apiQuery, words }: { apiQuery: string; words: string }) {
  const results = useCommunitySearch(apiQuery);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const shouldFocusResults = (location.state as SearchLocationState)?.shouldFocusResults === true;

  // After a search, go to the results rather than the top of the page (after the page's own focus move).
  useEffect(() => {
    if (!shouldFocusResults) return;
    queueMicrotask(() => headingRef.current?.focus());
  }, [location.key, shouldFocusResults]);

  const items = results.data?.pages.flatMap((page) => page.results) ?? [];
  const count = items.length;

  return (
    <section className="search-results" aria-labelledby="community-search-results-heading">
      <h2 id="community-search-results-heading" ref={headingRef} tabIndex={-1}>
        {results.isSuccess
          ? count === 0
            ? `Nothing found for “${words}”`
            : `${count}${results.hasNextPage ? '+' : ''} ${count === 1 ? 'result' : 'results'} for “${words}”`
          : 'Results'}
      </h2>
      {results.isPending && <Loading label="Searching…" />}
      {results.isError && !results.isFetchNextPageError && (
        <Notice tone="error" title="The search did not work">
          <p>{toApiError(results.error).message}</p>
        </Notice>
      )}
      {results.isSuccess && count === 0 && (
        <EmptyState title="No posts match" headingLevel={3}>
          <p>Try other words, fewer of them, or fewer choices under “More ways to narrow it down”.</p>
        </EmptyState>
      )}
      {count > 0 && (
        <ol className="search-result-list">
          {items.map((result) => (
            <SearchResultItem key={result.postId} result={result} />
          ))}
        </ol>
      )}
      {results.hasNextPage && (
        <div className="actions feed-more">
          <Button
            variant="secondary"
            onClick={() => void results.fetchNextPage()}
            isLoading={results.isFetchingNextPage}
          >
            Load more
          </Button>
        </div>
      )}
      {results.isFetchNextPageError && (
        <p className="field-error" role="alert">
          More results could not be loaded. Please try again.
        </p>
      )}
    </section>
  );
}

function SearchResultItem({ result }: { result: SearchResult }) {
  const titleParts = result.titleParts.length > 0 ? result.titleParts : [{ text: result.topicTitle, isMatch: false }];
  return (
    <li className="search-result">
      <h3 className="search-result-title">
        <Link to={`${topicPagePath(result.topicId)}#post-${result.postNumber}`}>
          <Highlighted parts={titleParts} />
        </Link>
      </h3>
      {result.excerpt.length > 0 ? (
        <p className="search-result-excerpt">
          <Highlighted parts={result.excerpt} />
        </p>
      ) : (
        result.contentWarnings.length > 0 && (
          <p className="search-result-excerpt muted">
            This story is folded. It mentions: {warningListText(result.contentWarnings)}.
          </p>
        )
      )}
      <WarningChips warnings={result.contentWarnings} />
      <p className="search-result-meta">
        {result.category.name}
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        {result.postNumber > 1 ? 'a reply by ' : 'by '}
        <AuthorName author={result.author} />
        <span aria-hidden="true"> · </span>
        <span className="visually-hidden">, </span>
        <time dateTime={result.createdAt}>{formatDate(result.createdAt)}</time>
      </p>
    </li>
  );
}
