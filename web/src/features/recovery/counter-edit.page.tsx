import { useNavigate, useParams } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { Loading } from '../../components/loading.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { CounterForm, toCounterInput, type CounterFormValues } from './counter-form.tsx';
import { CounterLoadProblem } from './counter-not-found.tsx';
import { useCounter, useUpdateCounter } from './counters.api.ts';
import { todayOf } from './recovery-dates.ts';

/** Correct a counter: a typo in its name, or the wrong start date or time. (A slip is "Start again", not this.) */
export function EditCounterPage() {
  const { id = '' } = useParams();
  const counter = useCounter(id);
  const updateCounter = useUpdateCounter(id);
  const navigate = useNavigate();
  const showToast = useToast();
  if (counter.isPending) return <Loading label="Loading your counter…" />;
  if (counter.isError) return <CounterLoadProblem error={counter.error} />;
  const saved: CounterFormValues = {
    label: counter.data.label,
    startedOn: counter.data.startedOn,
    startedAt: counter.data.startedAt ?? '',
  };
  const detailPath = `/recovery/counters/${encodeURIComponent(id)}`;
  return (
    <Page
      title={`Correct ${counter.data.label}`}
      lead="Fix a typo in the name, or the start date or time."
      width="narrow"
    >
      <CounterForm
        initialValues={saved}
        today={todayOf(counter.data)}
        submitLabel="Save changes"
        isSaving={updateCounter.isPending}
        onSave={async (values) => {
          const before = toCounterInput(saved);
          const after = toCounterInput(values);
          const changes = Object.fromEntries(
            (Object.keys(after) as (keyof typeof after)[])
              .filter((name) => after[name] !== before[name])
              .map((name) => [name, after[name]]),
          );
          if (Object.keys(changes).length > 0) await updateCounter.mutateAsync(changes);
          showToast('Counter saved');
          await navigate(detailPath);
        }}
      >
        <ButtonLink to={detailPath} variant="quiet">
          Cancel
        </ButtonLink>
      </CounterForm>
    </Page>
  );
}
