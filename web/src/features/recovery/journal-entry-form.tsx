/** The fields of a journal entry (day, title, words), for a new entry and for changing one. */
import { useState, type FormEvent, type ReactNode } from 'react';
import {
  JOURNAL_BODY_MAX_LENGTH,
  JOURNAL_TITLE_MAX_LENGTH,
  journalEntryInputSchema,
  type JournalEntryInput,
} from '@kindred/common/recovery';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextArea, TextField } from '../../components/fields.tsx';
import { useFormErrors } from '../../lib/forms.ts';

export type JournalFormValues = { writtenOn: string; title: string; body: string };

const fieldLabels = { writtenOn: 'Date', title: 'Title', body: 'Your entry' } as const;

type JournalEntryFormProps = {
  idPrefix: string;
  initialValues: JournalFormValues;
  /** Today in the member's time zone: the latest day an entry can have. */
  today: string;
  submitLabel: string;
  isSaving: boolean;
  /** Saves the values; calls back with the error to show, or with nothing after success. */
  onSave: (input: JournalEntryInput, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  /** Starts the form afresh after a successful save (for a new entry). */
  shouldResetAfterSave?: boolean;
  /** More actions beside the submit button (Cancel). */
  children?: ReactNode;
};

export function JournalEntryForm({
  idPrefix,
  initialValues,
  today,
  submitLabel,
  isSaving,
  onSave,
  shouldResetAfterSave = false,
  children,
}: JournalEntryFormProps) {
  const [values, setValues] = useState(initialValues);
  const form = useFormErrors(idPrefix, fieldLabels);
  const set = (name: keyof JournalFormValues, value: string) =>
    setValues((previous) => ({ ...previous, [name]: value }));

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    const input: JournalEntryInput = { writtenOn: values.writtenOn, title: values.title, body: values.body };
    if (!form.checkWith(journalEntryInputSchema, input)) return;
    if (values.writtenOn > today) {
      form.showErrors({ writtenOn: 'Choose today or a day before.' });
      return;
    }
    onSave(input, {
      onSuccess: () => {
        if (shouldResetAfterSave) setValues({ writtenOn: today, title: '', body: '' });
      },
      onError: form.showApiError,
    });
  };

  return (
    <>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit}>
        <TextField
          id={form.fieldId('writtenOn')}
          type="date"
          label="Date"
          error={form.errorFor('writtenOn')}
          value={values.writtenOn}
          max={today}
          onChange={(event) => set('writtenOn', event.target.value)}
        />
        <TextField
          id={form.fieldId('title')}
          label="Title"
          isOptional
          error={form.errorFor('title')}
          maxLength={JOURNAL_TITLE_MAX_LENGTH}
          value={values.title}
          onChange={(event) => set('title', event.target.value)}
        />
        <TextArea
          id={form.fieldId('body')}
          label="Your entry"
          hint="Whatever is on your mind. Nobody else will read it."
          error={form.errorFor('body')}
          maxLength={JOURNAL_BODY_MAX_LENGTH}
          rows={8}
          value={values.body}
          onChange={(event) => set('body', event.target.value)}
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
