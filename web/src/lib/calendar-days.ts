/**
 * Calendar days (YYYY-MM-DD) as people read them. A day is not a moment: it is parsed at midnight
 * UTC and formatted in UTC, so it never shifts to the day before in the browser's own time zone.
 */

const DAY_MS = 86_400_000;

/** The day as a Date at midnight UTC (only for arithmetic and formatting in UTC). */
export const dayToDate = (day: string) => new Date(`${day}T00:00:00Z`);

const dateToDay = (date: Date) => date.toISOString().slice(0, 10);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatDay(day: string, options: Intl.DateTimeFormatOptions): string {
  const key = JSON.stringify(options);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format.format(dayToDate(day));
}

/** "Tuesday, 14 May 2025" (in the reader's locale). */
export const formatLongDay = (day: string) => formatDay(day, { dateStyle: 'full' });
/** "14 May 2025". */
export const formatMediumDay = (day: string) => formatDay(day, { dateStyle: 'medium' });
/** "14 May". */
export const formatShortDay = (day: string) => formatDay(day, { day: 'numeric', month: 'short' });
/** "May 2025" for any day of that month. */
export const formatMonth = (day: string) => formatDay(day, { month: 'long', year: 'numeric' });
/** "Monday" / "Mon" for a day. */
export const formatWeekday = (day: string, width: 'long' | 'short') => formatDay(day, { weekday: width });

export const addDays = (day: string, count: number) => dateToDay(new Date(dayToDate(day).getTime() + count * DAY_MS));

/** The first day of the month `count` months from the month of `day`. */
export function addMonths(day: string, count: number): string {
  const date = dayToDate(day);
  return dateToDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + count, 1)));
}

export const startOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
export const endOfMonth = (day: string) => addDays(addMonths(day, 1), -1);

/** 0 for Monday … 6 for Sunday. */
export const weekdayIndex = (day: string) => (dayToDate(day).getUTCDay() + 6) % 7;

/** Today on this device, as a fallback until the server has said what today is for the member. */
export function deviceToday(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "1 day", "127 days". */
export const formatDays = (count: number) => plural(count, 'day', 'days');
/** "1 month", "5 years" … */
export { plural };

/** "Tue 24 Nov" (in the reader's locale); the year is added when it is not the year of `today`. */
export function formatPlainDay(day: string, today?: string): string {
  const isSameYear = today !== undefined && today.slice(0, 4) === day.slice(0, 4);
  return formatDay(day, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(isSameYear ? {} : { year: 'numeric' }),
  });
}

/** "24 November 2025". */
export const formatPlainDate = (day: string) => formatDay(day, { dateStyle: 'long' });
