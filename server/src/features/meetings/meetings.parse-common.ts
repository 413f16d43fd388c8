/**
 * Field parsers shared by every meeting importer. Each takes whatever a source sent (JSON value or
 * spreadsheet cell), never throws, and either gives a clean value or says why it could not.
 * Empty strings count as absent everywhere.
 */
import { createHash } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { AttendanceMode } from './meetings.import-types.ts';
import { normalizeMeetingType } from './meetings.types.ts';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): FieldResult<T> => ({ ok: false, reason });

/** How a value is quoted in a reason: short, and safe for any input. */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (Array.isArray(value)) text = 'a list';
  else text = typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Text as published, trimmed; numbers become text (numeric slugs and postal codes); empty → null. */
export function parseText(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Free text (notes), trimmed, with Windows line endings made plain newlines. */
export function parseLongText(value: unknown): string | null {
  const text = parseText(value);
  return text === null ? null : text.replace(/\r\n?/g, '\n');
}

// ---------------------------------------------------------------------------------------------
// Day

/** English day names, index = Meeting Guide day (0 = Sunday). */
export const englishDayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const spanishDayNames = ['domingo', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado'];
const dayByName: Map<string, number> = (() => {
  const names = new Map<string, number>();
  englishDayNames.forEach((name, day) => {
    const lower = name.toLowerCase();
    names.set(lower, day);
    names.set(`${lower}s`, day);
    names.set(lower.slice(0, 3), day);
  });
  spanishDayNames.forEach((name, day) => names.set(name, day));
  for (const [abbreviation, day] of [
    ['tues', 2],
    ['thur', 4],
    ['thurs', 4],
  ] as const) {
    names.set(abbreviation, day);
  }
  return names;
})();
const appointmentWords = new Set(['appointment', 'by appointment', 'cita', 'con cita', 'por cita', 'cita previa']);

function foldWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseOneDay(value: unknown): FieldResult<number | null> {
  if (value === null || value === undefined) return ok(null);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return fail(`${describeValue(value)} is not a day (0 = Sunday … 6 = Saturday)`);
    // Day 7: tsml-ui hands the number to luxon as an ISO weekday, where 7 is Sunday, so a feed
    // writing 7 for Sunday shows on Sunday there. We read it the same way rather than reject it.
    if (value === 7) return ok(0);
    if (value >= 0 && value <= 6) return ok(value);
    return fail(`${describeValue(value)} is not a day (0 = Sunday … 6 = Saturday)`);
  }
  if (typeof value !== 'string') return fail(`${describeValue(value)} is not a day`);
  const folded = foldWord(value);
  if (folded === '') return ok(null);
  if (/^\d+$/.test(folded)) return parseOneDay(Number(folded));
  if (appointmentWords.has(folded)) return ok(null);
  const day = dayByName.get(folded);
  return day === undefined ? fail(`${describeValue(value)} is not a day`) : ok(day);
}

/**
 * A meeting's day(s): 0–6 (0 = Sunday) as a number or numeric string, a day name in English or
 * Spanish ("Sunday", "Sun", "domingo", "miércoles"), or a list of those (a meeting on several days).
 * null = by appointment (no day: null, empty, "by appointment", an empty list).
 */
export function parseDay(value: unknown): FieldResult<number[] | null> {
  if (Array.isArray(value)) {
    const days: number[] = [];
    for (const item of value as unknown[]) {
      if (Array.isArray(item)) return fail('a list of days cannot hold another list');
      const result = parseOneDay(item);
      if (!result.ok) return result;
      if (result.value !== null && !days.includes(result.value)) days.push(result.value);
    }
    return ok(days.length === 0 ? null : days);
  }
  const result = parseOneDay(value);
  if (!result.ok) return result;
  return ok(result.value === null ? null : [result.value]);
}

// ---------------------------------------------------------------------------------------------
// Time

const pad2 = (value: number) => String(value).padStart(2, '0');

/**
 * A time of day as "HH:MM" (24-hour): "19:00", "8:00", "19:00:00", "7:30 PM", "7:30pm", "7 PM",
 * "12:00 PM" (noon), "12:00 AM" (midnight), "noon", "midnight"; "24:00" is read as midnight.
 * null when absent (by appointment). "25:00" or "abc" fail with a reason.
 */
export function parseTime(value: unknown): FieldResult<string | null> {
  if (value === null || value === undefined) return ok(null);
  if (typeof value !== 'string') return fail(`${describeValue(value)} is not a time of day (like 19:00 or 7:00 PM)`);
  const text = value.trim().toLowerCase();
  if (text === '') return ok(null);
  const notATime = fail<string | null>(`${describeValue(value)} is not a time of day (like 19:00 or 7:00 PM)`);
  if (text === 'noon') return ok('12:00');
  if (text === 'midnight') return ok('00:00');

  const match = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/.exec(text);
  if (!match) return notATime;
  const [, hourText, minuteText, secondText, meridiem] = match;
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (minute > 59 || second > 59) return notATime;
  if (meridiem === undefined) {
    // Without AM/PM, minutes are required ("19" alone is not a time).
    if (minuteText === undefined) return notATime;
    if (hour === 24 && minute === 0 && second === 0) hour = 0;
    if (hour > 23) return notATime;
    return ok(`${pad2(hour)}:${pad2(minute)}`);
  }
  if (hour >= 1 && hour <= 12) {
    if (meridiem === 'a') hour = hour === 12 ? 0 : hour;
    else hour = hour === 12 ? 12 : hour + 12;
  } else if (hour === 0 && meridiem === 'a') {
    hour = 0;
  } else if (hour >= 13 && hour <= 23 && meridiem === 'p') {
    // "19:00 PM": a 24-hour time with a redundant PM; it can only mean 19:00.
  } else {
    return notATime;
  }
  return ok(`${pad2(hour)}:${pad2(minute)}`);
}

/** "HH:MM" → "7:30 PM", as spreadsheets write times. */
export function formatTime12h(time: string): string {
  const [hourText = '0', minuteText = '00'] = time.split(':');
  const hour = Number(hourText);
  const suffix = hour < 12 ? 'AM' : 'PM';
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}:${minuteText} ${suffix}`;
}

/** Start "HH:MM" plus a duration "H:MM" or "HH:MM:SS" → end "HH:MM" (wrapping past midnight). */
export function addDuration(start: string, duration: unknown): string | null {
  if (typeof duration !== 'string') return null;
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(duration.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes === 0) return null;
  const [startHour = 0, startMinute = 0] = start.split(':').map(Number);
  const total = (startHour * 60 + startMinute + minutes) % (24 * 60);
  return `${pad2(Math.floor(total / 60))}:${pad2(total % 60)}`;
}

// ---------------------------------------------------------------------------------------------
// Types

export type ParsedTypes = { types: string[]; customTypes: string[] };

function typeTokens(value: unknown): unknown[] {
  if (Array.isArray(value)) return value as unknown[];
  if (typeof value !== 'string') return typeof value === 'number' ? [value] : [];
  let text = value.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed as unknown[];
    } catch {
      // Not JSON: a bracketed list like "[open]" or "[open, women]".
    }
    text = text.slice(1, -1);
  }
  return text.split(/[,;]/);
}

/**
 * Meeting types from a list, a comma-separated string, a bracketed string ("[open]") or codes in any
 * case; names ("Open", "Wheelchair Access") are understood too. Reserved codes go to `types`, anything
 * else to `customTypes` as the source wrote it.
 */
export function parseTypes(value: unknown): ParsedTypes {
  const types: string[] = [];
  const customTypes: string[] = [];
  for (const token of typeTokens(value)) {
    const text = parseText(token)?.replace(/^["'[\s]+|["'\]\s]+$/g, '');
    if (!text) continue;
    const code = normalizeMeetingType(text);
    if (code !== null) {
      if (!types.includes(code)) types.push(code);
    } else if (!customTypes.includes(text)) {
      customTypes.push(text);
    }
  }
  return { types, customTypes };
}

// ---------------------------------------------------------------------------------------------
// Attendance

/** An absolute http(s) URL with a real host name, as published; otherwise null. */
export function parseHttpUrl(value: unknown): string | null {
  const text = parseText(value);
  if (text === null || /\s/.test(text)) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (!url.hostname.includes('.')) return null;
    return text;
  } catch {
    return null;
  }
}

/** A join URL the finder can link to (a valid http(s) URL); otherwise null. */
export const parseConferenceUrl = parseHttpUrl;

/**
 * A dial-in number, as tsml-ui accepts one: at least 10 characters of digits, "+", "," and "#" once
 * everything else is removed ("+1 646 558 8656,,123456#"). Kept as published (minus "tel:").
 */
export function parseConferencePhone(value: unknown): string | null {
  const text = parseText(value)?.replace(/^tel:\s*/i, '');
  if (!text) return null;
  return text.replace(/[^\d,+#]/g, '').length >= 10 ? text : null;
}

/** The feed's own `attendance_option`, when it is one of the four the ecosystem knows. */
export function parseAttendanceOption(value: unknown): AttendanceMode | null {
  const text = parseText(value)
    ?.toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (text === 'in_person' || text === 'online' || text === 'hybrid' || text === 'inactive') return text;
  return null;
}

/** `approximate` as feeds write it: "yes"/"no", true/false, 1/0; null when not said. */
export function parseApproximate(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  const text = parseText(value)?.toLowerCase();
  if (text === 'yes' || text === 'true' || text === '1' || text === 'y') return true;
  if (text === 'no' || text === 'false' || text === '0' || text === 'n') return false;
  return null;
}

export type AttendanceFacts = {
  /** The source's explicit mode (`attendance_option`, BMLT `venue_type`); it wins when present. */
  explicit: AttendanceMode | null;
  /** A valid conference URL or phone. */
  hasOnlineAccess: boolean;
  /** A street address that is not approximate (somewhere to walk in). */
  hasPhysicalAddress: boolean;
  /** `TC`: the location is temporarily closed. */
  isTemporarilyClosed: boolean;
};

/**
 * The attendance mode the way tsml-ui and the 12 Step Meeting List plugin derive it: online needs a
 * join URL or phone; in person needs a specific (not approximate) address and no `TC`; both make
 * hybrid; neither makes inactive (so `TC` without join details is inactive, `TC` with them online).
 */
export function deriveAttendance(facts: AttendanceFacts): AttendanceMode {
  if (facts.explicit) return facts.explicit;
  const isInPerson = facts.hasPhysicalAddress && !facts.isTemporarilyClosed;
  if (facts.hasOnlineAccess) return isInPerson ? 'hybrid' : 'online';
  return isInPerson ? 'in_person' : 'inactive';
}

// ---------------------------------------------------------------------------------------------
// Places, zones, dates

/** A latitude or longitude: a number or numeric string within ±limit; otherwise null. */
export function parseCoordinate(value: unknown, limit: 90 | 180): number | null {
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(value)) number = Number(value);
  else return null;
  return Number.isFinite(number) && Math.abs(number) <= limit ? number : null;
}

/**
 * A latitude/longitude pair, both valid or neither. (0, 0) is treated as "not given": it is in the
 * Gulf of Guinea, and it is what feeds write when the geocoder found nothing.
 */
export function parseCoordinates(
  latitude: unknown,
  longitude: unknown,
): { latitude: number; longitude: number } | null {
  const lat = parseCoordinate(latitude, 90);
  const lon = parseCoordinate(longitude, 180);
  if (lat === null || lon === null || (lat === 0 && lon === 0)) return null;
  return { latitude: lat, longitude: lon };
}

const zoneShape = /^(?:[A-Za-z][A-Za-z0-9_+-]*)(?:\/[A-Za-z0-9_+-]+)+$|^UTC$/;

/** An IANA zone ("America/New_York") the runtime knows, as written; abbreviations ("EST") → null. */
export function parseTimeZone(value: unknown): string | null {
  const text = parseText(value);
  if (text === null || !zoneShape.test(text)) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: text });
    return text;
  } catch {
    return null;
  }
}

function instantFrom(
  fields: { year: number; month: number; day: number; hour: number; minute: number; second: number },
  timeZone: string,
): string | null {
  try {
    const local = Temporal.PlainDateTime.from(fields, { overflow: 'reject' });
    return local.toZonedDateTime(timeZone).toInstant().toString();
  } catch {
    return null;
  }
}

/**
 * When the source says a row last changed, as an ISO instant, or null when unreadable.
 * "2023-05-01 12:34:56" (the spec's format) is UTC, as the spec says. The off-spec
 * "8/25/2022 11:17:07 AM" (month first, as .NET writes it) is local wall-clock time of the row's or
 * source's zone when one is known, else UTC. ISO strings with an offset are taken as they are.
 */
export function parseUpdated(value: unknown, localTimeZone?: string | null): string | null {
  const text = parseText(value);
  if (text === null) return null;
  const spec = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (spec) {
    const [, year, month, day, hour = '0', minute = '0', second = '0'] = spec;
    return instantFrom(
      {
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour: Number(hour),
        minute: Number(minute),
        second: Number(second),
      },
      'UTC',
    );
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(text);
  if (us) {
    const [, month, day, year, hourText = '0', minute = '0', second = '0', meridiem] = us;
    let hour = Number(hourText);
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      const isPm = meridiem.toLowerCase() === 'pm';
      hour = hour === 12 ? (isPm ? 12 : 0) : isPm ? hour + 12 : hour;
    }
    const zone = (localTimeZone && parseTimeZone(localTimeZone)) || 'UTC';
    return instantFrom(
      {
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour,
        minute: Number(minute),
        second: Number(second),
      },
      zone,
    );
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    try {
      return Temporal.Instant.from(text).toString();
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * 7th-tradition handles, checked as tsml-ui checks them before it links to them: a Venmo handle
 * starts with "@", a Cash App cashtag with "$", a PayPal.me name is 1–20 letters and digits. Anything
 * else is dropped: a real feed has "Password: …" in its PayPal field, which must not become a link.
 */
export function parseVenmo(value: unknown): string | null {
  const text = parseText(value);
  return text !== null && /^@[^\s@]+$/.test(text) ? text : null;
}

export function parseSquare(value: unknown): string | null {
  const text = parseText(value);
  return text !== null && /^\$[^\s$]+$/.test(text) ? text : null;
}

export function parsePaypal(value: unknown): string | null {
  const text = parseText(value);
  return text !== null && /^[A-Za-z0-9]{1,20}$/.test(text) ? text : null;
}

/** A list of text values from a list or a comma-separated string (feedback emails). */
export function parseTextList(value: unknown): string[] {
  const items: unknown[] = Array.isArray(value)
    ? (value as unknown[])
    : typeof value === 'string'
      ? value.split(',')
      : [];
  const list: string[] = [];
  for (const item of items) {
    const text = parseText(item);
    if (text !== null && !list.includes(text)) list.push(text);
  }
  return list;
}

/**
 * Lower-case ASCII words joined by single dashes, at most `maxLength` characters: "St. Mary's 7 AM"
 * → "st-mary-s-7-am". Empty when no letter or digit is left (callers choose their own fallback).
 */
export function slugify(text: string, maxLength = 80): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/**
 * A slug for a row that has none, from what identifies a weekly meeting (name, day, time, address),
 * so importing the same sheet again gives the same slug.
 */
export function deriveSlug(parts: { name: string; day: string; time: string; address: string }): string {
  const identity = [parts.name, parts.day, parts.time, parts.address].map((part) => foldWord(part)).join('|');
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 10);
  const readable = slugify(parts.name, 40);
  return readable ? `${readable}-${hash}` : hash;
}
