/** /recovery/meetings: a member's favorite meetings and their "90 meetings in 90 days". */
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, ButtonAnchor, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { MeetingResult } from './meeting-parts.tsx';
import {
  favoritesCalendarUrl,
  useAttendanceProgress,
  useCalendarLink,
  useFavoriteMeetings,
  useMakeCalendarLink,
  useRemoveCalendarLink,
} from './meetings.api.ts';
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
          <CalendarSubscription />
        </>
      )}
    </Card>
  );
}

/**
 * A private link calendar apps subscribe to, so favorites added later appear there too. Anyone
 * with the link sees the favorites, so it is made only when asked, shown once, and can be replaced
 * or turned off.
 */
function CalendarSubscription() {
  const link = useCalendarLink();
  const make = useMakeCalendarLink();
  const remove = useRemoveCalendarLink();
  const showToast = useToast();
  const [shownUrl, setShownUrl] = useState<string | null>(null);
  const makeLink = () =>
    make.mutate(undefined, {
      onSuccess: (made) => setShownUrl(made.url),
    });
  const problem = make.error ?? remove.error ?? link.error;
  return (
    <section aria-labelledby="calendar-link-heading" className="stack">
      <h3 id="calendar-link-heading">Keep your calendar up to date</h3>
      <p>
        A private link your calendar app can subscribe to: favorites you add later appear there too. Anyone with the
        link can see your favorite meetings, so keep it to yourself.
      </p>
      {problem && (
        <Notice tone="error" title="That did not work">
          <p>{toApiError(problem).message}</p>
        </Notice>
      )}
      {shownUrl && (
        <div className="stack">
          <label htmlFor="calendar-link-url" className="field-label">
            Your private calendar link (copy it now: it is shown only once)
          </label>
          <input
            id="calendar-link-url"
            className="input"
            readOnly
            value={shownUrl}
            onFocus={(event) => event.target.select()}
          />
          <div className="actions">
            <Button
              variant="secondary"
              onClick={() =>
                void navigator.clipboard
                  .writeText(shownUrl)
                  .then(() => showToast('Link copied.'))
                  .catch(() => showToast('Select the link and copy it.'))
              }
            >
              Copy the link
            </Button>
            <ButtonAnchor variant="secondary" href={shownUrl.replace(/^https?:/, 'webcal:')}>
              Open in my calendar app
            </ButtonAnchor>
          </div>
        </div>
      )}
      {link.isPending ? (
        <Loading label="Loading…" />
      ) : link.data ? (
        <>
          {!shownUrl && (
            <p className="muted">
              You made a link on <time dateTime={link.data.createdAt}>{formatDateTime(link.data.createdAt)}</time>.
            </p>
          )}
          <div className="actions">
            <Button variant="secondary" isLoading={make.isPending} onClick={makeLink}>
              Replace the link
            </Button>
            <Button
              variant="danger"
              isLoading={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    setShownUrl(null);
                    showToast('The calendar link is off.');
                  },
                })
              }
            >
              Turn the link off
            </Button>
          </div>
        </>
      ) : (
        <p>
          <Button variant="secondary" isLoading={make.isPending} onClick={makeLink}>
            Make a private calendar link
          </Button>
        </p>
      )}
    </section>
  );
}
