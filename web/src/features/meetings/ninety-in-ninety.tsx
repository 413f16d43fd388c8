/** "90 meetings in 90 days": the member's progress, in words and as a bar. */
import { useId } from 'react';
import { Link } from 'react-router';
import type { AttendanceProgress } from '@kindred/common/meetings';
import { formatPlainDay, plural } from '../../lib/calendar-days.ts';

const GOAL = 90;

export function NinetyInNinety({ progress }: { progress: AttendanceProgress }) {
  const labelId = useId();
  const count = progress.meetingsInLast90Days;
  return (
    <div className="ninety">
      <p id={labelId} className="ninety-count">
        <strong>
          {Math.min(count, GOAL)} of {GOAL}
        </strong>{' '}
        meetings in 90 days
      </p>
      <progress className="ninety-bar" max={GOAL} value={Math.min(count, GOAL)} aria-labelledby={labelId} />
      <p className="ninety-note">
        {count >= GOAL
          ? `You made it: ${count} meetings in the last 90 days. That takes real commitment.`
          : count === 0
            ? 'Mark “I went” after each meeting to count toward 90 meetings in 90 days.'
            : `On ${plural(progress.daysWithAMeetingInLast90Days, 'day', 'different days')} in the last 90 days. Every meeting counts.`}
      </p>
    </div>
  );
}

/** The member's last few meetings, newest first. */
export function RecentMeetings({ progress }: { progress: AttendanceProgress }) {
  if (progress.recent.length === 0) return null;
  return (
    <ul className="recent-meetings">
      {progress.recent.map((entry, index) => (
        <li key={`${entry.day}-${entry.slug ?? index}`}>
          <span className="recent-meetings-day">{formatPlainDay(entry.day, progress.today)}</span>{' '}
          {entry.slug ? (
            <Link to={`/meetings/${encodeURIComponent(entry.slug)}`}>{entry.name}</Link>
          ) : (
            <span>{entry.name}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
