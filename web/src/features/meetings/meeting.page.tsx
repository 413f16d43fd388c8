/**
 * /meetings/:slug: one meeting. Public; members can also keep it as a favorite and mark "I went".
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  CHANGE_REQUEST_MAX_LENGTH,
  changeRequestInputSchema,
  type ChangeRequest,
  type MeetingDetail,
} from '@kindred/common/meetings';
import { Button, ButtonAnchor, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextArea, TextField } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useMe } from '../../lib/me.ts';
import { signInPathFor } from '../../lib/navigation.ts';
import { MeetingTime, ModeBadge } from './meeting-parts.tsx';
import { meetingTimeLine, nextStart } from './meeting-times.ts';
import {
  meetingCalendarUrl,
  useMarkAttended,
  useMeeting,
  useRequestMeetingChange,
  useSetFavorite,
} from './meetings.api.ts';
import { NinetyInNinety } from './ninety-in-ninety.tsx';

export function MeetingPage() {
  const { slug = '' } = useParams();
  const meeting = useMeeting(slug);
  if (meeting.isPending) return <Loading label="Loading the meeting…" />;
  if (meeting.isError) return <MeetingLoadProblem error={meeting.error} />;
  return <MeetingView meeting={meeting.data} />;
}

function MeetingLoadProblem({ error }: { error: unknown }) {
  const apiError = toApiError(error);
  if (apiError.code === 'not_found') {
    return (
      <Page title="We could not find that meeting">
        <p>It may have left its meeting list, or the address may be mistyped.</p>
        <p>
          <Link to="/meetings">Find a meeting</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Meeting">
      <Notice tone="error" title="We could not load this meeting">
        <p>{apiError.message}</p>
      </Notice>
    </Page>
  );
}

function MeetingView({ meeting }: { meeting: MeetingDetail }) {
  const isInPerson =
    meeting.attendance === 'in_person' ||
    meeting.attendance === 'hybrid' ||
    (meeting.attendance === 'inactive' && meeting.formattedAddress !== null);
  const isOnline = meeting.attendance === 'online' || meeting.attendance === 'hybrid';
  const typeNames = [...meeting.types.map((type) => type.name), ...meeting.customTypes];
  return (
    <Page title={meeting.name} lead={<MeetingTime meeting={meeting} width="long" />}>
      <p className="back-link">
        <Link to="/meetings">
          <span aria-hidden="true">← </span>Find a meeting
        </Link>
      </p>
      <div className="stack">
        <div className="meeting-summary">
          <ModeBadge mode={meeting.attendance} />
          {meeting.program && <span className="meeting-program">{meeting.program}</span>}
        </div>
        {meeting.weeksOfMonth && <NextMeetingDate meeting={meeting} />}
        {meeting.attendance === 'inactive' && (
          <Notice title="This meeting is not meeting for now">
            <p>Its meeting list says it has stopped for a while. Check with the group before you go.</p>
          </Notice>
        )}
        {typeNames.length > 0 && (
          <section aria-labelledby="meeting-types-heading">
            <h2 id="meeting-types-heading" className="visually-hidden">
              Types
            </h2>
            <ul className="tag-list">
              {typeNames.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </section>
        )}

        {isInPerson && <WhereCard meeting={meeting} />}
        {isOnline && <JoinCard meeting={meeting} />}

        <MeetingActions meeting={meeting} />

        {(meeting.notes || meeting.groupName || meeting.groupNotes) && (
          <Card title="About this meeting">
            {meeting.notes && <p className="meeting-notes">{meeting.notes}</p>}
            {(meeting.groupName || meeting.groupNotes) && (
              <>
                <h3 className="meeting-subheading">Group</h3>
                {meeting.groupName && <p>{meeting.groupName}</p>}
                {meeting.groupNotes && <p className="meeting-notes">{meeting.groupNotes}</p>}
              </>
            )}
          </Card>
        )}

        <SeventhTradition meeting={meeting} />
        <ListingCard meeting={meeting} />
      </div>
    </Page>
  );
}

function WhereCard({ meeting }: { meeting: MeetingDetail }) {
  const address =
    meeting.formattedAddress ?? [meeting.street, meeting.city, meeting.postalCode].filter(Boolean).join(', ');
  return (
    <Card title="Where">
      {meeting.isLocationTemporarilyClosed && (
        <Notice title="The meeting place is closed for now">
          <p>This meeting is online only until it reopens.</p>
        </Notice>
      )}
      {meeting.locationName && <p className="meeting-location-name">{meeting.locationName}</p>}
      {address ? <p>{address}</p> : <p className="muted">The address is not given.</p>}
      {meeting.isApproximate && <p className="muted">This address is approximate (only the town or area is known).</p>}
      {meeting.locationNotes && <p className="meeting-notes">{meeting.locationNotes}</p>}
      {meeting.directionsUrl && (
        <p>
          <ButtonAnchor variant="secondary" href={meeting.directionsUrl} target="_blank" rel="noopener noreferrer">
            Directions<span className="visually-hidden"> (opens a map in a new tab)</span>
          </ButtonAnchor>
        </p>
      )}
    </Card>
  );
}

function JoinCard({ meeting }: { meeting: MeetingDetail }) {
  return (
    <Card title="Join online">
      {!meeting.conferenceUrl && !meeting.conferencePhone && (
        <p className="muted">The meeting list gives no link or phone number to join.</p>
      )}
      {meeting.conferenceUrl && (
        <div className="meeting-join">
          <ButtonAnchor href={meeting.conferenceUrl} target="_blank" rel="noopener noreferrer">
            Join the meeting online<span className="visually-hidden"> (opens in a new tab)</span>
          </ButtonAnchor>
          {meeting.conferenceUrlNotes && <p className="meeting-notes">{meeting.conferenceUrlNotes}</p>}
        </div>
      )}
      {meeting.conferencePhone && (
        <div className="meeting-join">
          <p>
            By phone:{' '}
            <a href={`tel:${meeting.conferencePhone.replace(/[^\d+,;*#]/g, '')}`}>{meeting.conferencePhone}</a>
          </p>
          {meeting.conferencePhoneNotes && <p className="meeting-notes">{meeting.conferencePhoneNotes}</p>}
        </div>
      )}
    </Card>
  );
}

function MeetingActions({ meeting }: { meeting: MeetingDetail }) {
  const me = useMe();
  const location = useLocation();
  const showToast = useToast();

  const share = async () => {
    const url = `${window.location.origin}/meetings/${encodeURIComponent(meeting.slug)}`;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: meeting.name, text: `${meeting.name}: ${meetingTimeLine(meeting)}`, url });
      } catch {
        // The person closed the share sheet: nothing to say.
      }
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      showToast('Link copied. Paste it wherever you like.');
    } catch {
      showToast(`Copy this link: ${url}`);
    }
  };

  return (
    <Card title="Save or share">
      <div className="actions">
        {meeting.day !== null && meeting.startTime !== null && (
          <ButtonAnchor variant="secondary" href={meetingCalendarUrl(meeting.slug)}>
            Add to calendar
          </ButtonAnchor>
        )}
        <Button variant="secondary" onClick={() => void share()}>
          Share
        </Button>
        {me.data && <FavoriteToggle meeting={meeting} />}
      </div>
      {me.data ? (
        <IWent meeting={meeting} />
      ) : me.isPending ? null : (
        <div className="meeting-sign-in">
          <p>Sign in to keep favorites and count your meetings.</p>
          <div className="actions">
            <ButtonLink variant="secondary" to={signInPathFor(location.pathname)}>
              Sign in
            </ButtonLink>
            <Link to="/join">Join Kindred</Link>
          </div>
        </div>
      )}
    </Card>
  );
}

function FavoriteToggle({ meeting }: { meeting: MeetingDetail }) {
  const setFavorite = useSetFavorite(meeting.slug);
  const showToast = useToast();
  const isFavorite = meeting.isFavorite === true;
  const toggle = () =>
    setFavorite.mutate(!isFavorite, {
      onSuccess: (_answer, isNowFavorite) =>
        showToast(isNowFavorite ? 'Added to your favorites.' : 'Taken off your favorites.'),
      onError: (error) => showToast(toApiError(error).message),
    });
  return (
    <Button
      variant="secondary"
      aria-pressed={isFavorite}
      onClick={toggle}
      isLoading={setFavorite.isPending}
      className="favorite-toggle"
    >
      <svg className="favorite-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" />
      </svg>
      Favorite
    </Button>
  );
}

function IWent({ meeting }: { meeting: MeetingDetail }) {
  const markAttended = useMarkAttended(meeting.slug);
  const times = meeting.timesAttended ?? 0;
  return (
    <div className="meeting-attendance">
      <h3 className="meeting-subheading">Did you go?</h3>
      <p className="muted">
        {times === 0
          ? 'Count this meeting toward 90 meetings in 90 days. Only you can see it.'
          : `You have marked this meeting ${times === 1 ? 'once' : `${times} times`}. Only you can see it.`}
      </p>
      <Button onClick={() => markAttended.mutate({})} isLoading={markAttended.isPending}>
        I went today
      </Button>
      {markAttended.isError && (
        <p className="field-error" role="alert">
          {toApiError(markAttended.error).message}
        </p>
      )}
      <div role="status">
        {markAttended.isSuccess && (
          <>
            <p className="meeting-attendance-thanks">Counted. Well done for going.</p>
            <NinetyInNinety progress={markAttended.data} />
            <p>
              <Link to="/recovery/meetings">See your meetings</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}

function SeventhTradition({ meeting }: { meeting: MeetingDetail }) {
  const { venmo, paypal, square } = meeting.seventhTradition;
  if (!venmo && !paypal && !square) return null;
  const links: { label: string; href: string; text: string }[] = [];
  if (venmo)
    links.push({
      label: 'Venmo',
      href: `https://venmo.com/${encodeURIComponent(venmo.replace(/^@/, ''))}`,
      text: venmo,
    });
  if (paypal)
    links.push({ label: 'PayPal', href: `https://www.paypal.me/${encodeURIComponent(paypal)}`, text: paypal });
  if (square)
    links.push({
      label: 'Cash App',
      href: `https://cash.app/${encodeURIComponent(square.startsWith('$') ? square : `$${square}`)}`,
      text: square,
    });
  return (
    <Card title="Seventh Tradition">
      <p className="muted">Groups are self-supporting. If you would like to give online:</p>
      <ul>
        {links.map((link) => (
          <li key={link.label}>
            {link.label}:{' '}
            <a href={link.href} target="_blank" rel="noopener noreferrer">
              {link.text}
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function ChangeRequestLink({
  meeting,
  changeRequest,
}: {
  meeting: MeetingDetail;
  changeRequest: Exclude<ChangeRequest, { kind: 'editors' }>;
}): ReactNode {
  if (changeRequest.kind === 'url') {
    return (
      <a href={changeRequest.url} target="_blank" rel="noopener noreferrer">
        Request a change{meeting.source ? ` on ${meeting.source.name}’s site` : ''}
      </a>
    );
  }
  if (changeRequest.kind === 'email') {
    const subject = `Change to the meeting “${meeting.name}”`;
    const body = `About this meeting: ${window.location.origin}/meetings/${encodeURIComponent(meeting.slug)}\n\nWhat should change:\n`;
    const href = `mailto:${changeRequest.emails.map(encodeURIComponent).join(',')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
    return <a href={href}>Request a change by email</a>;
  }
  return null;
}

/** For a meeting that meets on some weeks of the month: the date it next meets, in its own zone. */
function NextMeetingDate({ meeting }: { meeting: MeetingDetail }) {
  const next = nextStart(meeting);
  if (next === null) return null;
  const date = new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: meeting.timeZone,
  }).format(next);
  return (
    <p>
      <strong>Next meeting:</strong> <time dateTime={new Date(next).toISOString()}>{date}</time>
    </p>
  );
}

const changeRequestLabels = { message: 'What should change?', contact: 'How can the editors reach you?' } as const;

/** "Request a change" to this site's editors, for meetings with no feedback address of their own. */
function ChangeRequestForm({ meeting }: { meeting: MeetingDetail }) {
  const [isOpen, setIsOpen] = useState(false);
  const [values, setValues] = useState({ message: '', contact: '' });
  const send = useRequestMeetingChange(meeting.slug);
  const form = useFormErrors(`change-${useId().replaceAll(':', '')}`, changeRequestLabels);
  const thanksRef = useRef<HTMLDivElement>(null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending) return;
    const input = { message: values.message, contact: values.contact.trim() || undefined };
    if (!form.checkWith(changeRequestInputSchema, input)) return;
    send.mutate(input, {
      onSuccess: () => window.setTimeout(() => thanksRef.current?.focus()),
      onError: form.showApiError,
    });
  };

  if (send.isSuccess) {
    return (
      <div ref={thanksRef} tabIndex={-1}>
        <Notice title="Thank you">
          <p>The people who keep this meeting list will look at it.</p>
        </Notice>
      </div>
    );
  }
  if (!isOpen) {
    return (
      <Button variant="secondary" onClick={() => setIsOpen(true)}>
        Request a change
      </Button>
    );
  }
  return (
    <div className="stack">
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit} className="stack">
        <TextArea
          id={form.fieldId('message')}
          label={changeRequestLabels.message}
          hint="A new time or place, a closed meeting, a wrong link… The people who keep this meeting list will read it."
          error={form.errorFor('message')}
          maxLength={CHANGE_REQUEST_MAX_LENGTH}
          rows={4}
          value={values.message}
          onChange={(event) => setValues((previous) => ({ ...previous, message: event.target.value }))}
        />
        <TextField
          id={form.fieldId('contact')}
          label={changeRequestLabels.contact}
          isOptional
          hint="Only if you would like an answer: an email or a phone number."
          error={form.errorFor('contact')}
          value={values.contact}
          onChange={(event) => setValues((previous) => ({ ...previous, contact: event.target.value }))}
          autoComplete="off"
        />
        <div className="actions">
          <Button type="submit" isLoading={send.isPending}>
            Send to the editors
          </Button>
          <Button variant="secondary" onClick={() => setIsOpen(false)}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}

function ListingCard({ meeting }: { meeting: MeetingDetail }) {
  return (
    <Card title="About this listing">
      <dl className="meeting-listing">
        {meeting.source && (
          <div>
            <dt>From</dt>
            <dd>
              {meeting.source.url ? (
                <a href={meeting.source.url} target="_blank" rel="noopener noreferrer">
                  {meeting.source.name}
                </a>
              ) : (
                meeting.source.name
              )}
              {meeting.url && (
                <>
                  {' '}
                  (
                  <a href={meeting.url} target="_blank" rel="noopener noreferrer">
                    this meeting on their site
                  </a>
                  )
                </>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>Last updated</dt>
          <dd>{formatDate(meeting.updatedAt)}</dd>
        </div>
        {meeting.regions.length > 0 && (
          <div>
            <dt>Area</dt>
            <dd>{meeting.regions.join(', ')}</dd>
          </div>
        )}
      </dl>
      {meeting.changeRequest.kind === 'editors' ? (
        <div className="stack">
          <p>Something wrong?</p>
          <ChangeRequestForm meeting={meeting} />
        </div>
      ) : (
        <p>
          Something wrong? <ChangeRequestLink meeting={meeting} changeRequest={meeting.changeRequest} />
        </p>
      )}
    </Card>
  );
}
