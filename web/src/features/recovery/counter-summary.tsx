/** Pieces that show where a counter stands today: the day count, the span, the next milestone. */
import type { Counter, Milestone } from '@kindred/common/recovery';
import { formatCountdown, formatSpan } from './recovery-dates.ts';

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
export function CounterToday({ counter, today }: { counter: Counter; today?: string | undefined }) {
  return (
    <>
      <DayCount days={counter.days} />
      <p className="counter-span">{formatSpan(counter.span)}</p>
      <NextMilestone milestone={counter.nextMilestone} today={today} />
    </>
  );
}
