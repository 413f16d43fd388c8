import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { JOURNAL_SEARCH_MAX_LENGTH, type JournalEntry } from '@kindred/common/recovery';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { TextField } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatMediumDay } from '../../lib/calendar-days.ts';
import { useCreateJournalEntry, useJournalEntries, useJournalToday } from './journal.api.ts';
import { JournalEntryForm } from './journal-entry-form.tsx';

/** The private journal: write an entry, search, and read earlier ones. */
export function JournalPage() {
  // The search lives in the page, not the address: a new address would move focus to the page title.
  const [search, setSearch] = useState('');
  return (
    <Page title="My journal" lead="Your journal is private: only you can see it. Not other members, not mentors.">
      <div className="stack">
        <NewEntry />
        <Entries search={search} onSearch={setSearch} />
      </div>
    </Page>
  );
}

function NewEntry() {
  const today = useJournalToday();
  const createEntry = useCreateJournalEntry();
  const showToast = useToast();
  return (
    <Card title="Write an entry">
      <JournalEntryForm
        // The form starts afresh when the server's today arrives.
        key={today}
        idPrefix="journal-new"
        initialValues={{ writtenOn: today, title: '', body: '' }}
        today={today}
        submitLabel="Save entry"
        isSaving={createEntry.isPending}
        shouldResetAfterSave
        onSave={(input, callbacks) =>
          createEntry.mutate(input, {
            onSuccess: () => {
              callbacks.onSuccess();
              showToast('Entry saved in your journal');
            },
            onError: callbacks.onError,
          })
        }
      />
    </Card>
  );
}

/** The first line of an entry, as a title when it has none. */
function firstLine(body: string): string {
  const line = body.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79).trimEnd()}…` : line;
}

function excerptOf(entry: JournalEntry): string {
  // Without a title the first line is already the heading: the excerpt goes on from there.
  const text = entry.title ? entry.body : entry.body.trim().split('\n').slice(1).join(' ');
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 159).trimEnd()}…` : flat;
}

function Entries({ search, onSearch }: { search: string; onSearch: (words: string) => void }) {
  const entries = useJournalEntries(search);
  const [draft, setDraft] = useState(search);
  const headingId = useId();
  const items = entries.data?.pages.flatMap((page) => page.entries) ?? [];

  const handleSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(draft.trim());
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        Your entries
      </h2>
      <form role="search" className="journal-search" onSubmit={handleSearch}>
        <TextField
          id="journal-search"
          type="search"
          label="Search your journal"
          maxLength={JOURNAL_SEARCH_MAX_LENGTH}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <div className="actions">
          <Button type="submit" variant="secondary">
            Search
          </Button>
          {search !== '' && (
            <Button
              variant="quiet"
              onClick={() => {
                setDraft('');
                onSearch('');
              }}
            >
              Show all entries
            </Button>
          )}
        </div>
      </form>

      <div aria-live="polite" className="journal-results-status">
        {search !== '' && entries.isSuccess && items.length > 0 && (
          <p>
            Entries matching “{search}”: {items.length}
            {entries.hasNextPage ? ' or more' : ''}
          </p>
        )}
        {search !== '' && entries.isSuccess && items.length === 0 && <p>No entries match “{search}”.</p>}
      </div>

      {entries.isPending ? (
        <Loading label="Loading your entries…" />
      ) : entries.isError ? (
        <Notice tone="error" title="We could not load your journal">
          <p>{toApiError(entries.error).message}</p>
          <Button variant="secondary" onClick={() => void entries.refetch()} isLoading={entries.isFetching}>
            Try again
          </Button>
        </Notice>
      ) : items.length === 0 ? (
        search === '' && (
          <EmptyState title="Nothing written yet" headingLevel={3}>
            <p>
              Writing things down can help: a hard moment, a small win, what you are grateful for. Your first entry can
              be a single line.
            </p>
          </EmptyState>
        )
      ) : (
        <>
          <ol className="journal-list">
            {items.map((entry) => (
              <li key={entry.id} className="journal-item">
                <h3 className="journal-item-title">
                  <Link to={`/recovery/journal/${encodeURIComponent(entry.id)}`}>
                    {entry.title ?? firstLine(entry.body)}
                  </Link>
                </h3>
                <p className="journal-item-date muted">
                  <time dateTime={entry.writtenOn}>{formatMediumDay(entry.writtenOn)}</time>
                </p>
                {excerptOf(entry) !== '' && <p className="journal-item-excerpt">{excerptOf(entry)}</p>}
              </li>
            ))}
          </ol>
          {entries.hasNextPage && (
            <Button
              variant="secondary"
              onClick={() => void entries.fetchNextPage()}
              isLoading={entries.isFetchingNextPage}
            >
              Load more entries
            </Button>
          )}
        </>
      )}
    </section>
  );
}
