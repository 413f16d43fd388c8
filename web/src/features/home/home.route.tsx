import { Loading } from '../../components/loading.tsx';
import { useMe } from '../../lib/me.ts';
import { LandingPage } from './landing.page.tsx';
import { MemberHomePage } from './member-home.page.tsx';

/** "/": the member's home when signed in, the welcome otherwise (also when the API cannot be reached). */
export function HomeRoute() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  return me.data ? <MemberHomePage me={me.data} /> : <LandingPage />;
}
