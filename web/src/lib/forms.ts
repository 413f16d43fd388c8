/** Form helpers: validate with the shared zod schemas, map server issues onto fields, drive the error summary. */
import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { FieldIssue } from '@kindred/common/errors';
import { toApiError } from './api.ts';

/** One message per field, keyed by the field's name (the first segment of an issue path). */
export type FieldErrors = Partial<Record<string, string>>;

export function issuesToFieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (field !== '' && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

export type Validation<Output> = { isValid: true; data: Output } | { isValid: false; errors: FieldErrors };

/** Checks form values against a shared schema, so the messages are the server's own. */
function validateWith<Schema extends z.ZodType>(schema: Schema, values: unknown): Validation<z.output<Schema>> {
  const result = schema.safeParse(values);
  if (result.success) return { isValid: true, data: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  return { isValid: false, errors: issuesToFieldErrors(issues) };
}

export type SummaryError = { fieldId: string; label: string; message: string };

type FormErrorState = { fieldErrors: FieldErrors; formError: string | null; attempt: number };

/**
 * The errors of one form. `labels` names the form's fields in the order they appear (so the
 * summary reads top to bottom) with the words of their labels; field ids are `<idPrefix>-<name>`.
 */
export function useFormErrors<Name extends string>(idPrefix: string, labels: Readonly<Record<Name, string>>) {
  const fields = useMemo(() => Object.keys(labels) as Name[], [labels]);
  const [state, setState] = useState<FormErrorState>({ fieldErrors: {}, formError: null, attempt: 0 });

  const fieldId = useCallback((name: Name) => `${idPrefix}-${name}`, [idPrefix]);

  /** Shows these errors and moves focus to the summary (each call counts as a new attempt). */
  const showErrors = useCallback((fieldErrors: FieldErrors, formError: string | null = null) => {
    setState((previous) => ({ fieldErrors, formError, attempt: previous.attempt + 1 }));
  }, []);

  /** Shows an error from the API: its field issues next to fields, or its message at the top. */
  const showApiError = useCallback(
    (error: unknown) => {
      const apiError = toApiError(error);
      const fieldErrors = issuesToFieldErrors(apiError.issues);
      const names = Object.keys(fieldErrors);
      const isOnThisForm = (name: string) => (fields as readonly string[]).includes(name);
      // Field issues go next to their fields; anything the form cannot show goes to the top.
      const hasIssuesElsewhere = names.length === 0 || !names.every(isOnThisForm);
      showErrors(fieldErrors, hasIssuesElsewhere ? apiError.message : null);
    },
    [fields, showErrors],
  );

  const clearErrors = useCallback(
    () => setState((previous) => ({ ...previous, fieldErrors: {}, formError: null })),
    [],
  );

  /** Validates the values with a shared schema: shows the errors and returns false, or clears them and returns true. */
  const checkWith = useCallback(
    (schema: z.ZodType, values: unknown): boolean => {
      const validation = validateWith(schema, values);
      if (validation.isValid) clearErrors();
      else showErrors(validation.errors);
      return validation.isValid;
    },
    [clearErrors, showErrors],
  );

  const summaryErrors: SummaryError[] = useMemo(
    () =>
      fields.flatMap((name) => {
        const message = state.fieldErrors[name];
        return message === undefined ? [] : [{ fieldId: `${idPrefix}-${name}`, label: labels[name], message }];
      }),
    [fields, labels, idPrefix, state.fieldErrors],
  );

  return {
    fieldId,
    errorFor: (name: Name) => state.fieldErrors[name],
    showErrors,
    showApiError,
    checkWith,
    summary: { errors: summaryErrors, message: state.formError, focusKey: state.attempt },
  };
}
