/** The form of a counter (its name, start date and time), shared by adding one and correcting one. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { counterInputSchema, counterLabelSuggestions, type CounterInput } from '@kindred/common/recovery';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { useFormErrors } from '../../lib/forms.ts';

export type CounterFormValues = { label: string; startedOn: string; startedAt: string };

const fieldLabels = { label: 'Name', startedOn: 'Start date', startedAt: 'Start time' } as const;

export const futureStartMessage = 'The start date cannot be after today.';

/** The values as the API takes them: an empty time means "no time". */
export function toCounterInput(values: CounterFormValues): CounterInput {
  return {
    label: values.label,
    startedOn: values.startedOn,
    startedAt: values.startedAt === '' ? null : values.startedAt,
  };
}

type CounterFormProps = {
  initialValues: CounterFormValues;
  /** The member's today (YYYY-MM-DD): the latest start date. */
  today: string;
  submitLabel: string;
  isSaving: boolean;
  /** Saves the values; a rejected promise's error is shown on the form. */
  onSave: (values: CounterFormValues) => Promise<unknown>;
  /** More actions beside the submit button (a way back). */
  children?: ReactNode;
};

export function CounterForm({ initialValues, today, submitLabel, isSaving, onSave, children }: CounterFormProps) {
  const [values, setValues] = useState(initialValues);
  const form = useFormErrors('counter', fieldLabels);
  const update = (name: keyof CounterFormValues) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [name]: event.target.value }));

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    if (!form.checkWith(counterInputSchema, toCounterInput(values))) return;
    if (values.startedOn > today) {
      form.showErrors({ startedOn: futureStartMessage });
      return;
    }
    onSave(values).catch(form.showApiError);
  };

  return (
    <>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit} className="card">
        <TextField
          id={form.fieldId('label')}
          label="Name"
          hint="What are you counting? Choose a suggestion or use your own words."
          error={form.errorFor('label')}
          value={values.label}
          onChange={update('label')}
          list="counter-label-suggestions"
          autoComplete="off"
        />
        <datalist id="counter-label-suggestions">
          {counterLabelSuggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
        <TextField
          id={form.fieldId('startedOn')}
          type="date"
          label="Start date"
          hint="The first day of this stretch of recovery. It can be long ago."
          error={form.errorFor('startedOn')}
          value={values.startedOn}
          onChange={update('startedOn')}
          max={today}
        />
        <TextField
          id={form.fieldId('startedAt')}
          type="time"
          label="Start time"
          isOptional
          hint="If you know it, we count your first hours too."
          error={form.errorFor('startedAt')}
          value={values.startedAt}
          onChange={update('startedAt')}
        />
        <div className="actions">
          <Button type="submit" isLoading={isSaving}>
            {submitLabel}
          </Button>
          {children}
        </div>
      </form>
    </>
  );
}
