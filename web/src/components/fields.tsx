/**
 * Form fields. Every field has a visible label, an optional hint and an error message, wired to
 * the control with aria-describedby and aria-invalid. Groups of choices are a fieldset with a legend.
 */
import {
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { classNames } from './class-names.ts';

type FieldBaseProps = {
  /** The control's id; the error summary links to it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shown after the label, e.g. "(optional)". */
  isOptional?: boolean;
};

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

function OptionalMark({ isOptional }: { isOptional: boolean | undefined }) {
  return isOptional ? <span className="field-optional"> (optional)</span> : null;
}

function FieldHint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div id={`${id}-hint`} className="field-hint">
      {hint}
    </div>
  ) : null;
}

/** The error text of a field: an icon and words, never color alone. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={`${id}-error`} className="field-error">
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  ) : null;
}

/** The label, hint and error above a single control, in the order a screen reader meets them. */
function FieldHeading({ id, label, hint, error, isOptional }: FieldBaseProps) {
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
        <OptionalMark isOptional={isOptional} />
      </label>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
    </>
  );
}

type TextFieldProps = FieldBaseProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
    type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'url' | 'date' | 'time';
  };

/** A one-line input. type="password" adds a Show/Hide toggle; date and time use the phone's own picker. */
export function TextField({
  id,
  label,
  hint,
  error,
  isOptional,
  type = 'text',
  className,
  ...inputProps
}: TextFieldProps) {
  const [isRevealed, setIsRevealed] = useState(false);
  const isPassword = type === 'password';
  const input = (
    <input
      {...inputProps}
      id={id}
      type={isPassword && isRevealed ? 'text' : type}
      className={type === 'date' || type === 'time' ? 'input input-calendar' : 'input'}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
    />
  );
  return (
    <div className={classNames('field', error && 'has-error', className)}>
      <FieldHeading id={id} label={label} hint={hint} error={error} isOptional={isOptional} />
      {isPassword ? (
        <div className="password-input">
          {input}
          <button
            type="button"
            className="password-toggle"
            aria-controls={id}
            onClick={() => setIsRevealed((revealed) => !revealed)}
          >
            {isRevealed ? 'Hide' : 'Show'}
            <span className="visually-hidden"> password</span>
          </button>
        </div>
      ) : (
        input
      )}
    </div>
  );
}

type TextAreaProps = FieldBaseProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'value' | 'maxLength'> & {
    value: string;
    /** Shows a character count; going over is allowed while typing and reported as an error on submit. */
    maxLength?: number;
  };

/** A multi-line text input with an optional character count. */
export function TextArea({
  id,
  label,
  hint,
  error,
  isOptional,
  maxLength,
  value,
  className,
  rows = 5,
  ...rest
}: TextAreaProps) {
  const remaining = maxLength === undefined ? undefined : maxLength - value.length;
  const countText =
    remaining === undefined
      ? undefined
      : remaining >= 0
        ? `${remaining} of ${maxLength} characters left`
        : `${-remaining} ${remaining === -1 ? 'character' : 'characters'} too many`;
  return (
    <div className={classNames('field', error && 'has-error', className)}>
      <FieldHeading id={id} label={label} hint={hint} error={error} isOptional={isOptional} />
      <textarea
        {...rest}
        id={id}
        rows={rows}
        value={value}
        className="input textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(
          hint !== undefined && `${id}-hint`,
          error && `${id}-error`,
          countText !== undefined && `${id}-count`,
        )}
      />
      {countText !== undefined && (
        <p id={`${id}-count`} className={classNames('field-count', remaining! < 0 && 'is-over')}>
          {countText}
        </p>
      )}
    </div>
  );
}

export type Option = { value: string; label: string; hint?: ReactNode; lang?: string };

type SelectProps = FieldBaseProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    options: readonly Option[];
  };

/** A native select: the phone's own picker, keyboard and screen reader support. */
export function Select({ id, label, hint, error, isOptional, options, className, ...rest }: SelectProps) {
  return (
    <div className={classNames('field', error && 'has-error', className)}>
      <FieldHeading id={id} label={label} hint={hint} error={error} isOptional={isOptional} />
      <select
        {...rest}
        id={id}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type ChoiceGroupProps = FieldBaseProps & {
  /** The name of the inputs (defaults to the id). */
  name?: string;
  options: readonly Option[];
  /** Lays the choices out in columns when there is room (for long lists of short labels). */
  isCompact?: boolean;
  className?: string;
};

function ChoiceGroup({
  id,
  label,
  hint,
  error,
  isOptional,
  isCompact,
  className,
  children,
}: Omit<ChoiceGroupProps, 'options' | 'name'> & { children: ReactNode }) {
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={classNames('field', 'choice-group', error && 'has-error', className)}
      aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
    >
      <legend className="field-label">
        {label}
        <OptionalMark isOptional={isOptional} />
      </legend>
      <FieldHint id={id} hint={hint} />
      <FieldError id={id} error={error} />
      <div className={classNames('choice-list', isCompact && 'is-compact')}>{children}</div>
    </fieldset>
  );
}

function Choice({
  type,
  groupId,
  name,
  option,
  isChecked,
  onChange,
}: {
  type: 'checkbox' | 'radio';
  groupId: string;
  name: string;
  option: Option;
  isChecked: boolean;
  onChange: (isChecked: boolean) => void;
}) {
  const inputId = `${groupId}-${option.value}`;
  return (
    <div className="choice">
      <input
        id={inputId}
        type={type}
        name={name}
        value={option.value}
        checked={isChecked}
        aria-describedby={option.hint ? `${inputId}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={inputId}>
        <span lang={option.lang}>{option.label}</span>
        {option.hint && (
          <span id={`${inputId}-hint`} className="choice-hint">
            {option.hint}
          </span>
        )}
      </label>
    </div>
  );
}

/** Any number of choices from a list. */
export function CheckboxGroup({
  values,
  onChange,
  options,
  name,
  ...groupProps
}: ChoiceGroupProps & { values: readonly string[]; onChange: (values: string[]) => void }) {
  return (
    <ChoiceGroup {...groupProps}>
      {options.map((option) => (
        <Choice
          key={option.value}
          type="checkbox"
          groupId={groupProps.id}
          name={name ?? groupProps.id}
          option={option}
          isChecked={values.includes(option.value)}
          onChange={(isChecked) =>
            // Keep the order of the options, whatever order they were ticked in.
            onChange(
              options
                .map((each) => each.value)
                .filter((each) => (each === option.value ? isChecked : values.includes(each))),
            )
          }
        />
      ))}
    </ChoiceGroup>
  );
}

/** Exactly one choice from a list. */
export function RadioGroup({
  value,
  onChange,
  options,
  name,
  ...groupProps
}: ChoiceGroupProps & { value: string; onChange: (value: string) => void }) {
  return (
    <ChoiceGroup {...groupProps}>
      {options.map((option) => (
        <Choice
          key={option.value}
          type="radio"
          groupId={groupProps.id}
          name={name ?? groupProps.id}
          option={option}
          isChecked={value === option.value}
          onChange={(isChecked) => isChecked && onChange(option.value)}
        />
      ))}
    </ChoiceGroup>
  );
}
