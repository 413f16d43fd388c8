/** The guard of /moderation/*: moderators and admins see the pages; other members a short note, as on other staff pages. */
import { Link, Outlet } from 'react-router';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useMe } from '../../lib/me.ts';
import { canModerate } from './moderation-roles.ts';

export function RequireModerator() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!canModerate(me.data?.role)) {
    return (
      <Page title="Moderation">
        <Notice title="This page is for moderators">
          <p>
            Moderators are the volunteers and staff who look after the community. If you would like to help, ask an
            admin of this site.
          </p>
          <p>
            <Link to="/">Go to your home page</Link>
          </p>
        </Notice>
      </Page>
    );
  }
  return <Outlet />;
}
