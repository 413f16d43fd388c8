/**
 * /meetings: find a meeting. Public (no sign-in needed). The filters live in the URL; the list is
 * always there, and the map (Leaflet, loaded only when opened) sits above it on request.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { MeetingSummary } from '@kindred/common/meetings';
import { Button } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { FinderForm } from './finder-form.tsx';
import { filtersFromParams, hasAnyFilter, searchParamsFor, urlParamsFor, type FinderFilters } from './finder-params.ts';
import { MeetingResult } from './meeting-parts.tsx';
import { useFinderSettings, useMeetingSearch } from './meetings.api.ts';

const MeetingsMap = lazy(() => import('./meetings-map.tsx'));

type FinderLocationState = { shouldFocusResults?: boolean } | null;

export function MeetingsFinderPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = filtersFromParams(searchParams);
  const isMapShown = searchParams.get('view') === 'map';
  const apiQuery = searchParamsFor(filters).toString();

  const search = (next: FinderFilters) => {
    const state: FinderLocationState = { shouldFocusResults: true };
    void navigate({ search: `?${urlParamsFor(next, { isMapShown }).toString()}` }, { state });
  };

  const toggleMap = () =>
    setSearchParams(urlParamsFor(filters, { isMapShown: !isMapShown }), {
      replace: true,
      preventScrollReset: true,
    });

  return (
    <Page title="Find a meeting" lead="Meetings near you, online, or starting soon. No account needed." width="wide">
      {/* React puts this in the document head: feed readers and other finders discover the feed. */}
      <link rel="alternate" type="application/json" title="Meetings Feed" href="/api/meetings/feed.json" />
      <div className="finder">
        {/* A new URL (a search, the back button) starts the form again from that URL. */}
        <FinderForm key={searchParams.toString()} initialFilters={filters} onSearch={search} />
        <FinderResults apiQuery={apiQuery} filters={filters} isMapShown={isMapShown} onToggleMap={toggleMap} />
      </div>
    </Page>
  );
}

/** What the list is ordered by, in words. */
function orderNote(filters: FinderFilters): string {
  if (filters.near) return `Nearest first, within ${filters.radius} ${filters.unit} of ${filters.near.label}.`;
  if (filters.now === 'starting_soon') return 'Soonest first.';
  if (filters.now === 'in_progress') return 'Meetings happening right now.';
  return 'By day and time.';
}

function FinderResults({
  apiQuery,
  filters,
  isMapShown,
  onToggleMap,
}: {
  apiQuery: string;
  filters: FinderFilters;
  isMapShown: boolean;
  onToggleMap: () => void;
}) {
  const results = useMeetingSearch(apiQuery);
  const settings = useFinderSettings(isMapShown);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const shouldFocusResults = (location.state as FinderLocationState)?.shouldFocusResults === true;

  // After a search, go to the results rather than the top of the page. The page moves focus to its
  // heading in its own effect, which runs after this one: wait for the end of this round of effects.
  useEffect(() => {
    if (!shouldFocusResults) return;
    queueMicrotask(() => headingRef.current?.focus());
  }, [location.key, shouldFocusResults]);

  const meetings: MeetingSummary[] = results.data?.pages.flatMap((page) => page.meetings) ?? [];
  const count = meetings.length;

  return (
    <section className="finder-results" aria-labelledby="finder-results-heading">
      <div className="finder-results-header">
        <h2 id="finder-results-heading" ref={headingRef} tabIndex={-1} className="finder-results-heading">
          {results.isSuccess
            ? count === 0
              ? 'No meetings found'
              : `${count}${results.hasNextPage ? '+' : ''} ${count === 1 ? 'meeting' : 'meetings'}`
            : 'Meetings'}
        </h2>
        <Button
          variant="secondary"
          onClick={onToggleMap}
          aria-expanded={isMapShown}
          aria-controls="finder-map"
          className="finder-map-toggle"
        >
          {isMapShown ? 'Hide the map' : 'Show on a map'}
        </Button>
      </div>
      {results.isSuccess && count > 0 && <p className="finder-results-order">{orderNote(filters)}</p>}

      <div id="finder-map">
        {isMapShown &&
          (settings.isError ? (
            <Notice title="The map is not available right now">
              <p>Every meeting is in the list below.</p>
            </Notice>
          ) : settings.isSuccess ? (
            <Suspense fallback={<Loading label="Loading the map…" />}>
              <MeetingsMap
                meetings={meetings}
                settings={settings.data}
                center={filters.near ? { latitude: filters.near.latitude, longitude: filters.near.longitude } : null}
              />
            </Suspense>
          ) : (
            <Loading label="Loading the map…" />
          ))}
      </div>

      {results.isPending && <Loading label="Finding meetings…" />}
      {results.isError && !results.isFetchNextPageError && (
        <Notice tone="error" title="Meetings could not be loaded">
          <p>{toApiError(results.error).message}</p>
          <Button variant="secondary" onClick={() => void results.refetch()} isLoading={results.isFetching}>
            Try again
          </Button>
        </Notice>
      )}
      {results.isSuccess && count === 0 && (
        <EmptyState title="Nothing matches all of your choices" headingLevel={3}>
          <p>
            {hasAnyFilter(filters)
              ? 'Try fewer choices, a wider distance, or online meetings, which anyone can join from anywhere.'
              : 'No meetings have been added to this site yet.'}
          </p>
        </EmptyState>
      )}
      {count > 0 && (
        <ol className="meeting-results" aria-label="Meetings found">
          {meetings.map((meeting) => (
            <MeetingResult key={meeting.slug} meeting={meeting} />
          ))}
        </ol>
      )}
      {results.hasNextPage && (
        <div className="finder-more-results">
          <Button
            variant="secondary"
            onClick={() => void results.fetchNextPage()}
            isLoading={results.isFetchingNextPage}
          >
            Load more meetings
          </Button>
        </div>
      )}
      {results.isFetchNextPageError && (
        <p className="field-error" role="alert">
          More meetings could not be loaded. Please try again.
        </p>
      )}
    </section>
  );
}
