import { Link } from 'react-router';
import { Page } from '../../components/page.tsx';

/** Any address the app does not know. */
export function NotFoundPage() {
  return (
    <Page title="We could not find that page" lead="The address may be mistyped, or the page may have moved.">
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
      <p>
        If you need someone to talk to right now, <a href="/help">see crisis lines and where to find help</a>.
      </p>
    </Page>
  );
}
