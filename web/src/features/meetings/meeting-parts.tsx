/** Small pieces every meeting page shares: the time in both zones, the mode badge, a result in a list. */
import { Link } from 'react-router';
import type { AttendanceMode, MeetingSummary } from '@kindred/common/meetings';
import { describeMeetingTime } from './meeting-times.ts';

const modeBadgeLabels: Record<AttendanceMode, string> = {
  in_person: 'In person',
  online: 'Online',
  hybrid: 'Hybrid',
  inactive: 'Not meeting for now',
};

/** The attendance mode in words (never color alone). */
export function ModeBadge({ mode }: { mode: AttendanceMode }) {
  return <span className={`badge meeting-badge meeting-badge-${mode}`}>{modeBadgeLabels[mode]}</span>;
}

/** "Sun 7:00 PM in New York · 4:00 PM your time" (the viewer's part only when it differs). */
export function MeetingTime({
  meeting,
  width = 'short',
}: {
  meeting: Pick<MeetingSummary, 'day' | 'weeksOfMonth' | 'startTime' | 'endTime' | 'timeZone'>;
  width?: 'short' | 'long';
}) {
  const time = describeMeetingTime(meeting, { width });
  return (
    <span className="meeting-time">
      <span className="meeting-time-local">
        {time.local}
        {time.zoneNote && ` ${time.zoneNote}`}
      </span>
      {time.viewer && (
        <>
          <span aria-hidden="true"> · </span>
          <span className="meeting-time-viewer">
            <span className="visually-hidden">, </span>
            {time.viewer}
          </span>
        </>
      )}
    </span>
  );
}

/** "0.8 mi away". */
export function formatDistance(distance: NonNullable<MeetingSummary['distance']>): string {
  const value = distance.value < 10 ? distance.value.toFixed(1) : Math.round(distance.value).toString();
  return `${value} ${distance.unit} away`;
}

/** Where the meeting happens, in a few words: the place's name and town, or "Online". */
export function meetingPlaceLine(meeting: MeetingSummary): string {
  if (meeting.attendance === 'online') return 'Online';
  const where = [meeting.locationName, meeting.city].filter(Boolean).join(', ');
  const place = where || meeting.formattedAddress || 'Address not given';
  return meeting.attendance === 'hybrid' ? `${place}, and online` : place;
}

/** One meeting in a list of results or favorites; its name is a heading that links to its page. */
export function MeetingResult({ meeting, headingLevel = 3 }: { meeting: MeetingSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="meeting-result">
      <Heading className="meeting-result-name">
        <Link to={`/meetings/${encodeURIComponent(meeting.slug)}`}>{meeting.name}</Link>
      </Heading>
      <p className="meeting-result-time">
        <MeetingTime meeting={meeting} />
      </p>
      <p className="meeting-result-place">
        <ModeBadge mode={meeting.attendance} />
        {/* An online meeting's badge already says where it is. */}
        {meeting.attendance !== 'online' && <span>{meetingPlaceLine(meeting)}</span>}
        {meeting.distance && <span className="meeting-result-distance">{formatDistance(meeting.distance)}</span>}
      </p>
      {meeting.types.length > 0 && (
        <p className="meeting-result-types">
          <span className="visually-hidden">Types: </span>
          {meeting.types.map((type) => type.name).join(' · ')}
        </p>
      )}
    </li>
  );
}
