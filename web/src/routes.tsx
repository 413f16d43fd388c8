/** Every address of the web app. Pages other than home load on demand. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { AppShell } from './app-shell.tsx';
import { GuestOnly, RequireMember } from './features/accounts/guards.tsx';
import { HomeRoute } from './features/home/home.route.tsx';
import { NotFoundPage } from './features/home/not-found.page.tsx';
import { RouteError } from './features/home/route-error.tsx';

const JoinPage = lazy(() =>
  import('./features/accounts/join.page.tsx').then((module) => ({ default: module.JoinPage })),
);
const SignInPage = lazy(() =>
  import('./features/accounts/sign-in.page.tsx').then((module) => ({ default: module.SignInPage })),
);
const AccountSettingsPage = lazy(() =>
  import('./features/accounts/account-settings.page.tsx').then((module) => ({ default: module.AccountSettingsPage })),
);
const ProfileSettingsPage = lazy(() =>
  import('./features/profiles/profile-settings.page.tsx').then((module) => ({ default: module.ProfileSettingsPage })),
);
const MemberProfilePage = lazy(() =>
  import('./features/profiles/member-profile.page.tsx').then((module) => ({ default: module.MemberProfilePage })),
);

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      {
        // Errors inside a page keep the header, footer and navigation around them.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomeRoute /> },
          {
            element: <GuestOnly />,
            children: [
              { path: 'join', element: <JoinPage /> },
              { path: 'sign-in', element: <SignInPage /> },
            ],
          },
          {
            element: <RequireMember />,
            children: [
              { path: 'settings/profile', element: <ProfileSettingsPage /> },
              { path: 'settings/account', element: <AccountSettingsPage /> },
              { path: 'members/:handle', element: <MemberProfilePage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
