/**
 * What a moderator can do from a queue item: hide or unhide the post, lock or unlock its topic,
 * warn, suspend or unsuspend the member, and resolve the item. Every action asks why, in a dialog,
 * and says what happened in a toast.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import {
  MODERATION_REASON_MAX_LENGTH,
  moderationReasonInputSchema,
  resolveItemInputSchema,
  suspendMemberInputSchema,
  topicModerationInputSchema,
  warnMemberInputSchema,
  type ModerationItem,
} from '@kindred/common/moderation';
import { Button, type ButtonVariant } from '../../components/button.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { RadioGroup, TextArea, TextField } from '../../components/fields.tsx';
import { useToast } from '../../components/toast.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import {
  useHidePost,
  useLockTopic,
  useResolveItem,
  useSuspendMember,
  useUnsuspendMember,
  useWarnMember,
} from './moderation.api.ts';

type Action = 'hide' | 'unhide' | 'lock' | 'unlock' | 'warn' | 'suspend' | 'unsuspend' | 'resolve';

/** True while the member's suspension has not ended. */
export const isSuspendedNow = (until: string | null, now = Date.now()) =>
  until !== null && new Date(until).getTime() > now;

type ModerationActionsProps = {
  item: ModerationItem;
  /** After the item is resolved (it leaves the open queue): where focus goes. */
  onResolved: () => void;
};

export function ModerationActions({ item, onResolved }: ModerationActionsProps) {
  const [action, setAction] = useState<Action | null>(null);
  const wasResolved = useRef(false);
  const postGroupId = useId();
  const memberGroupId = useId();
  const { subject } = item;
  const handle = subject.memberHandle;
  const isPost = subject.kind === 'post';
  const canHide = isPost && !subject.isDeleted;
  const isSuspended = isSuspendedNow(subject.memberSuspendedUntil);

  const close = () => {
    setAction(null);
    if (wasResolved.current) {
      wasResolved.current = false;
      // After the dialog has given focus back to "Resolve", which is about to leave the open queue.
      window.setTimeout(onResolved);
    }
  };
  const done = () => setAction(null);

  return (
    <div className="moderation-actions">
      {isPost && (canHide || subject.topic) && (
        <div className="moderation-action-group">
          <p id={postGroupId} className="moderation-action-label">
            {subject.topic ? 'The post and its topic' : 'The post'}
          </p>
          <div role="group" aria-labelledby={postGroupId} className="actions">
            {canHide &&
              (subject.isHidden ? (
                <Button variant="secondary" onClick={() => setAction('unhide')}>
                  Unhide
                </Button>
              ) : (
                <Button variant="secondary" onClick={() => setAction('hide')}>
                  Hide
                </Button>
              ))}
            {subject.topic &&
              (subject.topic.isLocked ? (
                <Button variant="secondary" onClick={() => setAction('unlock')}>
                  Unlock topic
                </Button>
              ) : (
                <Button variant="secondary" onClick={() => setAction('lock')}>
                  Lock topic
                </Button>
              ))}
          </div>
        </div>
      )}
      {handle !== null && (
        <div className="moderation-action-group">
          <p id={memberGroupId} className="moderation-action-label">
            The member, @{handle}
          </p>
          <div role="group" aria-labelledby={memberGroupId} className="actions">
            <Button variant="secondary" onClick={() => setAction('warn')}>
              Warn
            </Button>
            {isSuspended ? (
              <Button variant="secondary" onClick={() => setAction('unsuspend')}>
                Unsuspend
              </Button>
            ) : (
              <Button variant="secondary" onClick={() => setAction('suspend')}>
                Suspend
              </Button>
            )}
          </div>
        </div>
      )}
      {item.resolvedAt === null && (
        <div className="actions">
          <Button onClick={() => setAction('resolve')}>Resolve</Button>
        </div>
      )}
      <Dialog isOpen={action !== null} onClose={close} title={action ? dialogTitle(action, item) : ''}>
        {action && (
          <ActionForm
            action={action}
            item={item}
            onDone={done}
            onResolved={() => {
              wasResolved.current = true;
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

function dialogTitle(action: Action, item: ModerationItem): string {
  const handle = item.subject.memberHandle ?? 'this member';
  switch (action) {
    case 'hide':
      return 'Hide this post';
    case 'unhide':
      return 'Unhide this post';
    case 'lock':
      return 'Lock this topic';
    case 'unlock':
      return 'Unlock this topic';
    case 'warn':
      return `Warn @${handle}`;
    case 'suspend':
      return `Suspend @${handle}`;
    case 'unsuspend':
      return `End @${handle}’s suspension`;
    case 'resolve':
      return 'Resolve this item';
  }
}

const reasonHint = 'Other moderators see this in the moderation log.';

function ActionForm({
  action,
  item,
  onDone,
  onResolved,
}: {
  action: Action;
  item: ModerationItem;
  onDone: () => void;
  onResolved: () => void;
}) {
  const { subject } = item;
  const handle = subject.memberHandle ?? '';
  const topicTitle = subject.topic?.title ?? '';
  const topicId = subject.topic?.id ?? '';
  switch (action) {
    case 'hide':
    case 'unhide':
      return <HidePostForm postId={subject.id} isHidden={action === 'hide'} onDone={onDone} />;
    case 'lock':
    case 'unlock':
      return <LockTopicForm topicId={topicId} topicTitle={topicTitle} isLocked={action === 'lock'} onDone={onDone} />;
    case 'warn':
      return <WarnForm handle={handle} onDone={onDone} />;
    case 'suspend':
      return <SuspendForm handle={handle} onDone={onDone} />;
    case 'unsuspend':
      return <UnsuspendForm handle={handle} onDone={onDone} />;
    case 'resolve':
      return (
        <ResolveForm
          itemId={item.id}
          onDone={() => {
            onResolved();
            onDone();
          }}
        />
      );
  }
}

/* ------------------------------------------------------------ one form, many actions */

type TextSpec = { label: string; hint?: string; rows?: number };

type TextActionFormProps<Name extends string> = {
  idPrefix: string;
  /** The fields, in order, with the words of their labels. */
  labels: Readonly<Record<Name, string>>;
  specs: Readonly<Record<Name, TextSpec>>;
  schema: z.ZodType;
  /** Values the schema needs that are not fields (e.g. isLocked). */
  extra?: Record<string, unknown>;
  intro: ReactNode;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  isSaving: boolean;
  onSave: (values: Record<Name, string>) => Promise<unknown>;
  onCancel: () => void;
};

/** Text fields (a reason, a message…), validated with the shared schema, and the action's button. */
function TextActionForm<Name extends string>({
  idPrefix,
  labels,
  specs,
  schema,
  extra,
  intro,
  submitLabel,
  submitVariant = 'primary',
  isSaving,
  onSave,
  onCancel,
}: TextActionFormProps<Name>) {
  const names = Object.keys(labels) as Name[];
  const [values, setValues] = useState(
    () => Object.fromEntries(names.map((name) => [name, ''])) as Record<Name, string>,
  );
  const form = useFormErrors(idPrefix, labels);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    if (!form.checkWith(schema, { ...values, ...extra })) return;
    onSave(values).catch(form.showApiError);
  };

  return (
    <>
      <div className="moderation-dialog-intro">{intro}</div>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit}>
        {names.map((name, index) => (
          <TextArea
            key={name}
            id={form.fieldId(name)}
            label={specs[name].label}
            hint={specs[name].hint}
            error={form.errorFor(name)}
            maxLength={MODERATION_REASON_MAX_LENGTH}
            rows={specs[name].rows ?? 3}
            value={values[name]}
            onChange={(event) => setValues((previous) => ({ ...previous, [name]: event.target.value }))}
            data-autofocus={index === 0 ? true : undefined}
          />
        ))}
        <div className="actions">
          <Button type="submit" variant={submitVariant} isLoading={isSaving}>
            {submitLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}

const reasonLabels = { reason: 'Reason' } as const;
const reasonSpecs = { reason: { label: 'Reason', hint: reasonHint } } as const;

function HidePostForm({ postId, isHidden, onDone }: { postId: string; isHidden: boolean; onDone: () => void }) {
  const hidePost = useHidePost();
  const showToast = useToast();
  return (
    <TextActionForm
      idPrefix={isHidden ? 'hide-post' : 'unhide-post'}
      labels={reasonLabels}
      specs={reasonSpecs}
      schema={moderationReasonInputSchema}
      intro={
        <p>
          {isHidden
            ? 'Members will no longer see this post. You can unhide it later.'
            : 'Members will see this post again.'}
        </p>
      }
      submitLabel={isHidden ? 'Hide post' : 'Unhide post'}
      submitVariant={isHidden ? 'danger' : 'primary'}
      isSaving={hidePost.isPending}
      onSave={async ({ reason }) => {
        await hidePost.mutateAsync({ postId, reason, isHidden });
        showToast(isHidden ? 'The post is hidden.' : 'The post is visible again.');
        onDone();
      }}
      onCancel={onDone}
    />
  );
}

function LockTopicForm({
  topicId,
  topicTitle,
  isLocked,
  onDone,
}: {
  topicId: string;
  topicTitle: string;
  isLocked: boolean;
  onDone: () => void;
}) {
  const lockTopic = useLockTopic();
  const showToast = useToast();
  return (
    <TextActionForm
      idPrefix={isLocked ? 'lock-topic' : 'unlock-topic'}
      labels={reasonLabels}
      specs={reasonSpecs}
      schema={topicModerationInputSchema}
      extra={{ isLocked }}
      intro={
        <p>
          {isLocked
            ? `Nobody can reply to “${topicTitle}” until it is unlocked. Its posts stay where they are.`
            : `Members can reply to “${topicTitle}” again.`}
        </p>
      }
      submitLabel={isLocked ? 'Lock topic' : 'Unlock topic'}
      isSaving={lockTopic.isPending}
      onSave={async ({ reason }) => {
        await lockTopic.mutateAsync({ topicId, reason, isLocked });
        showToast(isLocked ? `“${topicTitle}” is locked.` : `“${topicTitle}” is open for replies again.`);
        onDone();
      }}
      onCancel={onDone}
    />
  );
}

const warnLabels = { reason: 'Reason', message: 'Message to the member' } as const;
const warnSpecs = {
  reason: { label: 'Reason', hint: `${reasonHint} The member does not see it.` },
  message: {
    label: 'Message to the member',
    hint: 'They get this as a notification. Say kindly what was wrong and what to do instead.',
    rows: 5,
  },
} as const;

function WarnForm({ handle, onDone }: { handle: string; onDone: () => void }) {
  const warnMember = useWarnMember();
  const showToast = useToast();
  return (
    <TextActionForm
      idPrefix="warn-member"
      labels={warnLabels}
      specs={warnSpecs}
      schema={warnMemberInputSchema}
      intro={<p>A warning is a message from the moderators. @{handle} can keep posting.</p>}
      submitLabel="Send warning"
      isSaving={warnMember.isPending}
      onSave={async ({ reason, message }) => {
        await warnMember.mutateAsync({ handle, reason, message });
        showToast(`Your warning was sent to @${handle}.`);
        onDone();
      }}
      onCancel={onDone}
    />
  );
}

function UnsuspendForm({ handle, onDone }: { handle: string; onDone: () => void }) {
  const unsuspendMember = useUnsuspendMember();
  const showToast = useToast();
  return (
    <TextActionForm
      idPrefix="unsuspend-member"
      labels={reasonLabels}
      specs={reasonSpecs}
      schema={moderationReasonInputSchema}
      intro={<p>@{handle} can sign in again straight away.</p>}
      submitLabel="Unsuspend"
      isSaving={unsuspendMember.isPending}
      onSave={async ({ reason }) => {
        await unsuspendMember.mutateAsync({ handle, reason });
        showToast(`@${handle} can sign in again.`);
        onDone();
      }}
      onCancel={onDone}
    />
  );
}

const resolveLabels = { resolution: 'What was done' } as const;
const resolveSpecs = {
  resolution: {
    label: 'What was done',
    hint: 'For example: “Hid the post and sent a warning”, or “Looked: nothing against the guidelines”.',
  },
} as const;

function ResolveForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const resolveItem = useResolveItem();
  const showToast = useToast();
  return (
    <TextActionForm
      idPrefix="resolve-item"
      labels={resolveLabels}
      specs={resolveSpecs}
      schema={resolveItemInputSchema}
      intro={<p>This takes the item out of the open queue. Other moderators see what you write.</p>}
      submitLabel="Resolve"
      isSaving={resolveItem.isPending}
      onSave={async ({ resolution }) => {
        await resolveItem.mutateAsync({ itemId, resolution });
        showToast('The item is resolved.');
        onDone();
      }}
      onCancel={onDone}
    />
  );
}

/* ------------------------------------------------------------ suspend: a reason and how long */

const suspendFields = { reason: 'Reason', days: 'How long', otherDays: 'Number of days' } as const;
const dayChoices = [
  { value: '1', label: '1 day' },
  { value: '3', label: '3 days' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: 'other', label: 'Another number of days' },
] as const;

function SuspendForm({ handle, onDone }: { handle: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState('');
  const [otherDays, setOtherDays] = useState('');
  const form = useFormErrors('suspend-member', suspendFields);
  const suspendMember = useSuspendMember();
  const showToast = useToast();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (suspendMember.isPending) return;
    if (choice === '') {
      form.showErrors(
        reason.trim() === ''
          ? { reason: 'A reason is required.', days: 'Choose how long.' }
          : { days: 'Choose how long.' },
      );
      return;
    }
    const typed = otherDays.trim();
    const days = choice === 'other' ? (/^\d{1,3}$/.test(typed) ? Number(typed) : NaN) : Number(choice);
    if (choice === 'other' && !(days >= 1 && days <= 365)) {
      form.showErrors({ otherDays: 'Enter a number of days from 1 to 365.' });
      return;
    }
    const input = { reason, days };
    if (!form.checkWith(suspendMemberInputSchema, input)) return;
    suspendMember.mutate(
      { handle, ...input },
      {
        onSuccess: () => {
          showToast(`@${handle} is suspended for ${days === 1 ? '1 day' : `${days} days`}.`);
          onDone();
        },
        onError: form.showApiError,
      },
    );
  };

  return (
    <>
      <p className="moderation-dialog-intro">
        @{handle} is signed out everywhere at once and cannot sign in until the suspension ends. You can end it early.
      </p>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit}>
        <TextArea
          id={form.fieldId('reason')}
          label="Reason"
          hint={reasonHint}
          error={form.errorFor('reason')}
          maxLength={MODERATION_REASON_MAX_LENGTH}
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          data-autofocus
        />
        <RadioGroup
          id={form.fieldId('days')}
          label="How long"
          error={form.errorFor('days')}
          options={dayChoices}
          value={choice}
          onChange={setChoice}
        />
        {choice === 'other' && (
          <TextField
            id={form.fieldId('otherDays')}
            label="Number of days"
            hint="From 1 to 365."
            error={form.errorFor('otherDays')}
            inputMode="numeric"
            pattern="[0-9]*"
            className="moderation-days"
            value={otherDays}
            onChange={(event) => setOtherDays(event.target.value)}
          />
        )}
        <div className="actions">
          <Button type="submit" variant="danger" isLoading={suspendMember.isPending}>
            Suspend member
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}
