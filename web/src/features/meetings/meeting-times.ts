/**
 * A meeting's weekly time as people read it: in the meeting's own time zone, and in the viewer's
 * when the two differ ("Sun 7:00 PM in New York · 4:00 PM your time"). Plain Intl, no library.
 */

type WeeklyTime = {
  day: number | null;
  /** Null = every week; else the weeks of the month (1–5, -1 = the last) it meets on its day. */
  weeksOfMonth?: readonly number[] | null;
  startTime: string | null;
  endTime?: string | null;
  timeZone: string;
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    partsFormatters.set(timeZone, format);
  }
  return format;
}

const weekdayNumbers: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The wall clock of `instant` in `timeZone`. */
function wallClock(instant: number, timeZone: string) {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdayNumbers[parts.weekday ?? 'Sun'] ?? 0,
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  return asUtc - Math.floor(instant / MINUTE_MS) * MINUTE_MS;
}

/** The instant a wall-clock time happens in `timeZone` (twice-checked across a daylight-saving change). */
function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day) + minutes * MINUTE_MS;
  const first = asUtc - zoneOffset(asUtc, timeZone);
  return asUtc - zoneOffset(first, timeZone);
}

const parseMinutes = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** True when a meeting on these weeks of the month (null = every week) meets on this calendar date. */
function meetsInWeekOf(date: Date, weeksOfMonth: readonly number[] | null | undefined): boolean {
  if (!weeksOfMonth) return true;
  const day = date.getUTCDate();
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  return weeksOfMonth.includes(Math.ceil(day / 7)) || (day + 7 > daysInMonth && weeksOfMonth.includes(-1));
}

/** The next time (from `now`) this meeting starts, as an instant: its next day in its own zone. */
export function nextStart(meeting: WeeklyTime, now = Date.now()): number | null {
  if (meeting.day === null || meeting.startTime === null || !isKnownZone(meeting.timeZone)) return null;
  const today = wallClock(now, meeting.timeZone);
  const firstDaysAhead = (meeting.day - today.weekday + 7) % 7;
  // Week by week from its next weekday until a week it meets (a "5th Monday" may be months away).
  for (let daysAhead = firstDaysAhead; daysAhead < 7 * 20; daysAhead += 7) {
    // Noon of the target day, so adding whole days never slips across midnight.
    const target = new Date(Date.UTC(today.year, today.month - 1, today.day, 12) + daysAhead * DAY_MS);
    if (!meetsInWeekOf(target, meeting.weeksOfMonth)) continue;
    return instantOf(
      target.getUTCFullYear(),
      target.getUTCMonth() + 1,
      target.getUTCDate(),
      parseMinutes(meeting.startTime),
      meeting.timeZone,
    );
  }
  return null;
}

const ordinals: Record<number, string> = { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th', 5: '5th', [-1]: 'last' };

/** "1st & 3rd", "last", "2nd & last": the weeks of the month, in order, the last one last. */
export function weeksInWords(weeksOfMonth: readonly number[]): string {
  const ordered = [...weeksOfMonth].sort((a, b) => (a === -1 ? 9 : a) - (b === -1 ? 9 : b));
  return ordered.map((week) => ordinals[week] ?? String(week)).join(' & ');
}

const zoneChecks = new Map<string, boolean>();
function isKnownZone(timeZone: string): boolean {
  let isKnown = zoneChecks.get(timeZone);
  if (isKnown === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      isKnown = true;
    } catch {
      isKnown = false;
    }
    zoneChecks.set(timeZone, isKnown);
  }
  return isKnown;
}

/** The viewer's own time zone, as the browser knows it. */
export const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "New York" for America/New_York; "Indiana/Indianapolis" reads "Indianapolis". */
export function zonePlaceName(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();
function format(instant: number, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    displayFormatters.set(key, formatter);
  }
  return formatter.format(instant);
}

const timeOnly: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** "7:00 PM" for "19:00" (in the reader's locale). */
export function formatClock(time: string): string {
  const minutes = parseMinutes(time);
  return format(Date.UTC(2024, 0, 1) + minutes * MINUTE_MS, 'UTC', timeOnly);
}

const weekdayFormats = { short: new Map<number, string>(), long: new Map<number, string>() };
/** "Sun" / "Sunday" for 0 (in the reader's locale). */
export function weekdayName(day: number, width: 'short' | 'long'): string {
  const cache = weekdayFormats[width];
  let name = cache.get(day);
  if (name === undefined) {
    // 7 January 2024 was a Sunday.
    name = format(Date.UTC(2024, 0, 7 + day, 12), 'UTC', { weekday: width });
    cache.set(day, name);
  }
  return name;
}

export type MeetingTimeText = {
  /** "Sun 7:00 PM" in the meeting's own zone (or "By appointment"). */
  local: string;
  /** "in New York" when the viewer is elsewhere. */
  zoneNote: string | null;
  /** "4:00 PM your time" (with the day when it differs) when the viewer is elsewhere. */
  viewer: string | null;
};

/**
 * The meeting's time in its own zone and, when the viewer's clock reads differently, theirs.
 * `width` short: "Sun 7:00 PM"; long: "Sundays, 7:00 PM to 8:00 PM".
 */
export function describeMeetingTime(
  meeting: WeeklyTime,
  options: { width?: 'short' | 'long'; viewerZone?: string; now?: number } = {},
): MeetingTimeText {
  const { width = 'short', viewerZone = viewerTimeZone(), now = Date.now() } = options;
  if (meeting.day === null) return { local: 'By appointment', zoneNote: null, viewer: null };
  const weeks = meeting.weeksOfMonth?.length ? weeksInWords(meeting.weeksOfMonth) : null;
  const dayName = weeks
    ? width === 'short'
      ? `${weeks} ${weekdayName(meeting.day, 'short')}`
      : `The ${weeks} ${weekdayName(meeting.day, 'long')} of the month`
    : width === 'short'
      ? weekdayName(meeting.day, 'short')
      : `${weekdayName(meeting.day, 'long')}s`;
  if (meeting.startTime === null) return { local: `${dayName}, time not given`, zoneNote: null, viewer: null };
  const start = formatClock(meeting.startTime);
  const end = width === 'long' && meeting.endTime ? formatClock(meeting.endTime) : null;
  const local = width === 'short' ? `${dayName} ${start}` : `${dayName}, ${start}${end ? ` to ${end}` : ''}`;

  const instant = nextStart(meeting, now);
  if (instant === null || !isKnownZone(viewerZone)) return { local, zoneNote: null, viewer: null };
  const meetingClock = wallClock(instant, meeting.timeZone);
  const viewerClock = wallClock(instant, viewerZone);
  if (meetingClock.hour === viewerClock.hour && meetingClock.minute === viewerClock.minute) {
    return { local, zoneNote: null, viewer: null };
  }
  const isOtherDay = meetingClock.weekday !== viewerClock.weekday;
  const viewerTime = format(instant, viewerZone, isOtherDay ? { weekday: 'short', ...timeOnly } : timeOnly);
  return { local, zoneNote: `in ${zonePlaceName(meeting.timeZone)}`, viewer: `${viewerTime} your time` };
}

/** The whole line: "Sun 7:00 PM in New York · 4:00 PM your time". */
export function meetingTimeLine(meeting: WeeklyTime, options?: Parameters<typeof describeMeetingTime>[1]): string {
  const text = describeMeetingTime(meeting, options);
  return text.viewer ? `${text.local} ${text.zoneNote} · ${text.viewer}` : text.local;
}
