/** Dates as people read them, in their own locale and time zone. */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const monthYearFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export const formatDate = (iso: string) => dateFormat.format(new Date(iso));
export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));
export const formatMonthYear = (iso: string) => monthYearFormat.format(new Date(iso));

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const absolute = Math.abs(seconds);
  if (absolute < 60) return 'just now';
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['minute', 60],
    ['hour', 60 * 60],
    ['day', 24 * 60 * 60],
    ['week', 7 * 24 * 60 * 60],
    ['month', 30 * 24 * 60 * 60],
    ['year', 365 * 24 * 60 * 60],
  ];
  let chosen = units[0]!;
  for (const unit of units) if (absolute >= unit[1]) chosen = unit;
  return relativeFormat.format(Math.round(seconds / chosen[1]), chosen[0]);
}
