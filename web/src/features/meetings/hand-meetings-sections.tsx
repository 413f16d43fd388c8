/** On /admin/meetings: the change requests people sent, and the meetings entered by hand here. */
import { Link } from 'react-router';
import { Button, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/dates.ts';
import { MeetingTime, ModeBadge } from './meeting-parts.tsx';
import { useHandMeetings, useOpenChangeRequests, useResolveChangeRequest } from './hand-meetings.api.ts';

const meetingLink = (slug: string) => `/meetings/${encodeURIComponent(slug)}`;

/** Requests to change a meeting, sent from meeting pages; an editor marks each done. */
export function ChangeRequestsSection() {
  const requests = useOpenChangeRequests();
  const resolve = useResolveChangeRequest();
  const showToast = useToast();
  if (requests.isPending) return <Loading label="Loading the change requests…" />;
  if (requests.isError) {
    return (
      <Notice tone="error" title="The change requests could not be loaded">
        <p>{toApiError(requests.error).message}</p>
      </Notice>
    );
  }
  const count = requests.data.length;
  return (
    <section aria-labelledby="change-requests-heading" className="stack">
      <h2 id="change-requests-heading">
        {count === 0 ? 'Change requests' : `${count} ${count === 1 ? 'change request' : 'change requests'}`}
      </h2>
      {count === 0 ? (
        <p className="muted">No one has asked for a change. Requests people send from a meeting’s page come here.</p>
      ) : (
        <Card title="Waiting for an editor" headingLevel={3}>
          <ul className="change-request-list">
            {requests.data.map((request) => (
              <li key={request.id} className="stack">
                <p>
                  <Link to={meetingLink(request.meeting.slug)}>{request.meeting.name}</Link>
                  {' · '}
                  <time dateTime={request.createdAt}>{formatDateTime(request.createdAt)}</time>
                </p>
                <p className="change-request-message">{request.message}</p>
                {request.contact && <p>Reply to: {request.contact}</p>}
                <p>
                  <Button
                    variant="secondary"
                    isLoading={resolve.isPending && resolve.variables === request.id}
                    onClick={() => resolve.mutate(request.id, { onSuccess: () => showToast('Marked as done.') })}
                  >
                    Mark as done<span className="visually-hidden">: {request.meeting.name}</span>
                  </Button>
                </p>
              </li>
            ))}
          </ul>
          {resolve.isError && (
            <Notice tone="error" title="That did not work">
              <p>{toApiError(resolve.error).message}</p>
            </Notice>
          )}
        </Card>
      )}
    </section>
  );
}

/** The meetings kept here rather than in a feed, with a way to add one. */
export function HandMeetingsSection() {
  const meetings = useHandMeetings();
  return (
    <section aria-labelledby="hand-meetings-heading" className="stack">
      <h2 id="hand-meetings-heading">Meetings entered here</h2>
      <p>For meetings no feed lists, or that meet on some weeks of the month only (“the 1st and 3rd Tuesday”).</p>
      <p>
        <ButtonLink to="/admin/meetings/new">Add a meeting</ButtonLink>
      </p>
      {meetings.isPending ? (
        <Loading label="Loading the meetings…" />
      ) : meetings.isError ? (
        <Notice tone="error" title="The meetings could not be loaded">
          <p>{toApiError(meetings.error).message}</p>
        </Notice>
      ) : meetings.data.length === 0 ? (
        <EmptyState title="None yet" headingLevel={3}>
          <p>Meetings you add here are in the finder at once.</p>
        </EmptyState>
      ) : (
        <ul className="meeting-results">
          {meetings.data.map((meeting) => (
            <li key={meeting.slug}>
              <Card title={meeting.name} headingLevel={3}>
                <div className="stack">
                  <p>
                    <MeetingTime meeting={meeting} />
                  </p>
                  <p>
                    <ModeBadge mode={meeting.attendance} />
                    {meeting.openChangeRequests > 0 &&
                      ` · ${meeting.openChangeRequests} ${meeting.openChangeRequests === 1 ? 'change request' : 'change requests'}`}
                  </p>
                  {meeting.attendance !== 'online' && meeting.latitude === null && (
                    <Notice title="Not on the map">
                      <p>We could not place its address. Add its latitude and longitude so “near me” finds it.</p>
                    </Notice>
                  )}
                  <div className="actions">
                    <ButtonLink variant="secondary" to={`/admin/meetings/${encodeURIComponent(meeting.slug)}/edit`}>
                      Change<span className="visually-hidden"> {meeting.name}</span>
                    </ButtonLink>
                    <Link to={meetingLink(meeting.slug)}>
                      See its page<span className="visually-hidden"> ({meeting.name})</span>
                    </Link>
                  </div>
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
