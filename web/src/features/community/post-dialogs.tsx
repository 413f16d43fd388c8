/**
 * The dialogs a post opens: report it, block its author, delete it, and for moderators hide or
 * unhide it (with a reason) and read its earlier versions. One of each per thread, not per post.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Post } from '@kindred/common/community';
import {
  MODERATION_REASON_MAX_LENGTH,
  REPORT_NOTE_MAX_LENGTH,
  moderationReasonInputSchema,
  reportReasonLabels,
  reportReasons,
  type ReportReason,
} from '@kindred/common/moderation';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { RadioGroup, TextArea, type Option } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useBlockMember, useDeletePost, usePostRevisions, useReportPost, useSetPostHidden } from './community.api.ts';
import { authorName } from './community-parts.tsx';

export type PostDialogKind = 'report' | 'block' | 'delete' | 'hide' | 'unhide' | 'history';
export type PostDialogState = { kind: PostDialogKind; post: Post } | null;

/** The thread's dialogs; `dialog` says which one is open, for which post. */
export function PostDialogs({ dialog, onClose }: { dialog: PostDialogState; onClose: () => void }) {
  const post = dialog?.post ?? null;
  const isOpen = (kind: PostDialogKind) => dialog?.kind === kind;
  return (
    <>
      <Dialog isOpen={isOpen('report')} onClose={onClose} title="Report this post">
        {post && <ReportForm post={post} onClose={onClose} />}
      </Dialog>
      <BlockDialog post={isOpen('block') ? post : null} onClose={onClose} />
      <DeleteDialog post={isOpen('delete') ? post : null} onClose={onClose} />
      <HideDialog
        post={isOpen('hide') || isOpen('unhide') ? post : null}
        isHiding={!isOpen('unhide')}
        onClose={onClose}
      />
      <Dialog isOpen={isOpen('history')} onClose={onClose} title="Edit history">
        {post && <Revisions post={post} />}
      </Dialog>
    </>
  );
}

/* ----------------------------------------------------------------- report */

const reportFieldLabels = { reason: 'What is wrong?', note: 'Anything else the moderators should know?' } as const;
const reasonOptions: Option[] = reportReasons.map((reason) => ({ value: reason, label: reportReasonLabels[reason] }));

function ReportForm({ post, onClose }: { post: Post; onClose: () => void }) {
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [note, setNote] = useState('');
  const report = useReportPost();
  const form = useFormErrors(`report-${post.id}`, reportFieldLabels);
  const thanksRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (report.isSuccess) thanksRef.current?.focus();
  }, [report.isSuccess]);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (report.isPending) return;
    if (reason === '') {
      form.showErrors({ reason: 'Choose what is wrong with this post.' });
      return;
    }
    report.mutate(
      { subjectKind: 'post', subjectId: post.id, reason, note: note.trim() === '' ? undefined : note },
      { onError: form.showApiError },
    );
  };

  if (report.isSuccess) {
    return (
      <div ref={thanksRef} tabIndex={-1} className="stack">
        <Notice title="Thank you for telling us">
          <p>{report.data.message}</p>
        </Notice>
        <div className="actions">
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    );
  }

  return (
    <>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit}>
        <p>The moderators will look at it. {authorName(post.author)} is not told who reported it.</p>
        <RadioGroup
          id={form.fieldId('reason')}
          label={reportFieldLabels.reason}
          error={form.errorFor('reason')}
          options={reasonOptions}
          value={reason}
          onChange={(value) => setReason(value as ReportReason)}
        />
        {reason === 'crisis' && (
          <Notice title="If someone is in danger right now">
            <p>
              Please also call your local emergency number. <a href="/help">See crisis lines</a>.
            </p>
          </Notice>
        )}
        <TextArea
          id={form.fieldId('note')}
          label={reportFieldLabels.note}
          isOptional
          error={form.errorFor('note')}
          maxLength={REPORT_NOTE_MAX_LENGTH}
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <div className="actions">
          <Button type="submit" isLoading={report.isPending}>
            Send report
          </Button>
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}

/* ----------------------------------------------------------------- block */

function BlockDialog({ post, onClose }: { post: Post | null; onClose: () => void }) {
  const block = useBlockMember();
  const showToast = useToast();
  const handle = post?.author.handle ?? '';

  const close = () => {
    block.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      isOpen={post !== null}
      onClose={close}
      title={`Block @${handle}?`}
      confirmLabel={`Block @${handle}`}
      cancelLabel="Do not block"
      onConfirm={() =>
        block.mutate(handle, {
          onSuccess: () => {
            close();
            showToast(`You blocked @${handle}. You will not see their posts any more.`);
          },
        })
      }
      isPending={block.isPending}
      error={block.error}
      errorTitle="We could not block them"
    >
      <p>
        You will no longer see posts or replies by @{handle}, and they will not be able to send you messages or mention
        you.
      </p>
      <p>Blocking is silent: @{handle} is not told. You can unblock them later.</p>
      <p>If they are breaking the community’s rules or someone may be in danger, please report the post too.</p>
    </ConfirmDialog>
  );
}

/* ----------------------------------------------------------------- delete */

function DeleteDialog({ post, onClose }: { post: Post | null; onClose: () => void }) {
  const deletePost = useDeletePost();
  const showToast = useToast();
  const close = () => {
    deletePost.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      isOpen={post !== null}
      onClose={close}
      title="Delete this post?"
      confirmLabel="Delete post"
      onConfirm={() => {
        if (!post) return;
        deletePost.mutate(post, {
          onSuccess: () => {
            close();
            showToast('Post deleted');
          },
        });
      }}
      isPending={deletePost.isPending}
      error={deletePost.error}
      errorTitle="We could not delete it"
    >
      <p>Its words will be gone for good. The topic will show “This post was deleted.” in its place.</p>
    </ConfirmDialog>
  );
}

/* ----------------------------------------------------------------- moderators: a reason */

const reasonFieldLabels = { reason: 'Reason' } as const;

type ReasonDialogProps = {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  /** What will happen, in a sentence or two. */
  description: ReactNode;
  confirmLabel: string;
  isPending: boolean;
  /** Sends the reason; calls back with the error to show, or with nothing after success. */
  onConfirm: (reason: string, callbacks: { onError: (error: unknown) => void }) => void;
  /** More fields above the reason (where to move a topic). */
  children?: ReactNode;
  idPrefix: string;
};

/** A moderator's action with the reason it goes into the log with. */
export function ReasonDialog({ isOpen, onClose, title, ...formProps }: ReasonDialogProps) {
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={title}>
      <ReasonForm {...formProps} onClose={onClose} />
    </Dialog>
  );
}

function ReasonForm({
  description,
  confirmLabel,
  isPending,
  onConfirm,
  onClose,
  children,
  idPrefix,
}: Omit<ReasonDialogProps, 'isOpen' | 'title'>) {
  const [reason, setReason] = useState('');
  const form = useFormErrors(idPrefix, reasonFieldLabels);
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isPending) return;
    if (!form.checkWith(moderationReasonInputSchema, { reason })) return;
    onConfirm(reason, { onError: form.showApiError });
  };
  return (
    <>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit}>
        <div className="dialog-description">{description}</div>
        {children}
        <TextArea
          id={form.fieldId('reason')}
          label="Reason"
          hint="Kept in the moderation log, so other moderators know why."
          error={form.errorFor('reason')}
          maxLength={MODERATION_REASON_MAX_LENGTH}
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          data-autofocus
        />
        <div className="actions">
          <Button type="submit" isLoading={isPending}>
            {confirmLabel}
          </Button>
          <Button variant="quiet" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}

function HideDialog({ post, isHiding, onClose }: { post: Post | null; isHiding: boolean; onClose: () => void }) {
  const setHidden = useSetPostHidden();
  const showToast = useToast();
  const close = () => {
    setHidden.reset();
    onClose();
  };
  return (
    <ReasonDialog
      isOpen={post !== null}
      onClose={close}
      idPrefix="hide-post"
      title={isHiding ? 'Hide this post' : 'Show this post again'}
      description={
        isHiding ? (
          <p>Members will see “Hidden by moderators” in its place. Moderators can still read it.</p>
        ) : (
          <p>Members will see this post again.</p>
        )
      }
      confirmLabel={isHiding ? 'Hide post' : 'Unhide post'}
      isPending={setHidden.isPending}
      onConfirm={(reason, callbacks) => {
        if (!post) return;
        setHidden.mutate(
          { post, isHidden: isHiding, reason },
          {
            onSuccess: () => {
              close();
              showToast(isHiding ? 'Post hidden' : 'Post shown again');
            },
            onError: callbacks.onError,
          },
        );
      }}
    />
  );
}

/* ----------------------------------------------------------------- moderators: earlier versions */

function Revisions({ post }: { post: Post }) {
  const revisions = usePostRevisions(post.id);
  if (revisions.isPending) return <Loading label="Loading earlier versions…" />;
  if (revisions.isError) {
    return (
      <Notice tone="error" title="We could not load the history">
        <p>{toApiError(revisions.error).message}</p>
      </Notice>
    );
  }
  return (
    <div className="revisions">
      <h3 className="revision-heading">Now</h3>
      <pre className="revision-text">{revisions.data.currentMarkdown}</pre>
      {revisions.data.revisions.length === 0 ? (
        <p className="muted">No earlier versions were kept.</p>
      ) : (
        <ol className="revision-list" aria-label="Earlier versions, newest first">
          {revisions.data.revisions.map((revision) => (
            <li key={revision.replacedAt}>
              <h3 className="revision-heading">
                Until {formatDateTime(revision.replacedAt)}
                {revision.editorHandle && <span className="muted"> (changed by @{revision.editorHandle})</span>}
              </h3>
              {revision.title !== null && (
                <p>
                  <strong>Title:</strong> {revision.title}
                </p>
              )}
              <pre className="revision-text">{revision.bodyMarkdown}</pre>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
