/** Route guards: pages for members only, and pages for people who are not signed in. */
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { Button } from '../../components/button.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { toApiError } from '../../lib/api.ts';
import { isLeaving, useMe } from '../../lib/me.ts';
import { safeNextPath, signInPathFor } from '../../lib/navigation.ts';

/** Shows the child routes to members; everyone else goes to sign in and comes back afterwards. */
export function RequireMember() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <div className="page">
        <Notice tone="error" title="We could not reach Kindred">
          <p>{toApiError(me.error).message}</p>
          <Button variant="secondary" onClick={() => void me.refetch()} isLoading={me.isFetching}>
            Try again
          </Button>
        </Notice>
      </div>
    );
  }
  if (!me.data) {
    // Someone who just signed out or deleted their account is on the way home, not to sign in.
    if (isLeaving()) return null;
    return <Navigate to={signInPathFor(location.pathname + location.search)} replace />;
  }
  return <Outlet />;
}

/** Join and sign-in: a member who is already signed in goes on to where they were heading. */
export function GuestOnly() {
  const me = useMe();
  const [searchParams] = useSearchParams();
  if (me.isPending) return <Loading />;
  if (me.data) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  return <Outlet />;
}
