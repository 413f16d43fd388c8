/**
 * Editable lists for the recovery plan: rows of text, and rows of contacts (name, phone, note).
 * Each row is labelled by its place ("Trigger 2"), can be removed, and a new row takes focus.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import {
  CONTACT_NAME_MAX_LENGTH,
  CONTACT_NOTE_MAX_LENGTH,
  CONTACT_PHONE_MAX_LENGTH,
  PLAN_ITEM_MAX_LENGTH,
  PLAN_MAX_ITEMS,
} from '@kindred/common/recovery';
import { Button } from '../../components/button.tsx';
import { FieldError } from '../../components/fields.tsx';

export type ContactRow = { name: string; phone: string; note: string };

/** Errors of single rows, by path: "triggers.1", "peopleToCall.0.name". */
export type RowErrors = Partial<Record<string, string>>;

/** After adding a row, focus its first input; after removing one, the row that took its place (or Add). */
function useFocusAfterChange(containerId: string) {
  const pendingFocusRef = useRef<number | 'add' | null>(null);
  useEffect(() => {
    const target = pendingFocusRef.current;
    if (target === null) return;
    pendingFocusRef.current = null;
    const container = document.getElementById(containerId);
    const element =
      target === 'add'
        ? container?.querySelector<HTMLElement>('[data-add-row]')
        : container?.querySelector<HTMLElement>(`[data-row="${target}"] input`);
    element?.focus();
  });
  return pendingFocusRef;
}

type GroupProps = {
  id: string;
  legend: string;
  hint?: ReactNode;
  error: string | undefined;
  children: ReactNode;
};

function ListGroup({ id, legend, hint, error, children }: GroupProps) {
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={error ? 'field choice-group plan-list has-error' : 'field choice-group plan-list'}
      aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field-label">
        {legend}
        <span className="field-optional"> (optional)</span>
      </legend>
      {hint && (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
      <FieldError id={id} error={error} />
      {children}
    </fieldset>
  );
}

type TextListProps = {
  id: string;
  legend: string;
  hint?: ReactNode;
  /** "Trigger": rows are labelled "Trigger 1", "Trigger 2"… and the button says "Add a trigger". */
  itemName: string;
  addLabel: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  error: string | undefined;
  rowErrors: RowErrors;
  /** The path of this list in the plan ("triggers"), to find its rows' errors. */
  path: string;
};

/** A list of short texts as rows of inputs, with Add and Remove. */
export function TextListField({
  id,
  legend,
  hint,
  itemName,
  addLabel,
  values,
  onChange,
  error,
  rowErrors,
  path,
}: TextListProps) {
  const pendingFocusRef = useFocusAfterChange(id);
  const add = () => {
    pendingFocusRef.current = values.length;
    onChange([...values, '']);
  };
  const remove = (index: number) => {
    pendingFocusRef.current = values.length - 1 > 0 ? Math.min(index, values.length - 2) : 'add';
    onChange(values.filter((_, each) => each !== index));
  };
  return (
    <ListGroup id={id} legend={legend} hint={hint} error={error}>
      <ol className="plan-rows">
        {values.map((value, index) => {
          const inputId = `${id}-${index}`;
          const rowError = rowErrors[`${path}.${index}`];
          const label = `${itemName} ${index + 1}`;
          return (
            <li key={index} className="plan-row" data-row={index}>
              <label htmlFor={inputId} className="plan-row-label">
                {label}
              </label>
              <FieldError id={inputId} error={rowError} />
              <div className="inline-add">
                <input
                  id={inputId}
                  className="input"
                  type="text"
                  value={value}
                  aria-invalid={rowError ? true : undefined}
                  aria-describedby={rowError ? `${inputId}-error` : undefined}
                  onChange={(event) => onChange(values.map((each, at) => (at === index ? event.target.value : each)))}
                  maxLength={PLAN_ITEM_MAX_LENGTH}
                />
                <Button variant="quiet" onClick={() => remove(index)}>
                  Remove<span className="visually-hidden"> {label.toLowerCase()}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      {values.length < PLAN_MAX_ITEMS && (
        <Button variant="secondary" data-add-row onClick={add}>
          {addLabel}
        </Button>
      )}
    </ListGroup>
  );
}

type ContactListProps = {
  id: string;
  legend: string;
  hint?: ReactNode;
  itemName: string;
  addLabel: string;
  notePlaceholderHint: string;
  values: readonly ContactRow[];
  onChange: (values: ContactRow[]) => void;
  error: string | undefined;
  rowErrors: RowErrors;
  path: string;
};

/** A list of contacts (name, phone, note), each row a small group of its own. */
export function ContactListField({
  id,
  legend,
  hint,
  itemName,
  addLabel,
  notePlaceholderHint,
  values,
  onChange,
  error,
  rowErrors,
  path,
}: ContactListProps) {
  const pendingFocusRef = useFocusAfterChange(id);
  const add = () => {
    pendingFocusRef.current = values.length;
    onChange([...values, { name: '', phone: '', note: '' }]);
  };
  const remove = (index: number) => {
    pendingFocusRef.current = values.length - 1 > 0 ? Math.min(index, values.length - 2) : 'add';
    onChange(values.filter((_, each) => each !== index));
  };
  const change = (index: number, part: keyof ContactRow, text: string) =>
    onChange(values.map((each, at) => (at === index ? { ...each, [part]: text } : each)));

  return (
    <ListGroup id={id} legend={legend} hint={hint} error={error}>
      <ol className="plan-rows">
        {values.map((contact, index) => {
          const rowId = `${id}-${index}`;
          const label = `${itemName} ${index + 1}`;
          const parts = [
            { part: 'name', label: 'Name', type: 'text', maxLength: CONTACT_NAME_MAX_LENGTH, autoComplete: 'off' },
            { part: 'phone', label: 'Phone', type: 'tel', maxLength: CONTACT_PHONE_MAX_LENGTH, autoComplete: 'off' },
            { part: 'note', label: 'Note', type: 'text', maxLength: CONTACT_NOTE_MAX_LENGTH, autoComplete: 'off' },
          ] as const;
          return (
            <li key={index} className="plan-row" data-row={index}>
              <fieldset className="contact-row">
                <legend className="plan-row-label">{label}</legend>
                {parts.map(({ part, label: partLabel, type, maxLength, autoComplete }) => {
                  const inputId = `${rowId}-${part}`;
                  const partError = rowErrors[`${path}.${index}.${part}`];
                  return (
                    <div key={part} className="contact-part">
                      <label htmlFor={inputId} className="contact-part-label">
                        {partLabel}
                        {part !== 'name' && <span className="field-optional"> (optional)</span>}
                      </label>
                      {part === 'note' && (
                        <p id={`${inputId}-hint`} className="field-hint">
                          {notePlaceholderHint}
                        </p>
                      )}
                      <FieldError id={inputId} error={partError} />
                      <input
                        id={inputId}
                        className="input"
                        type={type}
                        inputMode={part === 'phone' ? 'tel' : undefined}
                        autoComplete={autoComplete}
                        value={contact[part]}
                        maxLength={maxLength}
                        aria-invalid={partError ? true : undefined}
                        aria-describedby={
                          [part === 'note' ? `${inputId}-hint` : '', partError ? `${inputId}-error` : '']
                            .filter(Boolean)
                            .join(' ') || undefined
                        }
                        onChange={(event) => change(index, part, event.target.value)}
                      />
                    </div>
                  );
                })}
                <Button variant="quiet" onClick={() => remove(index)}>
                  Remove<span className="visually-hidden"> {label.toLowerCase()}</span>
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {values.length < PLAN_MAX_ITEMS && (
        <Button variant="secondary" data-add-row onClick={add}>
          {addLabel}
        </Button>
      )}
    </ListGroup>
  );
}
