/** The settings of a meeting source, shared by adding one and changing one. */
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import {
  meetingSourceInputSchema,
  meetingSourceKindLabels,
  meetingSourceKinds,
  type MeetingSource,
  type MeetingSourceInput,
  type MeetingSourceKind,
} from '@kindred/common/meetings';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { RadioGroup, Select, TextField, type Option } from '../../components/fields.tsx';
import { useFormErrors } from '../../lib/forms.ts';

const fieldLabels = {
  name: 'Name',
  kind: 'Kind of source',
  url: 'Web address',
  program: 'Fellowship',
  defaultTimeZone: 'Time zone',
  refreshIntervalMinutes: 'Refresh',
} as const;

const HOUR = 60;
const DAY = 24 * HOUR;

/** How often a source with a web address is read again, in minutes (null: only when asked). */
export const refreshChoices: readonly { minutes: number | null; label: string }[] = [
  { minutes: null, label: 'Never (only when I import it)' },
  { minutes: HOUR, label: 'Every hour' },
  { minutes: 6 * HOUR, label: 'Every 6 hours' },
  { minutes: DAY, label: 'Every day' },
  { minutes: 7 * DAY, label: 'Every week' },
];

/** A refresh interval in words: "every day", "every 6 hours", "never". */
export function refreshInWords(minutes: number | null): string {
  if (minutes === null) return 'Never';
  const choice = refreshChoices.find((each) => each.minutes === minutes);
  if (choice) return choice.label;
  if (minutes % DAY === 0) return `Every ${minutes / DAY} days`;
  if (minutes % HOUR === 0) return `Every ${minutes / HOUR} hours`;
  return `Every ${minutes} minutes`;
}

const kindOptions: Option[] = meetingSourceKinds.map((kind) => ({ value: kind, label: meetingSourceKindLabels[kind] }));

/** The browser's own time zone, the usual choice. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function timeZoneOptions(current: string): Option[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const all = zones.includes(current) ? zones : [current, ...zones];
  return all.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}

type SourceFormValues = {
  name: string;
  kind: MeetingSourceKind;
  url: string;
  program: string;
  defaultTimeZone: string;
  refreshIntervalMinutes: string;
};

function toValues(source: MeetingSource | undefined): SourceFormValues {
  return {
    name: source?.name ?? '',
    kind: source?.kind ?? 'meeting-guide-json',
    url: source?.url ?? '',
    program: source?.program ?? '',
    defaultTimeZone: source?.defaultTimeZone ?? browserTimeZone(),
    refreshIntervalMinutes: String(source?.refreshIntervalMinutes ?? ''),
  };
}

/** The values as the API takes them: empty words mean "none". */
function toInput(values: SourceFormValues): MeetingSourceInput {
  const url = values.url.trim();
  const program = values.program.trim();
  return {
    name: values.name,
    kind: values.kind,
    url: url === '' ? null : url,
    program: program === '' ? null : program,
    defaultTimeZone: values.defaultTimeZone,
    refreshIntervalMinutes: values.refreshIntervalMinutes === '' ? null : Number(values.refreshIntervalMinutes),
  };
}

type SourceFormProps = {
  /** The source being changed; none when adding one. */
  source?: MeetingSource;
  /** Makes the field ids unique on a page with several forms. */
  idPrefix: string;
  submitLabel: string;
  isSaving: boolean;
  /** Saves the input; a rejected promise's error is shown on the form. */
  onSave: (input: MeetingSourceInput) => Promise<unknown>;
  /** More actions beside the submit button (a way back). */
  children?: ReactNode;
};

export function SourceForm({ source, idPrefix, submitLabel, isSaving, onSave, children }: SourceFormProps) {
  const [values, setValues] = useState(() => toValues(source));
  const form = useFormErrors(idPrefix, fieldLabels);
  const zones = useMemo(() => timeZoneOptions(values.defaultTimeZone), [values.defaultTimeZone]);
  const refreshOptions = useMemo(() => {
    const options: Option[] = refreshChoices.map((choice) => ({
      value: String(choice.minutes ?? ''),
      label: choice.label,
    }));
    // Keep an interval set elsewhere (the CLI) that is not one of the usual choices.
    const current = source?.refreshIntervalMinutes ?? null;
    if (current !== null && !refreshChoices.some((choice) => choice.minutes === current)) {
      options.push({ value: String(current), label: refreshInWords(current) });
    }
    return options;
  }, [source?.refreshIntervalMinutes]);

  const update = (name: keyof SourceFormValues) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [name]: event.target.value }));

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSaving) return;
    const input = toInput(values);
    if (!form.checkWith(meetingSourceInputSchema, input)) return;
    onSave(input).catch(form.showApiError);
  };

  return (
    <div className="stack">
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit} className="stack">
        <TextField
          id={form.fieldId('name')}
          label="Name"
          hint="So you can tell your sources apart, e.g. “Kansas City AA”."
          error={form.errorFor('name')}
          value={values.name}
          onChange={update('name')}
          autoComplete="off"
        />
        <RadioGroup
          id={form.fieldId('kind')}
          label="Kind of source"
          error={form.errorFor('kind')}
          options={kindOptions}
          value={values.kind}
          onChange={(kind) => setValues((previous) => ({ ...previous, kind: kind as MeetingSourceKind }))}
        />
        <TextField
          id={form.fieldId('url')}
          type="url"
          label="Web address"
          isOptional
          hint="Where Kindred reads the meeting list, starting with https://. Leave it empty to upload files instead."
          error={form.errorFor('url')}
          value={values.url}
          onChange={update('url')}
          inputMode="url"
          autoComplete="off"
        />
        <TextField
          id={form.fieldId('program')}
          label="Fellowship"
          isOptional
          hint="For example AA, NA or Al-Anon. People can search by it."
          error={form.errorFor('program')}
          value={values.program}
          onChange={update('program')}
          autoComplete="off"
        />
        <Select
          id={form.fieldId('defaultTimeZone')}
          label="Time zone"
          hint="For meetings that do not say which time zone they are in."
          error={form.errorFor('defaultTimeZone')}
          options={zones}
          value={values.defaultTimeZone}
          onChange={update('defaultTimeZone')}
        />
        <Select
          id={form.fieldId('refreshIntervalMinutes')}
          label="Refresh"
          hint="How often Kindred reads the web address again. Uploaded files are only read when you upload them."
          error={form.errorFor('refreshIntervalMinutes')}
          options={refreshOptions}
          value={values.refreshIntervalMinutes}
          onChange={update('refreshIntervalMinutes')}
        />
        <div className="actions">
          <Button type="submit" isLoading={isSaving}>
            {submitLabel}
          </Button>
          {children}
        </div>
      </form>
    </div>
  );
}
