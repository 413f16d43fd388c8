import { useEffect, useId, useRef, type MouseEvent } from 'react';
import type { SummaryError } from '../lib/forms.ts';

type ErrorSummaryProps = {
  errors: readonly SummaryError[];
  /** A problem with the whole form rather than one field (wrong password, too many tries, offline). */
  message?: string | null;
  /** Changes on every failed submit; the summary takes focus each time so it is read out. */
  focusKey: number;
};

/** Moves focus to a field, or to the first control inside a group of choices. */
function focusField(fieldId: string): void {
  const element = document.getElementById(fieldId);
  if (!element) return;
  const control = element.matches('input, select, textarea, button')
    ? element
    : (element.querySelector<HTMLElement>('input, select, textarea, button') ?? element);
  control.focus();
  control.scrollIntoView({ block: 'center' });
}

/** The problems of a form, listed at its top, each linking to its field. Focused when a submit fails. */
export function ErrorSummary({ errors, message, focusKey }: ErrorSummaryProps) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const hasProblems = errors.length > 0 || Boolean(message);

  useEffect(() => {
    if (focusKey > 0) summaryRef.current?.focus();
  }, [focusKey]);

  if (!hasProblems) return null;
  const title =
    errors.length === 0
      ? 'That did not work'
      : errors.length === 1
        ? 'Please check one thing'
        : 'Please check these things';
  const handleClick = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    event.preventDefault();
    focusField(fieldId);
  };
  return (
    <div ref={summaryRef} className="error-summary" tabIndex={-1} role="group" aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary-title">
        {title}
      </h2>
      {message && <p className="error-summary-message">{message}</p>}
      {errors.length > 0 && (
        <ul className="error-summary-list">
          {errors.map((error) => (
            <li key={error.fieldId}>
              <a href={`#${error.fieldId}`} onClick={(event) => handleClick(event, error.fieldId)}>
                <span className="error-summary-field">{error.label}: </span>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
