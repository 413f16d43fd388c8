/** Pieces that show where a counter stands today: the day count, the span, the next milestone. */
import { Link } from 'react-router';
import type { Counter, Milestone } from '@kindred/common/recovery';
import { formatCountdown, formatReachedOn, formatSpan } from './recovery-dates.ts';

/** How long a reached milestone is celebrated on the counter before it is simply history. */
const CELEBRATION_DAYS = 7;

/**
 * "You reached 30 days today!" for a week after a milestone arrives, with a way to share it
 * (never shared by itself) on the counter's page.
 */
export function RecentMilestone({
  counter,
  today,
  hasShareLink,
}: {
  counter: Counter;
  today?: string | undefined;
  /** False on the counter's own page, where the share buttons are just below. */
  hasShareLink: boolean;
}) {
  const latest = counter.reachedMilestones[0];
  if (!latest || latest.daysUntil < -(CELEBRATION_DAYS - 1)) return null;
  return (
    <p className="counter-celebration">
      <span aria-hidden="true">🎉 </span>
      You reached <strong>{latest.label}</strong>
      {latest.daysUntil === 0 ? ' today!' : ` (${formatReachedOn(latest, today).toLowerCase()}).`}{' '}
      {latest.sharedMilestoneId
        ? 'You shared it with the community.'
        : hasShareLink && <Link to={`/recovery/counters/${counter.id}`}>Share it with the community, if you like</Link>}
    </p>
  );
}

/** "127 days", with the number large. */
export function DayCount({ days }: { days: number }) {
  return (
    <p className="counter-days">
      <span className="counter-days-number">{days}</span> {days === 1 ? 'day' : 'days'}
    </p>
  );
}

/** "Next milestone: 30 days — in 3 days, on Tue 24 Nov" (or "today!"). */
export function NextMilestone({ milestone, today }: { milestone: Milestone; today?: string | undefined }) {
  return (
    <p className="counter-next">
      Next milestone: <strong>{milestone.label}</strong> — {formatCountdown(milestone, today)}
    </p>
  );
}

/** The day count, the calendar span and the next milestone of a counter. */
export function CounterToday({
  counter,
  today,
  isOwnPage = false,
}: {
  counter: Counter;
  today?: string | undefined;
  isOwnPage?: boolean;
}) {
  return (
    <>
      <DayCount days={counter.days} />
      <p className="counter-span">{formatSpan(counter.span)}</p>
      <RecentMilestone counter={counter} today={today} hasShareLink={!isOwnPage} />
      <NextMilestone milestone={counter.nextMilestone} today={today} />
    </>
  );
}
