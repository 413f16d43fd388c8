import { useCallback, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { FieldIssue } from '@kindred/common/errors';
import {
  copingStrategies,
  recoveryPlanInputSchema,
  type RecoveryPlan,
  type RecoveryPlanInput,
} from '@kindred/common/recovery';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { CheckboxGroup } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { issuesToFieldErrors, useFormErrors, type FieldErrors } from '../../lib/forms.ts';
import { useRecoveryPlan, useSaveRecoveryPlan } from './plan.api.ts';
import { ContactListField, TextListField, type ContactRow, type RowErrors } from './plan-fields.tsx';
import { PlanView, isPlanEmpty } from './plan-view.tsx';

/** The relapse-prevention plan: made on a calm day, for a hard one. Printable. */
export function RecoveryPlanPage() {
  const plan = useRecoveryPlan();
  return (
    <Page
      title="My recovery plan"
      lead="A plan you make on a calm day, to lean on when a day is hard. Only you can see it."
    >
      {plan.isPending ? (
        <Loading label="Loading your plan…" />
      ) : plan.isError ? (
        <Notice tone="error" title="We could not load your plan">
          <p>{toApiError(plan.error).message}</p>
          <Button variant="secondary" onClick={() => void plan.refetch()} isLoading={plan.isFetching}>
            Try again
          </Button>
        </Notice>
      ) : (
        <PlanPageContent plan={plan.data} />
      )}
    </Page>
  );
}

function PlanPageContent({ plan }: { plan: RecoveryPlan }) {
  const viewHeadingId = useId();
  const hasSavedPlan = plan.updatedAt !== null && !isPlanEmpty(plan);
  return (
    <div className="stack">
      {hasSavedPlan ? (
        <section className="card plan-print" aria-labelledby={viewHeadingId}>
          <PlanView plan={plan} headingId={viewHeadingId} />
          <div className="actions no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              Print my plan
            </Button>
            <Button
              variant="quiet"
              onClick={() => {
                const editor = document.getElementById('plan-editor');
                editor?.focus();
                editor?.scrollIntoView({ block: 'start' });
              }}
            >
              Change my plan
            </Button>
          </div>
        </section>
      ) : (
        <PlanIntro />
      )}
      <PlanForm plan={plan} />
    </div>
  );
}

function PlanIntro() {
  return (
    <Card title="What is a recovery plan for?" className="no-print">
      <p>
        Cravings and hard days come, often without warning. In the middle of one it is hard to think clearly, so it
        helps to have decided beforehand what to do.
      </p>
      <ul className="check-list">
        <li>Know your triggers and the early signs that things are slipping.</li>
        <li>Pick what helps you cope, so you do not have to think of it in the moment.</li>
        <li>Keep the people you can call, and the places where you are safe, in one place.</li>
        <li>Write down why your recovery matters to you, to read on a hard day.</li>
      </ul>
      <p>
        Fill in as much as you like and change it whenever you want. Many people go through it with a sponsor, mentor or
        counsellor. Once saved, you can print it and keep it with you.
      </p>
    </Card>
  );
}

type PlanFormValues = {
  triggers: string[];
  warningSigns: string[];
  copingStrategies: string[];
  ownCopingStrategies: string[];
  reasons: string[];
  peopleToCall: ContactRow[];
  safePlaces: string[];
  professionalContacts: ContactRow[];
};

const fieldLabels = {
  reasons: 'Reasons for my recovery',
  triggers: 'My triggers',
  warningSigns: 'Early warning signs',
  copingStrategies: 'Coping strategies',
  ownCopingStrategies: 'My own coping strategies',
  peopleToCall: 'People I can call',
  safePlaces: 'Safe places',
  professionalContacts: 'Professional contacts',
} as const satisfies Record<keyof PlanFormValues, string>;

/** How a row is named in messages: "Person 2", "Trigger 3". */
const rowNames: Record<keyof PlanFormValues, string> = {
  reasons: 'Reason',
  triggers: 'Trigger',
  warningSigns: 'Warning sign',
  copingStrategies: 'Strategy',
  ownCopingStrategies: 'Strategy',
  peopleToCall: 'Person',
  safePlaces: 'Place',
  professionalContacts: 'Contact',
};

/** An empty list shows one empty row, so there is somewhere to start typing. */
const rowsOf = (items: readonly string[]) => (items.length === 0 ? [''] : [...items]);
const contactRowsOf = (contacts: RecoveryPlan['peopleToCall']): ContactRow[] =>
  contacts.length === 0
    ? [{ name: '', phone: '', note: '' }]
    : contacts.map((contact) => ({ name: contact.name, phone: contact.phone ?? '', note: contact.note ?? '' }));

function toFormValues(plan: RecoveryPlan): PlanFormValues {
  return {
    reasons: rowsOf(plan.reasons),
    triggers: rowsOf(plan.triggers),
    warningSigns: rowsOf(plan.warningSigns),
    copingStrategies: [...plan.copingStrategies],
    ownCopingStrategies: rowsOf(plan.ownCopingStrategies),
    peopleToCall: contactRowsOf(plan.peopleToCall),
    safePlaces: rowsOf(plan.safePlaces),
    professionalContacts: contactRowsOf(plan.professionalContacts),
  };
}

const isBlankContact = (contact: ContactRow) =>
  contact.name.trim() === '' && contact.phone.trim() === '' && contact.note.trim() === '';

/** The whole plan as the API takes it. Fully blank contact rows are left out (blank text rows the schema drops). */
function toInput(values: PlanFormValues): RecoveryPlanInput {
  return {
    reasons: values.reasons,
    triggers: values.triggers,
    warningSigns: values.warningSigns,
    copingStrategies: values.copingStrategies as RecoveryPlanInput['copingStrategies'],
    ownCopingStrategies: values.ownCopingStrategies,
    peopleToCall: values.peopleToCall.filter((contact) => !isBlankContact(contact)),
    safePlaces: values.safePlaces,
    professionalContacts: values.professionalContacts.filter((contact) => !isBlankContact(contact)),
  };
}

/**
 * Issues of single rows go next to the row, and the summary names the row ("Person 2: A name is
 * required."). Contact rows are counted among the rows sent, which skip fully blank rows.
 */
function rowIssues(
  values: PlanFormValues,
  issues: readonly FieldIssue[],
): { fieldErrors: FieldErrors; rows: RowErrors } {
  const rows: RowErrors = {};
  const named: FieldIssue[] = [];
  const sentIndexes = (list: ContactRow[]) =>
    list.flatMap((contact, index) => (isBlankContact(contact) ? [] : [index]));
  const contactIndexes = {
    peopleToCall: sentIndexes(values.peopleToCall),
    professionalContacts: sentIndexes(values.professionalContacts),
  };
  for (const issue of issues) {
    const [field, position, ...rest] = issue.path.split('.');
    const rowName = rowNames[field as keyof PlanFormValues] as string | undefined;
    if (field === undefined || rowName === undefined || position === undefined || !/^\d+$/.test(position)) {
      named.push(issue);
      continue;
    }
    const sent = Number(position);
    const index =
      field === 'peopleToCall' || field === 'professionalContacts' ? (contactIndexes[field][sent] ?? sent) : sent;
    const rowPath = [field, String(index), ...rest].join('.');
    rows[rowPath] ??= issue.message;
    named.push({ path: issue.path, message: `${rowName} ${index + 1}: ${issue.message}` });
  }
  return { fieldErrors: issuesToFieldErrors(named), rows };
}

function PlanForm({ plan }: { plan: RecoveryPlan }) {
  const [values, setValues] = useState(() => toFormValues(plan));
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const form = useFormErrors('plan', fieldLabels);
  const savePlan = useSaveRecoveryPlan();
  const showToast = useToast();
  const headingId = useId();

  const set = useCallback(
    <Name extends keyof PlanFormValues>(name: Name, value: PlanFormValues[Name]) =>
      setValues((previous) => ({ ...previous, [name]: value })),
    [],
  );

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (savePlan.isPending) return;
    const input = toInput(values);
    const result = recoveryPlanInputSchema.safeParse(input);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      }));
      const { fieldErrors, rows } = rowIssues(values, issues);
      setRowErrors(rows);
      form.showErrors(fieldErrors);
      return;
    }
    setRowErrors({});
    savePlan.mutate(input, {
      onSuccess: (saved) => {
        setValues(toFormValues(saved));
        form.showErrors({});
        showToast('Your plan is saved');
      },
      onError: (error) => {
        const apiError = toApiError(error);
        if (apiError.issues.length === 0) {
          form.showApiError(error);
          return;
        }
        const { fieldErrors, rows } = rowIssues(values, apiError.issues);
        setRowErrors(rows);
        form.showErrors(fieldErrors);
      },
    });
  };

  const list = (name: 'reasons' | 'triggers' | 'warningSigns' | 'ownCopingStrategies' | 'safePlaces') => ({
    id: form.fieldId(name),
    path: name,
    values: values[name],
    onChange: (next: string[]) => set(name, next),
    error: form.errorFor(name),
    rowErrors,
  });
  const contacts = (name: 'peopleToCall' | 'professionalContacts') => ({
    id: form.fieldId(name),
    path: name,
    values: values[name],
    onChange: (next: ContactRow[]) => set(name, next),
    error: form.errorFor(name),
    rowErrors,
  });

  return (
    <section id="plan-editor" className="no-print" aria-labelledby={headingId} tabIndex={-1}>
      <h2 id={headingId}>{plan.updatedAt ? 'Change my plan' : 'Write my plan'}</h2>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit} className="stack">
        <Card title="Why recovery matters to me">
          <TextListField
            {...list('reasons')}
            legend="Reasons for my recovery"
            hint="The people, hopes and things you want to protect. Read them on a hard day."
            itemName="Reason"
            addLabel="Add a reason"
          />
        </Card>

        <Card title="Knowing the risks">
          <TextListField
            {...list('triggers')}
            legend="My triggers"
            hint="People, places, feelings or times that make you want to use."
            itemName="Trigger"
            addLabel="Add a trigger"
          />
          <TextListField
            {...list('warningSigns')}
            legend="Early warning signs"
            hint="Changes you notice before things slip: sleeping badly, skipping meetings, keeping secrets."
            itemName="Warning sign"
            addLabel="Add a warning sign"
          />
        </Card>

        <Card title="What helps me cope">
          <CheckboxGroup
            id={form.fieldId('copingStrategies')}
            label="Coping strategies"
            isOptional
            hint="Tick the ones that work for you, or that you want to try."
            error={form.errorFor('copingStrategies')}
            options={copingStrategies.map((strategy) => ({
              value: strategy.code,
              label: strategy.name,
              hint: strategy.description,
            }))}
            values={values.copingStrategies}
            onChange={(next) => set('copingStrategies', next)}
          />
          <TextListField
            {...list('ownCopingStrategies')}
            legend="My own coping strategies"
            hint="Anything else that helps you through a craving."
            itemName="Strategy"
            addLabel="Add a strategy"
          />
        </Card>

        <Card title="Where to turn">
          <ContactListField
            {...contacts('peopleToCall')}
            legend="People I can call"
            hint="Your sponsor, mentor, a friend in recovery, family you trust."
            itemName="Person"
            addLabel="Add a person"
            notePlaceholderHint="For example: my sponsor, call after 6 pm."
          />
          <TextListField
            {...list('safePlaces')}
            legend="Safe places"
            hint="Where you can go to be safe from using: a meeting, a friend’s home, a park, a café."
            itemName="Place"
            addLabel="Add a place"
          />
          <ContactListField
            {...contacts('professionalContacts')}
            legend="Professional contacts"
            hint="Your doctor, counsellor, clinic or treatment center."
            itemName="Contact"
            addLabel="Add a contact"
            notePlaceholderHint="For example: my counsellor, open weekdays 9 to 5."
          />
        </Card>

        <div className="actions">
          <Button type="submit" isLoading={savePlan.isPending}>
            Save my plan
          </Button>
          <Link to="/recovery">Back to My recovery</Link>
        </div>
      </form>
    </section>
  );
}
