import { Link } from 'react-router';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';

/** What a counter page shows when the counter cannot be loaded: gone, or the server out of reach. */
export function CounterLoadProblem({ error }: { error: unknown }) {
  const apiError = toApiError(error);
  if (apiError.code === 'not_found') {
    return (
      <Page title="We could not find that counter">
        <p>It may have been deleted, or the address may be mistyped.</p>
        <p>
          <Link to="/recovery">Go to My recovery</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Counter">
      <Notice tone="error" title="We could not load this counter">
        <p>{apiError.message}</p>
      </Notice>
    </Page>
  );
}
