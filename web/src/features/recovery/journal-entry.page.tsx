import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { JournalEntry } from '@kindred/common/recovery';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatLongDay } from '../../lib/calendar-days.ts';
import { useDeleteJournalEntry, useJournalEntry, useJournalToday, useUpdateJournalEntry } from './journal.api.ts';
import { JournalEntryForm } from './journal-entry-form.tsx';

/** One journal entry: read it, change it, or delete it. */
export function JournalEntryPage() {
  const { id = '' } = useParams();
  const entry = useJournalEntry(id);
  if (entry.isPending) return <Loading label="Loading your entry…" />;
  if (entry.isError) {
    const error = toApiError(entry.error);
    return (
      <Page title={error.code === 'not_found' ? 'We could not find this entry' : 'Journal entry'}>
        {error.code === 'not_found' ? (
          <p>It may have been deleted.</p>
        ) : (
          <Notice tone="error" title="We could not load this entry">
            <p>{error.message}</p>
          </Notice>
        )}
        <p>
          <Link to="/recovery/journal">Back to my journal</Link>
        </p>
      </Page>
    );
  }
  return <JournalEntryView entry={entry.data} />;
}

function JournalEntryView({ entry }: { entry: JournalEntry }) {
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const today = useJournalToday();
  const updateEntry = useUpdateJournalEntry(entry.id);
  const deleteEntry = useDeleteJournalEntry();
  const navigate = useNavigate();
  const showToast = useToast();
  const day = formatLongDay(entry.writtenOn);

  const editButtonRef = useRef<HTMLButtonElement>(null);
  const shouldReturnFocus = useRef(false);
  // Back to where the person started editing, once the button is on the page again.
  useEffect(() => {
    if (isEditing || !shouldReturnFocus.current) return;
    shouldReturnFocus.current = false;
    editButtonRef.current?.focus();
  }, [isEditing]);

  const stopEditing = () => {
    shouldReturnFocus.current = true;
    setIsEditing(false);
  };

  const confirmDelete = () =>
    deleteEntry.mutate(entry.id, {
      onSuccess: () => {
        setIsConfirmingDelete(false);
        showToast('Entry deleted');
        void navigate('/recovery/journal');
      },
    });

  return (
    <Page title={entry.title ?? day} documentTitle={entry.title ?? `Journal: ${day}`}>
      <p>
        <Link to="/recovery/journal">Back to my journal</Link>
      </p>
      <div className="stack">
        <Card>
          <p className="muted journal-entry-meta">
            <time dateTime={entry.writtenOn}>{day}</time>
            <span className="visually-hidden">. </span>
            <span className="journal-private"> · Only you can see this</span>
          </p>
          <div className="journal-body">{entry.body}</div>
          {!isEditing && (
            <div className="actions">
              <Button ref={editButtonRef} variant="secondary" onClick={() => setIsEditing(true)}>
                Edit<span className="visually-hidden"> this entry</span>
              </Button>
              <Button variant="quiet" onClick={() => setIsConfirmingDelete(true)}>
                Delete<span className="visually-hidden"> this entry</span>
              </Button>
            </div>
          )}
        </Card>

        {isEditing && (
          <Card title="Change this entry">
            <JournalEntryForm
              idPrefix="journal-edit"
              initialValues={{ writtenOn: entry.writtenOn, title: entry.title ?? '', body: entry.body }}
              today={entry.writtenOn > today ? entry.writtenOn : today}
              submitLabel="Save changes"
              isSaving={updateEntry.isPending}
              onSave={(input, callbacks) =>
                updateEntry.mutate(input, {
                  onSuccess: () => {
                    callbacks.onSuccess();
                    showToast('Entry saved');
                    stopEditing();
                  },
                  onError: callbacks.onError,
                })
              }
            >
              <Button variant="quiet" onClick={stopEditing}>
                Cancel
              </Button>
            </JournalEntryForm>
          </Card>
        )}
      </div>

      <ConfirmDialog
        isOpen={isConfirmingDelete}
        onClose={() => setIsConfirmingDelete(false)}
        title="Delete this entry?"
        confirmLabel="Delete entry"
        onConfirm={confirmDelete}
        isPending={deleteEntry.isPending}
        error={deleteEntry.error}
        errorTitle="We could not delete it"
      >
        <p>It will be gone for good: there is no way to bring it back.</p>
      </ConfirmDialog>
    </Page>
  );
}
