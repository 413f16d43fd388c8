import { Suspense } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router';
import { Loading } from './components/loading.tsx';
import { ThemeSwitch } from './components/theme-switch.tsx';
import { useSignOutAndLeave } from './features/accounts/sign-out.ts';
import { canKeepMeetingList } from './features/meetings/sources.api.ts';
import { canModerate } from './features/moderation/moderation-roles.ts';
import { NotificationBell } from './features/notifications/notification-bell.tsx';
import { useMe } from './lib/me.ts';

/**
 * The frame of every page: header with navigation, main content, footer. The skip link and the
 * "Get help now" bar are static in index.html (they must work without JavaScript), so not here.
 */
export function AppShell() {
  return (
    <>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <rect width="32" height="32" rx="8" />
              <circle cx="12.5" cy="16" r="6.5" />
              <circle cx="19.5" cy="16" r="6.5" />
            </svg>
            Kindred
          </Link>
          <SiteNav />
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="site-footer-inner">
          <div>
            <p>Kindred is peer support, not a substitute for professional treatment.</p>
            <p>Free and open source, made with people in recovery.</p>
          </div>
          <ThemeSwitch />
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}

function SiteNav() {
  const me = useMe();
  const { signOutAndLeave, isSigningOut } = useSignOutAndLeave();
  // Until we know who is here, show no links rather than the wrong ones.
  if (me.isPending) return null;
  return (
    <nav aria-label="Main" className={me.data ? 'site-nav' : 'site-nav is-short'}>
      <ul>
        {me.data ? (
          <>
            <li>
              <NavLink to="/" end className="nav-link">
                Home
              </NavLink>
            </li>
            <li>
              <NavLink to="/recovery" className="nav-link">
                My recovery
              </NavLink>
            </li>
            <li>
              <NavLink to="/meetings" className="nav-link">
                Meetings
              </NavLink>
            </li>
            <li>
              <NavLink to="/community" className="nav-link">
                Community
              </NavLink>
            </li>
            {canKeepMeetingList(me.data.role) && (
              <li>
                <NavLink to="/admin/meetings" className="nav-link">
                  Meeting sources
                </NavLink>
              </li>
            )}
            {canModerate(me.data.role) && (
              <li>
                <NavLink to="/moderation" className="nav-link">
                  Moderation
                </NavLink>
              </li>
            )}
            <li>
              <NavLink to="/milestones" className="nav-link">
                Milestones
              </NavLink>
            </li>
            <li>
              <NotificationBell />
            </li>
            <li>
              <NavLink to="/settings/profile" className="nav-link">
                Profile
              </NavLink>
            </li>
            <li>
              <NavLink to="/settings/account" className="nav-link">
                Account
              </NavLink>
            </li>
            <li>
              <button
                type="button"
                className="nav-link"
                onClick={signOutAndLeave}
                aria-busy={isSigningOut || undefined}
              >
                Sign out
              </button>
            </li>
          </>
        ) : (
          <>
            <li>
              <NavLink to="/meetings" className="nav-link">
                Meetings
              </NavLink>
            </li>
            <li>
              <NavLink to="/sign-in" className="nav-link">
                Sign in
              </NavLink>
            </li>
            <li>
              <NavLink to="/join" className="nav-link nav-link-join">
                Join
              </NavLink>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}
