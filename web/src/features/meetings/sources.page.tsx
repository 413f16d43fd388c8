/** /admin/meetings: where the meeting list comes from. Add sources, import feeds or upload files, see what each import did. */
import { useEffect, useId, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import { Link } from 'react-router';
import { MAX_UPLOAD_BYTES, meetingSourceKindLabels, type MeetingSource } from '@kindred/common/meetings';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { useMe } from '../../lib/me.ts';
import {
  canKeepMeetingList,
  useAddMeetingSource,
  useImportMeetingSource,
  useMeetingSources,
  useRemoveMeetingSource,
  useUpdateMeetingSource,
} from './sources.api.ts';
import { ChangeRequestsSection, HandMeetingsSection } from './hand-meetings-sections.tsx';
import { refreshInWords, SourceForm } from './sources-form.tsx';
import { ImportReportDetails, reportSummary } from './sources-report.tsx';

const pageLead =
  'Where the meeting list comes from: feeds and files you import, and meetings you enter here. Requests for changes come here too.';

export function MeetingSourcesPage() {
  const me = useMe();
  const canUse = canKeepMeetingList(me.data?.role);
  if (me.isPending) return <Loading />;
  if (!canUse) {
    return (
      <Page title="Meeting sources">
        <Notice title="This page is for the people who keep the meeting list">
          <p>If you help keep your area’s meetings up to date, ask an admin of this site to give you that role.</p>
          <p>
            <Link to="/meetings">Find a meeting</Link>
          </p>
        </Notice>
      </Page>
    );
  }
  return (
    <Page title="Meeting sources" lead={pageLead}>
      <div className="stack">
        <ChangeRequestsSection />
        <SourceList />
        <AddSourceCard />
        <HandMeetingsSection />
      </div>
    </Page>
  );
}

function SourceList() {
  const sources = useMeetingSources();
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (sources.isPending) return <Loading label="Loading the sources…" />;
  if (sources.isError) {
    return (
      <Notice tone="error" title="The sources could not be loaded">
        <p>{toApiError(sources.error).message}</p>
      </Notice>
    );
  }
  return (
    <section aria-labelledby="sources-heading" className="stack">
      <h2 id="sources-heading" ref={headingRef} tabIndex={-1}>
        {sources.data.length === 0
          ? 'Sources'
          : `${sources.data.length} ${sources.data.length === 1 ? 'source' : 'sources'}`}
      </h2>
      {sources.data.length === 0 ? (
        <EmptyState title="No sources yet" headingLevel={3}>
          <p>Add a source below: a Meeting Guide feed, a 12 Step Meeting List spreadsheet or a BMLT server.</p>
        </EmptyState>
      ) : (
        sources.data.map((source) => <SourceCard key={source.id} source={source} listHeadingRef={headingRef} />)
      )}
    </section>
  );
}

function SourceCard({
  source,
  listHeadingRef,
}: {
  source: MeetingSource;
  listHeadingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const [isEditing, setIsEditing] = useState(false);
  const [isRemoving, setIsRemoving] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const update = useUpdateMeetingSource(source.id);
  const showToast = useToast();

  const stopEditing = () => {
    setIsEditing(false);
    // The form is gone: put focus back on the button that opened it.
    window.setTimeout(() => editButtonRef.current?.focus());
  };

  return (
    <Card title={source.name}>
      <div className="stack">
        {isEditing ? (
          <SourceForm
            source={source}
            idPrefix={`source-${source.id}`}
            submitLabel="Save changes"
            isSaving={update.isPending}
            onSave={async (input) => {
              await update.mutateAsync(input);
              showToast('Changes saved.');
              stopEditing();
            }}
          >
            <Button variant="secondary" onClick={stopEditing}>
              Cancel
            </Button>
          </SourceForm>
        ) : (
          <SourceFacts source={source} />
        )}
        {source.lastError && (
          <Notice tone="error" title="The last refresh did not work">
            <p>{source.lastError}</p>
          </Notice>
        )}
        {!isEditing && <ImportControls source={source} />}
        {!isEditing && (
          <div className="actions">
            <Button ref={editButtonRef} variant="secondary" onClick={() => setIsEditing(true)}>
              Edit<span className="visually-hidden"> {source.name}</span>
            </Button>
            <Button variant="danger" onClick={() => setIsRemoving(true)}>
              Remove<span className="visually-hidden"> {source.name}</span>
            </Button>
          </div>
        )}
      </div>
      <RemoveSourceDialog
        source={source}
        isOpen={isRemoving}
        onClose={() => setIsRemoving(false)}
        onRemoved={() => listHeadingRef.current?.focus()}
      />
    </Card>
  );
}

function SourceFacts({ source }: { source: MeetingSource }) {
  return (
    <>
      <dl className="profile-facts">
        <div>
          <dt>Kind</dt>
          <dd>{meetingSourceKindLabels[source.kind]}</dd>
        </div>
        <div>
          <dt>Fellowship</dt>
          <dd>{source.program ?? 'Not set'}</dd>
        </div>
        <div>
          <dt>Comes from</dt>
          <dd style={{ overflowWrap: 'anywhere' }}>{source.url ?? 'Uploaded file'}</dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>{source.defaultTimeZone.replaceAll('_', ' ')}</dd>
        </div>
        <div>
          <dt>Refresh</dt>
          <dd>{source.url ? refreshInWords(source.refreshIntervalMinutes) : 'When you upload a file'}</dd>
        </div>
        <div>
          <dt>Meetings</dt>
          <dd>{source.meetingCount}</dd>
        </div>
      </dl>
      {source.lastImportedAt && source.lastReport ? (
        <p>
          Last import <time dateTime={source.lastImportedAt}>{formatDateTime(source.lastImportedAt)}</time>:{' '}
          {reportSummary(source.lastReport)}
        </p>
      ) : (
        <p className="muted">Not imported yet.</p>
      )}
    </>
  );
}

/** "Import now" (from the web address) and "Upload a file", then what the import did. */
function ImportControls({ source }: { source: MeetingSource }) {
  const importSource = useImportMeetingSource(source.id);
  const [fileError, setFileError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const fileInputId = useId();
  const reportHeadingId = useId();
  const showToast = useToast();

  // When an import ends, move focus to what it did so it is read out.
  const [resultCount, setResultCount] = useState(0);
  useEffect(() => {
    if (resultCount > 0) resultRef.current?.focus();
  }, [resultCount]);
  const showFileError = (message: string) => {
    setFileError(message);
    setResultCount((count) => count + 1);
  };

  const runImport = (text?: string) => {
    setFileError(null);
    importSource.mutate(text, {
      onSuccess: ({ report }) => showToast(`Import finished: ${reportSummary(report)}.`),
      onSettled: () => setResultCount((count) => count + 1),
    });
  };

  const handleFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (file.size > MAX_UPLOAD_BYTES) {
        showFileError('A file can be at most 10 MB.');
        return;
      }
      runImport(await file.text());
    } catch {
      showFileError('That file could not be read. Please choose it again.');
    } finally {
      // Choosing the same file again (after fixing it) imports it again.
      input.value = '';
    }
  };

  const error = fileError ?? (importSource.isError ? toApiError(importSource.error).message : null);

  return (
    <div className="stack">
      {source.url && (
        <p>
          <Button variant="secondary" isLoading={importSource.isPending} onClick={() => runImport()}>
            Import now<span className="visually-hidden"> from {source.name}’s web address</span>
          </Button>
        </p>
      )}
      <div className="field">
        <label htmlFor={fileInputId} className="field-label">
          Upload a file<span className="visually-hidden"> for {source.name}</span>
        </label>
        <div id={`${fileInputId}-hint`} className="field-hint">
          {source.kind === 'bmlt'
            ? 'A BMLT answer saved as JSON. Up to 10 MB.'
            : 'A Meeting Guide JSON file or a 12 Step Meeting List spreadsheet saved as CSV. Up to 10 MB.'}{' '}
          Meetings no longer in the file are removed from the finder.
        </div>
        <input
          id={fileInputId}
          type="file"
          className="input"
          accept=".json,.csv,application/json,text/csv"
          aria-describedby={`${fileInputId}-hint`}
          disabled={importSource.isPending}
          onChange={(event) => void handleFile(event)}
        />
      </div>
      {importSource.isPending && <Loading label="Importing… a large file can take a minute." />}
      <div ref={resultRef} tabIndex={-1}>
        {error ? (
          <Notice tone="error" title="The import did not work">
            <p>{error}</p>
          </Notice>
        ) : importSource.isSuccess ? (
          <Notice title="Import finished">
            <p>{reportSummary(importSource.data.report)}</p>
            <ImportReportDetails report={importSource.data.report} headingId={reportHeadingId} />
          </Notice>
        ) : source.lastReport && source.lastReport.rejected.length > 0 ? (
          <details>
            <summary>Show the rows the last import left out</summary>
            <ImportReportDetails report={source.lastReport} headingId={reportHeadingId} />
          </details>
        ) : null}
      </div>
    </div>
  );
}

function RemoveSourceDialog({
  source,
  isOpen,
  onClose,
  onRemoved,
}: {
  source: MeetingSource;
  isOpen: boolean;
  onClose: () => void;
  onRemoved: () => void;
}) {
  const remove = useRemoveMeetingSource(source.id);
  const showToast = useToast();
  const count = source.meetingCount;
  return (
    <ConfirmDialog
      isOpen={isOpen}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      title={`Remove “${source.name}”?`}
      confirmLabel="Remove the source and its meetings"
      isPending={remove.isPending}
      error={remove.error}
      errorTitle="The source could not be removed"
      onConfirm={() =>
        remove.mutate(undefined, {
          onSuccess: () => {
            showToast(`“${source.name}” and its meetings were removed.`);
            onRemoved();
          },
        })
      }
    >
      <p>
        {count === 0
          ? 'This removes the source.'
          : `This removes the source and its ${count} ${count === 1 ? 'meeting' : 'meetings'}: people will no longer find ${count === 1 ? 'it' : 'them'}.`}{' '}
        This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}

function AddSourceCard() {
  const add = useAddMeetingSource();
  const showToast = useToast();
  // A new key empties the form after each source is added.
  const [formKey, setFormKey] = useState(0);
  return (
    <Card title="Add a source">
      <SourceForm
        key={formKey}
        idPrefix="new-source"
        submitLabel="Add the source"
        isSaving={add.isPending}
        onSave={async (input) => {
          const source = await add.mutateAsync(input);
          showToast(
            source.url
              ? `“${source.name}” was added. Choose “Import now” to read its meetings.`
              : `“${source.name}” was added. Upload its file to bring in its meetings.`,
          );
          setFormKey((key) => key + 1);
        }}
      />
    </Card>
  );
}
