import { useCallback, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import {
  CHECK_IN_TEXT_MAX_LENGTH,
  CRAVING_MAX,
  CRAVING_MIN,
  CUSTOM_TRIGGER_MAX_LENGTH,
  MOOD_MAX,
  MOOD_MIN,
  checkInInputSchema,
  commonTriggers,
  dayRatingLabels,
  dayRatings,
  moodLabels,
  triggerLabels,
  type CheckIn,
  type CheckInInput,
  type DayRating,
} from '@kindred/common/recovery';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { CheckboxGroup, FieldError, RadioGroup, TextArea } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { formatLongDay } from '../../lib/calendar-days.ts';
import { useSaveCheckIn, useTodayCheckIn } from './checkins.api.ts';

/** Today's check-in: how I feel, what is hard, my pledge, and how the day went. */
export function CheckInPage() {
  const today = useTodayCheckIn();
  return (
    <Page
      title="Today’s check-in"
      lead={
        today.data
          ? `${formatLongDay(today.data.today)}. Answer as much or as little as you like. Only you can see it.`
          : 'Answer as much or as little as you like. Only you can see it.'
      }
    >
      {today.isPending ? (
        <Loading label="Loading today’s check-in…" />
      ) : today.isError ? (
        <Notice tone="error" title="We could not load today’s check-in">
          <p>{toApiError(today.error).message}</p>
          <Button variant="secondary" onClick={() => void today.refetch()} isLoading={today.isFetching}>
            Try again
          </Button>
        </Notice>
      ) : (
        // A new key when the day changes starts the form afresh.
        <CheckInForm key={today.data.today} today={today.data.today} checkIn={today.data.checkIn} />
      )}
    </Page>
  );
}

type CheckInFormValues = {
  mood: string;
  craving: string;
  triggers: string[];
  ownTriggers: string[];
  pledged: boolean;
  dayRating: DayRating | '';
  eveningReview: string;
  gratitude: string;
  notes: string;
};

const fieldLabels = {
  mood: 'Mood',
  craving: 'Cravings',
  triggers: 'Triggers',
  pledged: 'Pledge',
  dayRating: 'How the day went',
  eveningReview: 'How did today go?',
  gratitude: 'Gratitude',
  notes: 'Notes',
} as const;

const isCommonTrigger = (trigger: string) => (commonTriggers as readonly string[]).includes(trigger);

function toFormValues(checkIn: CheckIn | null): CheckInFormValues {
  return {
    mood: checkIn?.mood == null ? '' : String(checkIn.mood),
    craving: checkIn?.craving == null ? '' : String(checkIn.craving),
    triggers: checkIn?.triggers.filter(isCommonTrigger) ?? [],
    ownTriggers: checkIn?.triggers.filter((trigger) => !isCommonTrigger(trigger)) ?? [],
    pledged: checkIn?.pledged ?? false,
    dayRating: checkIn?.dayRating ?? '',
    eveningReview: checkIn?.eveningReview ?? '',
    gratitude: checkIn?.gratitude ?? '',
    notes: checkIn?.notes ?? '',
  };
}

function toInput(values: CheckInFormValues): CheckInInput {
  return {
    mood: values.mood === '' ? null : Number(values.mood),
    craving: values.craving === '' ? null : Number(values.craving),
    triggers: [...values.triggers, ...values.ownTriggers],
    pledged: values.pledged,
    dayRating: values.dayRating === '' ? null : values.dayRating,
    eveningReview: values.eveningReview,
    gratitude: values.gratitude,
    notes: values.notes,
  };
}

const moodOptions = Array.from({ length: MOOD_MAX - MOOD_MIN + 1 }, (_, index) => {
  const mood = MOOD_MIN + index;
  return { value: String(mood), label: moodLabels[mood] ?? String(mood) };
});
const triggerOptions = commonTriggers.map((trigger) => ({ value: trigger, label: triggerLabels[trigger] }));
const dayRatingOptions = dayRatings.map((rating) => ({ value: rating, label: dayRatingLabels[rating] }));

/** The code of a common trigger these words name ("Stress", "money worries"), if any. */
function commonTriggerFor(words: string): string | undefined {
  const wanted = words.trim().toLowerCase();
  return commonTriggers.find((trigger) => trigger === wanted || triggerLabels[trigger].toLowerCase() === wanted);
}

function CheckInForm({ today, checkIn }: { today: string; checkIn: CheckIn | null }) {
  const [values, setValues] = useState(() => toFormValues(checkIn));
  const form = useFormErrors('check-in', fieldLabels);
  const saveCheckIn = useSaveCheckIn();
  const showToast = useToast();

  const set = useCallback(
    <Name extends keyof CheckInFormValues>(name: Name, value: CheckInFormValues[Name]) =>
      setValues((previous) => ({ ...previous, [name]: value })),
    [],
  );
  const text = (name: 'eveningReview' | 'gratitude' | 'notes') => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) => set(name, event.target.value),
  });

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saveCheckIn.isPending) return;
    const input = toInput(values);
    if (!form.checkWith(checkInInputSchema, input)) return;
    saveCheckIn.mutate(
      { day: today, input },
      {
        onSuccess: (saved) => {
          setValues(toFormValues(saved));
          showToast(checkIn ? 'Check-in updated' : 'Check-in saved. Thank you for taking a moment for yourself.');
        },
        onError: form.showApiError,
      },
    );
  };

  const isStruggling = Number(values.craving) >= 8 || values.mood === '1' || values.dayRating === 'hard';

  return (
    <>
      {checkIn && (
        <Notice title="You checked in today — you can change it until midnight">
          <p>
            <Link to="/recovery/check-ins">See your check-ins over time</Link>
          </p>
        </Notice>
      )}
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit} className="stack">
        <Card title="How are you?">
          <RadioGroup
            id={form.fieldId('mood')}
            label="How is your mood right now?"
            isOptional
            error={form.errorFor('mood')}
            options={moodOptions}
            value={values.mood}
            onChange={(next) => set('mood', next)}
          />
          <CravingScale
            id={form.fieldId('craving')}
            error={form.errorFor('craving')}
            value={values.craving}
            onChange={(next) => set('craving', next)}
          />
          {isStruggling && (
            <Notice title="Today sounds hard">
              <p>
                You do not have to get through it alone. Call someone from <Link to="/recovery/plan">your plan</Link>,
                or <a href="/help">get help now</a>. Feelings and cravings pass, and you can check in again later.
              </p>
            </Notice>
          )}
        </Card>

        <Card title="What has been hard today?">
          <CheckboxGroup
            id={form.fieldId('triggers')}
            label="Triggers"
            isOptional
            hint="Anything that made you want to use, or made the day harder."
            error={form.errorFor('triggers')}
            options={triggerOptions}
            values={values.triggers}
            onChange={(next) => set('triggers', next)}
            isCompact
          />
          <OwnTriggers
            triggers={values.ownTriggers}
            onAdd={(words) => {
              const common = commonTriggerFor(words);
              if (common) {
                if (!values.triggers.includes(common)) set('triggers', [...values.triggers, common]);
              } else if (!values.ownTriggers.includes(words.toLowerCase())) {
                set('ownTriggers', [...values.ownTriggers, words.toLowerCase()]);
              }
            }}
            onRemove={(trigger) =>
              set(
                'ownTriggers',
                values.ownTriggers.filter((each) => each !== trigger),
              )
            }
          />
        </Card>

        <Card title="This morning">
          <div className="field" id={form.fieldId('pledged')}>
            <FieldError id={form.fieldId('pledged')} error={form.errorFor('pledged')} />
            <div className="choice pledge">
              <input
                id={`${form.fieldId('pledged')}-box`}
                type="checkbox"
                checked={values.pledged}
                onChange={(event) => set('pledged', event.target.checked)}
              />
              <label htmlFor={`${form.fieldId('pledged')}-box`}>
                <span>Today I commit to my recovery</span>
                <span className="choice-hint">Just for today. Tomorrow is another check-in.</span>
              </label>
            </div>
          </div>
        </Card>

        <Card title="This evening">
          <RadioGroup
            id={form.fieldId('dayRating')}
            label="How did the day go, all in all?"
            isOptional
            error={form.errorFor('dayRating')}
            options={dayRatingOptions}
            value={values.dayRating}
            onChange={(next) => set('dayRating', next as DayRating)}
          />
          <TextArea
            id={form.fieldId('eveningReview')}
            label="How did today go?"
            isOptional
            hint="What went well, what was hard, what you would do again."
            error={form.errorFor('eveningReview')}
            maxLength={CHECK_IN_TEXT_MAX_LENGTH}
            rows={4}
            {...text('eveningReview')}
          />
        </Card>

        <Card title="Gratitude and notes">
          <TextArea
            id={form.fieldId('gratitude')}
            label="Something I am grateful for"
            isOptional
            hint="Big or small: a cup of tea, a kind word, a meeting."
            error={form.errorFor('gratitude')}
            maxLength={CHECK_IN_TEXT_MAX_LENGTH}
            rows={3}
            {...text('gratitude')}
          />
          <TextArea
            id={form.fieldId('notes')}
            label="Notes"
            isOptional
            hint="Anything else you want to remember about today."
            error={form.errorFor('notes')}
            maxLength={CHECK_IN_TEXT_MAX_LENGTH}
            rows={3}
            {...text('notes')}
          />
        </Card>

        <div className="actions">
          <Button type="submit" isLoading={saveCheckIn.isPending}>
            {checkIn ? 'Save changes' : 'Save my check-in'}
          </Button>
          <Link to="/recovery/check-ins">See your check-ins</Link>
        </div>
      </form>
    </>
  );
}

/** Cravings from 0 (none) to 10 (the strongest): eleven radio buttons in a row that wraps on a phone. */
function CravingScale({
  id,
  error,
  value,
  onChange,
}: {
  id: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const hintId = `${id}-hint`;
  const levels = Array.from({ length: CRAVING_MAX - CRAVING_MIN + 1 }, (_, index) => CRAVING_MIN + index);
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'field choice-group craving-scale has-error' : 'field choice-group craving-scale'}
      aria-describedby={error ? `${hintId} ${id}-error` : hintId}
    >
      <legend className="field-label">
        How strong are cravings today?<span className="field-optional"> (optional)</span>
      </legend>
      <p id={hintId} className="field-hint">
        From 0, none at all, to 10, the strongest you have felt.
      </p>
      <FieldError id={id} error={error} />
      <div className="scale">
        {levels.map((level) => {
          const inputId = `${id}-${level}`;
          return (
            <div key={level} className="scale-choice">
              <input
                id={inputId}
                type="radio"
                name={id}
                value={String(level)}
                checked={value === String(level)}
                onChange={(event) => event.target.checked && onChange(String(level))}
              />
              <label htmlFor={inputId}>
                {level}
                {level === CRAVING_MIN && <span className="visually-hidden">, none</span>}
                {level === CRAVING_MAX && <span className="visually-hidden">, the strongest</span>}
              </label>
            </div>
          );
        })}
      </div>
      <p className="scale-ends" aria-hidden="true">
        <span>0 = none</span>
        <span>10 = strongest</span>
      </p>
      <p className="scale-value" aria-hidden="true">
        {value === '' ? 'Not answered' : `Chosen: ${value} of ${CRAVING_MAX}`}
      </p>
    </fieldset>
  );
}

/** The member's own words for a trigger: a text field to add one, and removable chips. */
function OwnTriggers({
  triggers,
  onAdd,
  onRemove,
}: {
  triggers: readonly string[];
  onAdd: (words: string) => void;
  onRemove: (trigger: string) => void;
}) {
  const [draft, setDraft] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const listLabelId = useId();

  const add = () => {
    const words = draft.trim();
    if (words === '') {
      inputRef.current?.focus();
      return;
    }
    onAdd(words);
    setDraft('');
    inputRef.current?.focus();
  };
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the trigger instead of saving the whole check-in.
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    }
  };

  return (
    <div className="field own-triggers">
      <label htmlFor={inputId} className="field-label">
        Add your own<span className="field-optional"> (optional)</span>
      </label>
      <p id={`${inputId}-hint`} className="field-hint">
        In your own words, up to {CUSTOM_TRIGGER_MAX_LENGTH} characters.
      </p>
      <div className="inline-add">
        <input
          ref={inputRef}
          id={inputId}
          className="input"
          type="text"
          value={draft}
          maxLength={CUSTOM_TRIGGER_MAX_LENGTH}
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={handleKeyDown}
        />
        <Button variant="secondary" onClick={add}>
          Add<span className="visually-hidden"> trigger</span>
        </Button>
      </div>
      {triggers.length > 0 && (
        <>
          <p id={listLabelId} className="visually-hidden">
            Your own triggers
          </p>
          <ul className="chip-list" aria-labelledby={listLabelId}>
            {triggers.map((trigger) => (
              <li key={trigger} className="chip">
                <span>{trigger}</span>
                <button
                  type="button"
                  className="chip-remove"
                  onClick={() => {
                    onRemove(trigger);
                    inputRef.current?.focus();
                  }}
                >
                  <span aria-hidden="true">×</span>
                  <span className="visually-hidden">Remove {trigger}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
