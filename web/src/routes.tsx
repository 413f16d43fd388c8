/** Every address of the web app. Pages other than home load on demand. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { AppShell } from './app-shell.tsx';
import { GuestOnly, RequireMember } from './features/accounts/guards.tsx';
import { HomeRoute } from './features/home/home.route.tsx';
import { NotFoundPage } from './features/home/not-found.page.tsx';
import { RouteError } from './features/home/route-error.tsx';
import { RequireModerator } from './features/moderation/require-moderator.tsx';

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
const CheckInPage = lazy(() =>
  import('./features/recovery/check-in.page.tsx').then((module) => ({ default: module.CheckInPage })),
);
const CheckInHistoryPage = lazy(() =>
  import('./features/recovery/check-ins.page.tsx').then((module) => ({ default: module.CheckInHistoryPage })),
);
const RecoveryPlanPage = lazy(() =>
  import('./features/recovery/plan.page.tsx').then((module) => ({ default: module.RecoveryPlanPage })),
);
const JournalPage = lazy(() =>
  import('./features/recovery/journal.page.tsx').then((module) => ({ default: module.JournalPage })),
);
const JournalEntryPage = lazy(() =>
  import('./features/recovery/journal-entry.page.tsx').then((module) => ({ default: module.JournalEntryPage })),
);
const RecoveryPage = lazy(() =>
  import('./features/recovery/recovery.page.tsx').then((module) => ({ default: module.RecoveryPage })),
);
const NewCounterPage = lazy(() =>
  import('./features/recovery/counter-new.page.tsx').then((module) => ({ default: module.NewCounterPage })),
);
const CounterPage = lazy(() =>
  import('./features/recovery/counter.page.tsx').then((module) => ({ default: module.CounterPage })),
);
const EditCounterPage = lazy(() =>
  import('./features/recovery/counter-edit.page.tsx').then((module) => ({ default: module.EditCounterPage })),
);
const StartAgainPage = lazy(() =>
  import('./features/recovery/counter-start-again.page.tsx').then((module) => ({ default: module.StartAgainPage })),
);
const MilestonesPage = lazy(() =>
  import('./features/recovery/milestones.page.tsx').then((module) => ({ default: module.MilestonesPage })),
);
const MeetingsFinderPage = lazy(() =>
  import('./features/meetings/meetings-finder.page.tsx').then((module) => ({ default: module.MeetingsFinderPage })),
);
const MeetingPage = lazy(() =>
  import('./features/meetings/meeting.page.tsx').then((module) => ({ default: module.MeetingPage })),
);
const MyMeetingsPage = lazy(() =>
  import('./features/meetings/my-meetings.page.tsx').then((module) => ({ default: module.MyMeetingsPage })),
);
const MeetingSourcesPage = lazy(() =>
  import('./features/meetings/sources.page.tsx').then((module) => ({ default: module.MeetingSourcesPage })),
);
const HandMeetingPage = lazy(() =>
  import('./features/meetings/hand-meeting.page.tsx').then((module) => ({ default: module.HandMeetingPage })),
);
/* notifications, safety, moderation */
const NotificationsPage = lazy(() =>
  import('./features/notifications/notifications.page.tsx').then((module) => ({ default: module.NotificationsPage })),
);
const ModerationPage = lazy(() =>
  import('./features/moderation/moderation.page.tsx').then((module) => ({ default: module.ModerationPage })),
);
const ModerationLogPage = lazy(() =>
  import('./features/moderation/moderation-log.page.tsx').then((module) => ({ default: module.ModerationLogPage })),
);

/* community */
const CommunityHomePage = lazy(() =>
  import('./features/community/community.page.tsx').then((module) => ({ default: module.CommunityHomePage })),
);
const CategoryPage = lazy(() =>
  import('./features/community/category.page.tsx').then((module) => ({ default: module.CategoryPage })),
);
const NewTopicPage = lazy(() =>
  import('./features/community/new-topic.page.tsx').then((module) => ({ default: module.NewTopicPage })),
);
const TopicPage = lazy(() =>
  import('./features/community/topic.page.tsx').then((module) => ({ default: module.TopicPage })),
);
const CommunitySearchPage = lazy(() =>
  import('./features/community/search.page.tsx').then((module) => ({ default: module.CommunitySearchPage })),
);
const CommunityPreferencesPage = lazy(() =>
  import('./features/community/preferences.page.tsx').then((module) => ({
    default: module.CommunityPreferencesPage,
  })),
);
const ResourcesPage = lazy(() =>
  import('./features/community/resources.page.tsx').then((module) => ({ default: module.ResourcesPage })),
);
const ArticlePage = lazy(() =>
  import('./features/community/article.page.tsx').then((module) => ({ default: module.ArticlePage })),
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
          // The meeting finder is public: nobody needs an account to find a meeting.
          { path: 'meetings', element: <MeetingsFinderPage /> },
          { path: 'meetings/:slug', element: <MeetingPage /> },
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
              { path: 'recovery/check-in', element: <CheckInPage /> },
              { path: 'recovery/check-ins', element: <CheckInHistoryPage /> },
              { path: 'recovery/plan', element: <RecoveryPlanPage /> },
              { path: 'recovery/journal', element: <JournalPage /> },
              { path: 'recovery/journal/:id', element: <JournalEntryPage /> },
              { path: 'recovery/meetings', element: <MyMeetingsPage /> },
              { path: 'recovery', element: <RecoveryPage /> },
              { path: 'recovery/counters/new', element: <NewCounterPage /> },
              { path: 'recovery/counters/:id', element: <CounterPage /> },
              { path: 'recovery/counters/:id/edit', element: <EditCounterPage /> },
              { path: 'recovery/counters/:id/start-again', element: <StartAgainPage /> },
              { path: 'milestones', element: <MilestonesPage /> },
              // For meeting editors and admins; other members see a short note instead.
              { path: 'admin/meetings', element: <MeetingSourcesPage /> },
              { path: 'admin/meetings/new', element: <HandMeetingPage /> },
              { path: 'admin/meetings/:slug/edit', element: <HandMeetingPage /> },
              /* notifications, safety, moderation */
              { path: 'notifications', element: <NotificationsPage /> },
              {
                // For moderators and admins; other members see a short note instead.
                element: <RequireModerator />,
                children: [
                  { path: 'moderation', element: <ModerationPage /> },
                  { path: 'moderation/log', element: <ModerationLogPage /> },
                ],
              },
            ],
          },
          /* community */
          // Resource articles are public; their comments and the forums are for members.
          { path: 'resources', element: <ResourcesPage /> },
          { path: 'resources/:slug', element: <ArticlePage /> },
          {
            element: <RequireMember />,
            children: [
              { path: 'community', element: <CommunityHomePage /> },
              { path: 'community/new', element: <NewTopicPage /> },
              { path: 'community/search', element: <CommunitySearchPage /> },
              { path: 'community/preferences', element: <CommunityPreferencesPage /> },
              { path: 'community/c/:slug', element: <CategoryPage /> },
              { path: 'community/t/:id', element: <TopicPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
