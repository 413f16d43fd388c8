import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { COUNTER_NOTE_MAX_LENGTH, counterResetInputSchema, type Counter } from '@kindred/common/recovery';
import { Button, ButtonAnchor, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextArea, TextField } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Page } from '../../components/page.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { futureStartMessage } from './counter-form.tsx';
import { CounterLoadProblem } from './counter-not-found.tsx';
import { useCounter, useResetCounter } from './counters.api.ts';
import { useRecoveryPlan } from './plan.api.ts';
import { formatDays } from '../../lib/calendar-days.ts';
import { todayOf } from './recovery-dates.ts';

type StartAgainState = { hasStartedAgain?: boolean } | null;

/**
 * After a slip: start the counter again, gently. The days before are kept as an earlier stretch and
 * in the total; afterwards the page offers the member's people to call and the help page.
 */
export function StartAgainPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const counter = useCounter(id);
  if (counter.isPending) return <Loading label="Loading your counter…" />;
  if (counter.isError) return <CounterLoadProblem error={counter.error} />;
  const hasStartedAgain = (location.state as StartAgainState)?.hasStartedAgain === true;
  return hasStartedAgain ? <StartedAgain counter={counter.data} /> : <StartAgain counter={counter.data} />;
}

const fieldLabels = { restartedOn: 'The day you start again', note: 'A note for yourself' } as const;

function StartAgain({ counter }: { counter: Counter }) {
  const today = todayOf(counter);
  const [values, setValues] = useState({ restartedOn: today, note: '' });
  const form = useFormErrors('start-again', fieldLabels);
  const resetCounter = useResetCounter(counter.id);
  const navigate = useNavigate();
  const location = useLocation();
  const detailPath = `/recovery/counters/${encodeURIComponent(counter.id)}`;

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (resetCounter.isPending) return;
    if (!form.checkWith(counterResetInputSchema, values)) return;
    if (values.restartedOn > today) {
      form.showErrors({ restartedOn: futureStartMessage });
      return;
    }
    resetCounter.mutate(values, {
      onSuccess: () =>
        void navigate(location.pathname, { replace: true, state: { hasStartedAgain: true } satisfies StartAgainState }),
      onError: form.showApiError,
    });
  };

  return (
    <Page title="Start again" lead="A slip is part of many recoveries. Your earlier days still count." width="narrow">
      <p>
        Starting <strong>{counter.label}</strong> again keeps your {formatDays(counter.days)} with your earlier
        stretches, and your total time in recovery stays with you. Today is a new day one.
      </p>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit} className="card">
        <TextField
          id={form.fieldId('restartedOn')}
          type="date"
          label="The day you start again"
          hint="Usually today."
          error={form.errorFor('restartedOn')}
          value={values.restartedOn}
          onChange={(event) => setValues((previous) => ({ ...previous, restartedOn: event.target.value }))}
          max={today}
        />
        <TextArea
          id={form.fieldId('note')}
          label="A note for yourself"
          isOptional
          hint="Only you will see it. What happened, what you learned, or what might help next time."
          error={form.errorFor('note')}
          maxLength={COUNTER_NOTE_MAX_LENGTH}
          rows={4}
          value={values.note}
          onChange={(event) => setValues((previous) => ({ ...previous, note: event.target.value }))}
        />
        <div className="actions">
          <Button type="submit" isLoading={resetCounter.isPending}>
            Start again
          </Button>
          <ButtonLink to={detailPath} variant="quiet">
            Not now
          </ButtonLink>
        </div>
      </form>
      <p className="form-footnote">
        Having a hard moment? <a href="/help">Crisis lines are open day and night</a>.
      </p>
    </Page>
  );
}

function StartedAgain({ counter }: { counter: Counter }) {
  const detailPath = `/recovery/counters/${encodeURIComponent(counter.id)}`;
  const earlierStretch = counter.earlierStreaks[0];
  return (
    <Page
      title="You have started again"
      lead="Coming back takes courage. Be gentle with yourself today."
      width="narrow"
    >
      <div className="stack">
        <Card>
          <p>
            Your total time in recovery is kept: <strong>{formatDays(counter.totalDays)}</strong>.
          </p>
          {earlierStretch && (
            <p>
              Your stretch of {formatDays(earlierStretch.days)} is saved with your history. Nothing you have learned
              goes away.
            </p>
          )}
        </Card>
        <PeopleToCall />
        <Card title="What could help today">
          <ul className="link-list">
            <li>
              <Link to="/recovery/check-in" className="link-list-link">
                Check in
              </Link>
              <span className="link-list-text">Notice how you are feeling right now.</span>
            </li>
            <li>
              <Link to="/recovery/plan" className="link-list-link">
                Your recovery plan
              </Link>
              <span className="link-list-text">What helps you, and who to call.</span>
            </li>
            <li>
              <Link to="/recovery/journal" className="link-list-link">
                Your journal
              </Link>
              <span className="link-list-text">Put today into words, just for you.</span>
            </li>
          </ul>
        </Card>
        <p>
          <Link to={detailPath}>Back to {counter.label}</Link>
        </p>
      </div>
    </Page>
  );
}

const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+*#]/g, '')}`;

function PeopleToCall() {
  const plan = useRecoveryPlan();
  const people = plan.data?.peopleToCall ?? [];
  return (
    <Card title="You do not have to go through this alone" tone="help">
      {plan.isPending ? (
        <Loading label="Loading your people to call…" />
      ) : people.length > 0 ? (
        <>
          <p>The people in your recovery plan are there for moments like this one.</p>
          <ul className="contact-list">
            {people.map((person, index) => (
              <li key={`${person.name}-${index}`}>
                {person.phone ? (
                  <a href={telHref(person.phone)} className="contact-call">
                    Call {person.name}
                  </a>
                ) : (
                  <strong>{person.name}</strong>
                )}{' '}
                <span className="muted">{[person.phone, person.note].filter(Boolean).join(' · ')}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          A call to someone you trust can help. You can keep their numbers in{' '}
          <Link to="/recovery/plan">your recovery plan</Link>.
        </p>
      )}
      <p>If you are in danger or thinking about harming yourself, please reach out now.</p>
      <ButtonAnchor href="/help" variant="secondary">
        See crisis lines
      </ButtonAnchor>
    </Card>
  );
}
