import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  CONGRATULATION_NOTE_MAX_LENGTH,
  shareMilestoneInputSchema,
  type Counter,
  type Milestone,
} from '@kindred/common/recovery';
import { Button, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextArea } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { CounterLoadProblem } from './counter-not-found.tsx';
import { CounterToday } from './counter-summary.tsx';
import { useCounter, useDeleteCounter, useShareMilestone } from './counters.api.ts';
import { formatCountdown, formatReachedOn, formatStart, todayOf } from './recovery-dates.ts';
import { formatDays, formatPlainDay } from '../../lib/calendar-days.ts';

/** One counter: today, the milestones reached and ahead, every stretch of recovery, and what can be done with it. */
export function CounterPage() {
  const { id = '' } = useParams();
  const counter = useCounter(id);
  if (counter.isPending) return <Loading label="Loading your counter…" />;
  if (counter.isError) return <CounterLoadProblem error={counter.error} />;
  return <CounterView counter={counter.data} />;
}

function CounterView({ counter }: { counter: Counter }) {
  const today = todayOf(counter);
  const [sharing, setSharing] = useState<Milestone | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const path = `/recovery/counters/${encodeURIComponent(counter.id)}`;
  return (
    <Page title={counter.label} lead={`Counting since ${formatStart(counter.startedOn, counter.startedAt)}`}>
      <p className="back-link">
        <Link to="/recovery">
          <span aria-hidden="true">← </span>My recovery
        </Link>
      </p>
      <div className="stack">
        <Card className="counter-card">
          <CounterToday counter={counter} today={today} isOwnPage />
          <div className="actions">
            <ButtonLink to={`${path}/edit`} variant="secondary">
              Correct name or date
            </ButtonLink>
            <ButtonLink to={`${path}/start-again`} variant="secondary">
              Start again
            </ButtonLink>
          </div>
        </Card>

        <Card title="Milestones you have reached">
          {counter.reachedMilestones.length === 0 ? (
            <p>
              Your first milestone is {counter.nextMilestone.label}:{' '}
              {withFullStop(formatCountdown(counter.nextMilestone, today))} Every day counts on the way there.
            </p>
          ) : (
            <ul className="milestone-list">
              {counter.reachedMilestones.map((milestone) => (
                <li key={milestone.key} className="milestone-item">
                  <div>
                    <p className="milestone-label">{milestone.label}</p>
                    <p className="milestone-when">{formatReachedOn(milestone, today)}</p>
                  </div>
                  {milestone.sharedMilestoneId ? (
                    <p className="milestone-shared">
                      <span className="badge">Shared</span> <Link to="/milestones">See it on Milestones</Link>
                    </p>
                  ) : (
                    <Button variant="secondary" onClick={() => setSharing(milestone)}>
                      Share with the community
                      <span className="visually-hidden"> ({milestone.label})</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>

        {counter.upcomingMilestones.length > 0 && (
          <Card title="Coming up">
            <ul className="milestone-list">
              {counter.upcomingMilestones.map((milestone) => (
                <li key={milestone.key} className="milestone-item">
                  <div>
                    <p className="milestone-label">{milestone.label}</p>
                    <p className="milestone-when">{capitalize(formatCountdown(milestone, today))}</p>
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}

        <TimeInRecovery counter={counter} today={today} />

        <Card title="Delete this counter" headingLevel={2}>
          <p>If you no longer want this counter, you can delete it with its history.</p>
          <Button variant="danger" onClick={() => setIsDeleting(true)}>
            Delete counter
          </Button>
        </Card>
      </div>

      <Dialog isOpen={sharing !== null} onClose={() => setSharing(null)} title={`Share ${sharing?.label ?? ''}`}>
        {sharing && <ShareMilestoneForm counter={counter} milestone={sharing} onDone={() => setSharing(null)} />}
      </Dialog>
      <Dialog isOpen={isDeleting} onClose={() => setIsDeleting(false)} title="Delete this counter?">
        <DeleteCounter counter={counter} onCancel={() => setIsDeleting(false)} />
      </Dialog>
    </Page>
  );
}

const withFullStop = (text: string) => (text.endsWith('!') ? text : `${text}.`);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function TimeInRecovery({ counter, today }: { counter: Counter; today: string }) {
  return (
    <Card title="All your time in recovery">
      <dl className="profile-facts">
        <div>
          <dt>Total time in recovery</dt>
          <dd>{formatDays(counter.totalDays)}</dd>
        </div>
        <div>
          <dt>Longest stretch</dt>
          <dd>{formatDays(counter.longestStreakDays)}</dd>
        </div>
      </dl>
      {counter.earlierStreaks.length > 0 && (
        <>
          <h3 className="profile-subheading">Earlier stretches</h3>
          <p className="muted">Every one of these days still counts.</p>
          <ul className="streak-list">
            {counter.earlierStreaks.map((streak) => (
              <li key={`${streak.startedOn}-${streak.endedOn}`}>
                <strong>{formatDays(streak.days)}</strong>, from {formatPlainDay(streak.startedOn, today)} to{' '}
                {formatPlainDay(streak.endedOn, today)}
                {streak.note && <p className="streak-note">{streak.note}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

const shareFields = { note: 'A few words' } as const;

function ShareMilestoneForm({
  counter,
  milestone,
  onDone,
}: {
  counter: Counter;
  milestone: Milestone;
  onDone: () => void;
}) {
  const [note, setNote] = useState('');
  const form = useFormErrors('share', shareFields);
  const share = useShareMilestone(counter.id);
  const showToast = useToast();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (share.isPending) return;
    const input = { note };
    if (!form.checkWith(shareMilestoneInputSchema, input)) return;
    share.mutate(
      { key: milestone.key, input },
      {
        onSuccess: () => {
          showToast(`${milestone.label} shared with the community`);
          onDone();
        },
        onError: form.showApiError,
      },
    );
  };

  return (
    <form noValidate onSubmit={handleSubmit}>
      <p>
        Members will see your handle, <strong>{milestone.label}</strong> and your words, never your dates or what you
        are counting.
      </p>
      <ErrorSummary {...form.summary} />
      <TextArea
        id={form.fieldId('note')}
        label="A few words for the community"
        isOptional
        hint="What helped you get here, or what you would tell someone on day one."
        error={form.errorFor('note')}
        maxLength={CONGRATULATION_NOTE_MAX_LENGTH}
        rows={3}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        data-autofocus
      />
      <div className="actions">
        <Button type="submit" isLoading={share.isPending}>
          Share {milestone.label}
        </Button>
      </div>
    </form>
  );
}

function DeleteCounter({ counter, onCancel }: { counter: Counter; onCancel: () => void }) {
  const deleteCounter = useDeleteCounter(counter.id);
  const navigate = useNavigate();
  const showToast = useToast();
  return (
    <>
      <p>
        This deletes <strong>{counter.label}</strong> and its history for good. It cannot be undone.
      </p>
      {deleteCounter.isError && (
        <Notice tone="error" title="That did not work">
          <p>{toApiError(deleteCounter.error).message}</p>
        </Notice>
      )}
      <div className="actions">
        <Button
          variant="danger"
          isLoading={deleteCounter.isPending}
          onClick={() =>
            deleteCounter.mutate(undefined, {
              onSuccess: () => {
                showToast(`${counter.label} counter deleted`);
                void navigate('/recovery', { replace: true });
              },
            })
          }
        >
          Delete counter
        </Button>
        <Button variant="secondary" onClick={onCancel} data-autofocus>
          Keep it
        </Button>
      </div>
    </>
  );
}
