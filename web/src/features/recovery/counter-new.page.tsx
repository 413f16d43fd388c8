import { useNavigate } from 'react-router';
import { ButtonLink } from '../../components/button.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { CounterForm, toCounterInput } from './counter-form.tsx';
import { useCounters, useCreateCounter } from './counters.api.ts';

/** Add a counter: what it counts and when this stretch of recovery began. */
export function NewCounterPage() {
  const counters = useCounters();
  const createCounter = useCreateCounter();
  const navigate = useNavigate();
  const showToast = useToast();
  return (
    <Page
      title="Add a counter"
      lead="Count your days from the start of this stretch of recovery. Only you can see your counters."
      width="narrow"
    >
      {counters.isPending ? (
        <Loading />
      ) : counters.isError ? (
        <Notice tone="error" title="We could not load this form">
          <p>{toApiError(counters.error).message}</p>
        </Notice>
      ) : (
        <CounterForm
          initialValues={{ label: '', startedOn: counters.data.today, startedAt: '' }}
          today={counters.data.today}
          submitLabel="Add counter"
          isSaving={createCounter.isPending}
          onSave={async (values) => {
            const counter = await createCounter.mutateAsync(toCounterInput(values));
            showToast(`${counter.label} counter added`);
            await navigate(`/recovery/counters/${encodeURIComponent(counter.id)}`);
          }}
        >
          <ButtonLink to="/recovery" variant="quiet">
            Cancel
          </ButtonLink>
        </CounterForm>
      )}
    </Page>
  );
}
