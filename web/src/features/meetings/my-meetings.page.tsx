/** /recovery/meetings: a member's favorite meetings and their "90 meetings in 90 days". */
import { Link } from 'react-router';
import { ButtonAnchor, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { MeetingResult } from './meeting-parts.tsx';
import { favoritesCalendarUrl, useAttendanceProgress, useFavoriteMeetings } from './meetings.api.ts';
import { NinetyInNinety, RecentMeetings } from './ninety-in-ninety.tsx';

export function MyMeetingsPage() {
  return (
    <Page title="My meetings" lead="The meetings you keep coming back to, and the ones you went to.">
      <p className="back-link">
        <Link to="/recovery">
          <span aria-hidden="true">← </span>My recovery
        </Link>
      </p>
      <div className="stack">
        <AttendanceCard />
        <FavoritesCard />
        <p>
          <Link to="/meetings">Find a meeting</Link>
        </p>
      </div>
    </Page>
  );
}

function AttendanceCard() {
  const attendance = useAttendanceProgress();
  return (
    <Card title="90 meetings in 90 days">
      {attendance.isPending ? (
        <Loading label="Loading your meetings…" />
      ) : attendance.isError ? (
        <Notice tone="error" title="Your meetings could not be loaded">
          <p>{toApiError(attendance.error).message}</p>
        </Notice>
      ) : (
        <>
          <NinetyInNinety progress={attendance.data} />
          {attendance.data.recent.length > 0 && (
            <>
              <h3 className="meeting-subheading">Recently</h3>
              <RecentMeetings progress={attendance.data} />
            </>
          )}
          <p className="muted">
            {attendance.data.totalMeetings === 0
              ? 'Only you can see the meetings you count.'
              : `${attendance.data.totalMeetings} ${attendance.data.totalMeetings === 1 ? 'meeting' : 'meetings'} counted in all. Only you can see them.`}
          </p>
        </>
      )}
    </Card>
  );
}

function FavoritesCard() {
  const favorites = useFavoriteMeetings();
  return (
    <Card title="Favorites">
      {favorites.isPending ? (
        <Loading label="Loading your favorites…" />
      ) : favorites.isError ? (
        <Notice tone="error" title="Your favorites could not be loaded">
          <p>{toApiError(favorites.error).message}</p>
        </Notice>
      ) : favorites.data.length === 0 ? (
        <EmptyState
          title="No favorites yet"
          headingLevel={3}
          action={
            <ButtonLink to="/meetings" variant="secondary">
              Find a meeting
            </ButtonLink>
          }
        >
          <p>Tap “Favorite” on a meeting’s page to keep it here.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="meeting-results">
            {favorites.data.map((meeting) => (
              <MeetingResult key={meeting.slug} meeting={meeting} />
            ))}
          </ul>
          <p>
            <ButtonAnchor variant="secondary" href={favoritesCalendarUrl}>
              Add all to your calendar
            </ButtonAnchor>
          </p>
          <p className="muted">A calendar file with every favorite, each on its own day and time.</p>
        </>
      )}
    </Card>
  );
}
