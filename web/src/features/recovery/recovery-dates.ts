/** How counters, spans and milestones read to a person. */
import type { Milestone, Span } from '@kindred/common/recovery';
import { addDays, formatDays, formatPlainDate, formatPlainDay, plural } from '../../lib/calendar-days.ts';

/** "4 months, 5 days"; "1 year, 2 months, 5 days"; "Starting today" for day one. */
export function formatSpan(span: Span): string {
  const parts = [
    span.years > 0 && plural(span.years, 'year', 'years'),
    span.months > 0 && plural(span.months, 'month', 'months'),
    span.days > 0 && plural(span.days, 'day', 'days'),
  ].filter(Boolean);
  return parts.length === 0 ? 'Starting today' : parts.join(', ');
}

/** "today!", "tomorrow, on Wed 25 Nov", "in 3 days, on Tue 24 Nov". */
export function formatCountdown(milestone: Milestone, today?: string): string {
  if (milestone.daysUntil <= 0) return 'today!';
  const day = formatPlainDay(milestone.date, today);
  if (milestone.daysUntil === 1) return `tomorrow, on ${day}`;
  return `in ${formatDays(milestone.daysUntil)}, on ${day}`;
}

/** When a reached milestone arrived: "today", "yesterday", or its date. */
export function formatReachedOn(milestone: Milestone, today?: string): string {
  if (milestone.daysUntil === 0) return 'Reached today';
  if (milestone.daysUntil === -1) return 'Reached yesterday';
  return `Reached on ${formatPlainDay(milestone.date, today)}`;
}

/** The member's today as the server counted it for this counter (its next milestone is `daysUntil` days away). */
export function todayOf(counter: { nextMilestone: Milestone }): string {
  return addDays(counter.nextMilestone.date, -counter.nextMilestone.daysUntil);
}

/** "24 November 2025" or "24 November 2025 at 18:30". */
export function formatStart(startedOn: string, startedAt: string | null): string {
  return startedAt ? `${formatPlainDate(startedOn)} at ${startedAt}` : formatPlainDate(startedOn);
}
