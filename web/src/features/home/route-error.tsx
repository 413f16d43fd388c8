import { useRouteError } from 'react-router';
import { Page } from '../../components/page.tsx';
import { NotFoundPage } from './not-found.page.tsx';

/** Shown when a page fails to render or load: say so plainly, offer a way on, point to help. */
export function RouteError() {
  const error = useRouteError();
  if (isNotFound(error)) return <NotFoundPage />;
  const isChunkFailure =
    error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Page title="Something went wrong" lead="This is on our side, not yours.">
      <p>
        {isChunkFailure
          ? 'Part of Kindred could not be loaded. Your connection may have dropped, or Kindred was just updated.'
          : 'This page ran into a problem.'}{' '}
        Reloading the page usually helps.
      </p>
      <p className="actions">
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          Reload the page
        </button>
        <a href="/">Go to the home page</a>
      </p>
      <p>
        If you need someone to talk to right now, <a href="/help">see crisis lines and where to find help</a>.
      </p>
    </Page>
  );
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'status' in error && error.status === 404;
}
