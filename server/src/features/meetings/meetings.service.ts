import { createHash, randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ipaddr from 'ipaddr.js';
import ical, { ICalEventRepeatingFreq, type ICalCalendar } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import {
  type meetingSourceInputSchema,
  timeOfDayWindows,
  type AttendanceProgress,
  type CalendarLinkResponse,
  type FinderChoices,
  type FinderSettings,
  type MeetingDetail,
  type MeetingSearch,
  type MeetingSearchResponse,
  type MeetingSource,
  type MeetingSummary,
  type Place,
} from '@kindred/common/meetings';
import { isKnownTimeZone } from '@kindred/common/profiles';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursors.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import { findMemberTimeZone } from '../profiles/profiles.service.ts';
import { applyParsedSource, parseSource, type ImportProgress } from './meetings.import.ts';
import { MalformedSourceError, type ParsedSource } from './meetings.import-types.ts';
import { slugify } from './meetings.parse-common.ts';
import { requireMeetingEditor } from './meetings.policy.ts';
import { isLanguageTypeCode, meetingTypeName } from './meetings.types.ts';
import { findPlaces, geocodeOnline, OFFLINE_PLACES_ATTRIBUTION } from './meetings.places.ts';
import {
  presentFeedMeeting,
  presentMeetingDetail,
  presentMeetingSummary,
  presentSource,
} from './meetings.presenters.ts';
import {
  claimDueSource,
  countAttendanceOfMeeting,
  countMeetingsOfSource,
  deleteSource,
  findSourcesWithCounts,
  recordSourceError,
  deleteCalendarLink,
  deleteFavorite,
  findCalendarLinkOfUser,
  findUserIdByCalendarToken,
  upsertCalendarLink,
  findFeedMeetings,
  findFavoriteMeetings,
  findMeetingBySlug,
  findMeetingDataOfUser,
  findSourceById,
  insertAttendance,
  insertFavorite,
  isFavorite,
  summarizeAttendance,
  type MeetingRow,
  findSourceByName,
  findSourceBySlug,
  insertSource,
  updateSource,
  type MeetingSourceRow,
} from './meetings.queries.ts';
import { nextMeetingDate, weekOfMonthOf } from './meetings.recurrence.ts';
import {
  forgetMeetingListFacts,
  meetingListFacts,
  meetingListGeneration,
  meetingTimeZones,
  searchMeetings,
  type ZoneMoment,
  type ZoneWindow,
} from './meetings.search.ts';
import { meetingSourceKinds, type ImportReport, type MeetingSourceKind } from './meetings.tables.ts';

/** The largest source Kindred reads (the largest real feeds are about 1.5 MB). */
const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 60_000;

export type ImportMeetingsInput = {
  sourceName: string;
  kind: MeetingSourceKind;
  defaultTimeZone: string;
  program?: string | null | undefined;
  /** Where the text came from, kept on the source when it is a URL (for scheduled refreshes). */
  url?: string | null | undefined;
  text: string;
};

export type ImportResult = { source: MeetingSourceRow; report: ImportReport };

export type MeetingSourceValues = z.output<typeof meetingSourceInputSchema>;

function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

const MAX_REDIRECTS = 5;

/**
 * Refuses a web address whose host is (or resolves to) a loopback, private, link-local or other
 * non-public address, so an editor's source cannot make the server read its own network (the
 * database, a cloud metadata service). Checked again at every redirect.
 */
async function checkPublicHost(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch {
      throw new AppError('unavailable', `Could not find ${url.host}: check the web address.`);
    }
  }
  for (const address of addresses) {
    if (ipaddr.process(address).range() !== 'unicast') {
      throw new AppError(
        'invalid_input',
        `${url.host} is a private or local address: meeting sources are read from the public internet only.`,
      );
    }
  }
}

export type ReadSourceOptions = {
  /** Allow addresses on this machine or its network (the CLI, or MEETING_SOURCES_ON_PRIVATE_NETWORK). */
  allowPrivateNetwork: boolean;
};

/** The text of a source: a file on this machine or an http(s) URL. */
export async function readSourceText(location: string, options: ReadSourceOptions): Promise<string> {
  if (!isUrl(location)) {
    try {
      return await readFile(location, 'utf8');
    } catch (error) {
      throw new AppError('invalid_input', `Could not read the file ${location}: ${(error as Error).message}`);
    }
  }
  let url = new URL(location);
  let response: Response;
  for (let redirects = 0; ; redirects += 1) {
    if (!options.allowPrivateNetwork) await checkPublicHost(url);
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'manual' });
    } catch (error) {
      throw new AppError('unavailable', `Could not reach ${location}: ${(error as Error).message}`);
    }
    const next = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !next) break;
    if (redirects === MAX_REDIRECTS) throw new AppError('unavailable', `${location} redirects too many times.`);
    url = new URL(next, url);
    if (!isUrl(url.href)) throw new AppError('unavailable', `${location} redirects to ${url.protocol} addresses.`);
  }
  if (!response.ok) throw new AppError('unavailable', `${location} answered ${response.status}.`);
  const text = await response.text();
  if (text.length > MAX_SOURCE_BYTES) throw new AppError('payload_too_large', `${location} is larger than 50 MB.`);
  return text;
}

/** A source's URL as the admin page and the scheduler may read it (public addresses unless configured). */
function readSourceUrl(ctx: ServiceContext, url: string): Promise<string> {
  return readSourceText(url, { allowPrivateNetwork: ctx.config.meetings.sourcesOnPrivateNetwork });
}

/** A slug for a new source, unique among sources. */
async function uniqueSourceSlug(ctx: ServiceContext, name: string): Promise<string> {
  const base = slugify(name, 40) || 'source';
  for (let attempt = 1; ; attempt += 1) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await findSourceBySlug(ctx.db, slug))) return slug;
  }
}

/** Reads a source's text in its format; a file that cannot be read is refused (400) with the reason. */
function readSource(kind: MeetingSourceKind, text: string, defaultTimeZone: string): ParsedSource {
  try {
    return parseSource(kind, text, defaultTimeZone);
  } catch (error) {
    if (error instanceof MalformedSourceError) {
      throw new AppError('invalid_input', `The file was refused and nothing changed: ${error.message}`);
    }
    throw error;
  }
}

/** Applies a parsed source to its stored meetings. */
async function applySource(
  ctx: ServiceContext,
  source: MeetingSourceRow,
  parsed: ParsedSource,
  onProgress?: ImportProgress,
): Promise<ImportReport> {
  const report = await applyParsedSource(ctx.db, source, parsed, onProgress);
  forgetMeetingListFacts(ctx.db);
  return report;
}

/** Parses a source's text and applies it; a malformed file is refused and changes nothing. */
async function importIntoSource(ctx: ServiceContext, source: MeetingSourceRow, text: string): Promise<ImportReport> {
  return applySource(ctx, source, readSource(source.kind, text, source.defaultTimeZone));
}

function checkSourceSettings(settings: { kind?: string | undefined; defaultTimeZone?: string | undefined }) {
  if (settings.kind !== undefined && !(meetingSourceKinds as readonly string[]).includes(settings.kind)) {
    throw invalidField('kind', `The kind is one of ${meetingSourceKinds.join(', ')}.`);
  }
  if (settings.defaultTimeZone !== undefined && !isKnownTimeZone(settings.defaultTimeZone)) {
    throw invalidField(
      'defaultTimeZone',
      `"${settings.defaultTimeZone}" is not a time zone (use one like America/New_York).`,
    );
  }
}

/**
 * Imports a source's text (the CLI): the whole file is read first, so a malformed one is refused
 * with its parse error and the stored meetings stay exactly as they were. The source is created
 * on first import and its settings updated on later ones.
 */
export async function importMeetings(
  ctx: ServiceContext,
  input: ImportMeetingsInput,
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  checkSourceSettings({ kind: input.kind, defaultTimeZone: input.defaultTimeZone });
  const name = input.sourceName.trim();
  if (name === '' || name.length > 100) throw invalidField('source', 'A source needs a name of 1–100 characters.');
  // Parsed once, before touching the source, so a refused file leaves even its settings alone.
  const parsed = readSource(input.kind, input.text, input.defaultTimeZone);
  const settings = {
    kind: input.kind,
    defaultTimeZone: input.defaultTimeZone,
    program: input.program ?? null,
    ...(input.url && isUrl(input.url) && { url: input.url }),
  };
  const existing = await findSourceByName(ctx.db, name);
  const source = existing
    ? await updateSource(ctx.db, existing.id, settings)
    : await insertSource(ctx.db, { name, slug: await uniqueSourceSlug(ctx, name), ...settings });
  const report = await applySource(ctx, source, parsed, onProgress);
  return { source, report };
}

/* ----------------------------------------------------------------- sources, for meeting editors */

async function getSourceRow(ctx: ServiceContext, sourceId: string): Promise<MeetingSourceRow> {
  const source = await findSourceById(ctx.db, sourceId);
  if (!source) throw notFound('We could not find that source.');
  return source;
}

async function presentSourceWithCount(ctx: ServiceContext, source: MeetingSourceRow): Promise<MeetingSource> {
  return presentSource(source, await countMeetingsOfSource(ctx.db, source.id));
}

/** Every source with its last import. */
export async function listSources(ctx: ServiceContext, auth: Auth): Promise<MeetingSource[]> {
  requireMeetingEditor(auth);
  const rows = await findSourcesWithCounts(ctx.db);
  return rows.map((row) => presentSource(row.source, row.meetingCount));
}

/** Adds a source (a feed URL to refresh on a schedule, or a file to upload). */
export async function createSource(
  ctx: ServiceContext,
  auth: Auth,
  input: MeetingSourceValues,
): Promise<MeetingSource> {
  requireMeetingEditor(auth);
  checkSourceSettings(input);
  if (await findSourceByName(ctx.db, input.name)) throw invalidField('name', 'A source already has this name.');
  const source = await insertSource(ctx.db, {
    name: input.name,
    slug: await uniqueSourceSlug(ctx, input.name),
    kind: input.kind,
    url: input.url ?? null,
    program: input.program || null,
    defaultTimeZone: input.defaultTimeZone,
    refreshIntervalMinutes: input.url ? (input.refreshIntervalMinutes ?? null) : null,
  });
  return presentSourceWithCount(ctx, source);
}

/** Changes a source's settings (its meetings change with its next import). */
export async function updateSourceSettings(
  ctx: ServiceContext,
  auth: Auth,
  sourceId: string,
  changes: Partial<MeetingSourceValues>,
): Promise<MeetingSource> {
  requireMeetingEditor(auth);
  const source = await getSourceRow(ctx, sourceId);
  checkSourceSettings(changes);
  if (changes.name !== undefined && changes.name.toLowerCase() !== source.name.toLowerCase()) {
    if (await findSourceByName(ctx.db, changes.name)) throw invalidField('name', 'A source already has this name.');
  }
  const updated = await updateSource(ctx.db, source.id, {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.kind !== undefined && { kind: changes.kind }),
    ...(changes.url !== undefined && { url: changes.url }),
    ...(changes.program !== undefined && { program: changes.program || null }),
    ...(changes.defaultTimeZone !== undefined && { defaultTimeZone: changes.defaultTimeZone }),
    ...(changes.refreshIntervalMinutes !== undefined && { refreshIntervalMinutes: changes.refreshIntervalMinutes }),
  });
  return presentSourceWithCount(ctx, updated);
}

/** Imports now: the uploaded file's text, or else the source's URL. */
export async function importSourceNow(
  ctx: ServiceContext,
  auth: Auth,
  sourceId: string,
  text: string | undefined,
): Promise<{ source: MeetingSource; report: ImportReport }> {
  requireMeetingEditor(auth);
  const source = await getSourceRow(ctx, sourceId);
  if (text === undefined && !source.url) {
    throw invalidField('text', 'This source has no web address: upload its file.');
  }
  const report = await importIntoSource(ctx, source, text ?? (await readSourceUrl(ctx, source.url!)));
  await recordSourceError(ctx.db, source.id, null);
  return { source: await presentSourceWithCount(ctx, await getSourceRow(ctx, source.id)), report };
}

/** Removes a source and every meeting that came from it. */
export async function removeSource(ctx: ServiceContext, auth: Auth, sourceId: string): Promise<void> {
  requireMeetingEditor(auth);
  const source = await getSourceRow(ctx, sourceId);
  await deleteSource(ctx.db, source.id);
  forgetMeetingListFacts(ctx.db);
}

/**
 * The scheduler's round: imports every URL source whose refresh is due. Safe on several instances
 * at once (each source is claimed by one); a failure is kept on the source for its editors.
 */
export async function refreshDueSources(ctx: ServiceContext): Promise<Array<{ source: string; error?: string }>> {
  const done: Array<{ source: string; error?: string }> = [];
  for (let source = await claimDueSource(ctx.db); source; source = await claimDueSource(ctx.db)) {
    try {
      await importIntoSource(ctx, source, await readSourceUrl(ctx, source.url!));
      await recordSourceError(ctx.db, source.id, null);
      done.push({ source: source.name });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await recordSourceError(ctx.db, source.id, message);
      done.push({ source: source.name, error: message });
    }
  }
  return done;
}

/* ----------------------------------------------------------------- finding meetings */

const KILOMETRES_PER_MILE = 1.609344;
const pad = (value: number) => String(value).padStart(2, '0');

/** The local date, day (0 = Sunday) and minute of the day in a zone at an instant. */
function localMoment(timeZone: string, now: Temporal.Instant) {
  const local = now.toZonedDateTimeISO(timeZone);
  return {
    date: local.toPlainDate(),
    day: local.dayOfWeek % 7,
    minute: local.hour * 60 + local.minute,
    second: local.second,
  };
}

const timeText = (minute: number, second = 0) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(second)}`;

/** Per zone: start times from now to `within` minutes on, split at midnight. */
export function startingSoonWindows(zones: string[], now: Temporal.Instant, within: number): ZoneWindow[] {
  return zones.flatMap((timeZone) => {
    const { date, day, minute } = localMoment(timeZone, now);
    const week = weekOfMonthOf(date);
    const end = minute + within;
    const from = timeText(minute);
    if (end <= 1440) {
      return [{ timeZone, day, week, from, to: end === 1440 ? '24:00:00' : timeText(end), minutesAhead: 0 }];
    }
    return [
      { timeZone, day, week, from, to: '24:00:00', minutesAhead: 0 },
      {
        timeZone,
        day: (day + 1) % 7,
        week: weekOfMonthOf(date.add({ days: 1 })),
        from: '00:00:00',
        to: timeText(end - 1440),
        minutesAhead: 1440 - minute,
      },
    ];
  });
}

/** Per zone: the local day and time now. */
export function inProgressMoments(zones: string[], now: Temporal.Instant): ZoneMoment[] {
  return zones.map((timeZone) => {
    const { date, day, minute, second } = localMoment(timeZone, now);
    return {
      timeZone,
      day,
      week: weekOfMonthOf(date),
      previousWeek: weekOfMonthOf(date.subtract({ days: 1 })),
      at: timeText(minute, second),
    };
  });
}

const searchCursorSchema = z.object({ sortKey: z.number(), id: z.uuid() });

/** The finder: meetings matching the search, nearest first near a place, else by day and time. */
export async function findMeetings(
  ctx: ServiceContext,
  search: MeetingSearch,
  now: Temporal.Instant = Temporal.Now.instant(),
): Promise<MeetingSearchResponse> {
  const unit = search.unit ?? 'mi';
  const radius = search.radius ?? 10;
  const near =
    search.latitude !== undefined && search.longitude !== undefined
      ? {
          latitude: search.latitude,
          longitude: search.longitude,
          radiusMiles: unit === 'km' ? radius / KILOMETRES_PER_MILE : radius,
        }
      : undefined;
  if (search.language && !isLanguageTypeCode(search.language.toUpperCase())) {
    throw invalidField('language', 'Choose a language from the list.');
  }
  const within = search.within ?? 60;
  const zones = search.now ? await meetingTimeZones(ctx.db) : [];
  const limit = search.limit ?? 25;
  const rows = await searchMeetings(ctx.db, {
    near,
    days: search.day,
    timeWindows: search.timeOfDay?.map((time) => {
      const window = timeOfDayWindows[time];
      return { from: `${window.from}:00`, to: `${window.to}:00` };
    }),
    startingIn: search.now === 'starting_soon' ? startingSoonWindows(zones, now, within) : undefined,
    inProgressAt: search.now === 'in_progress' ? inProgressMoments(zones, now) : undefined,
    modes: search.mode,
    types: [...(search.types ?? []), ...(search.language ? [search.language] : [])].map((type) => type.toUpperCase()),
    program: search.program || undefined,
    region: search.region || undefined,
    words: search.q || undefined,
    after: decodeCursor(searchCursorSchema, search.cursor),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    meetings: page.map((row) =>
      presentMeetingSummary(
        row.meeting,
        near
          ? {
              value: Math.round((unit === 'km' ? row.sortKey * KILOMETRES_PER_MILE : row.sortKey) * 10) / 10,
              unit,
            }
          : null,
      ),
    ),
    nextCursor: rows.length > limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.meeting.id }) : null,
  };
}

const FEED_TTL_MS = 60_000;

export type MeetingGuideFeed = { json: string; etag: string };

/**
 * The feed as JSON text, built at most once a minute per database (at 100,000 meetings it is tens
 * of megabytes that every reader would otherwise rebuild), and again at once after a change made
 * in this process. Other instances' changes show within the minute.
 */
const feedByDatabase = new WeakMap<Database, { feed: Promise<MeetingGuideFeed>; generation: number; at: number }>();

async function buildMeetingGuideFeed(ctx: ServiceContext): Promise<MeetingGuideFeed> {
  const rows = await findFeedMeetings(ctx.db);
  const json = JSON.stringify(rows.map((meeting) => presentFeedMeeting(meeting, ctx.config.baseUrl)));
  return { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
}

/** Every active weekly meeting as a Meeting Guide feed (the spec's JSON array), as JSON text. */
export async function exportMeetingGuideFeed(ctx: ServiceContext): Promise<MeetingGuideFeed> {
  const generation = meetingListGeneration(ctx.db);
  const cached = feedByDatabase.get(ctx.db);
  if (cached && cached.generation === generation && Date.now() - cached.at < FEED_TTL_MS) return cached.feed;
  const feed = buildMeetingGuideFeed(ctx);
  feedByDatabase.set(ctx.db, { feed, generation, at: Date.now() });
  feed.catch(() => feedByDatabase.delete(ctx.db));
  return feed;
}

/* ----------------------------------------------------------------- one meeting */

async function getMeetingRow(ctx: ServiceContext, slug: string): Promise<MeetingRow> {
  const meeting = await findMeetingBySlug(ctx.db, slug);
  if (!meeting) throw notFound('We could not find that meeting. It may have moved or ended.');
  return meeting;
}

/** One meeting's page; a signed-in member also learns whether it is a favorite and how often they went. */
export async function getMeeting(ctx: ServiceContext, slug: string, auth: Auth | null): Promise<MeetingDetail> {
  const meeting = await getMeetingRow(ctx, slug);
  const [source, member] = await Promise.all([
    meeting.sourceId ? findSourceById(ctx.db, meeting.sourceId) : null,
    auth
      ? Promise.all([
          isFavorite(ctx.db, auth.user.id, meeting.id),
          countAttendanceOfMeeting(ctx.db, auth.user.id, meeting.id),
        ]).then(([favorite, timesAttended]) => ({ isFavorite: favorite, timesAttended }))
      : null,
  ]);
  return presentMeetingDetail(meeting, { source, member });
}

const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/**
 * Adds a meeting to a calendar in the meeting's own zone: weekly, or monthly on its weeks ("1st and
 * 3rd Tuesdays" is BYDAY=TU;BYSETPOS=1,3). By-appointment meetings are left out.
 */
function addMeetingEvent(calendar: ICalCalendar, meeting: MeetingRow, baseUrl: string): void {
  if (meeting.day === null || meeting.startTime === null) return;
  const firstDate = nextMeetingDate(Temporal.Now.plainDateISO(meeting.timeZone), meeting.day, meeting.weeksOfMonth);
  if (!firstDate) return;
  const start = firstDate.toZonedDateTime({ timeZone: meeting.timeZone, plainTime: meeting.startTime.slice(0, 5) });
  let end = meeting.endTime ? start.withPlainTime(meeting.endTime.slice(0, 5)) : start.add({ hours: 1 });
  if (Temporal.ZonedDateTime.compare(end, start) <= 0) end = end.add({ days: 1 });
  const pageUrl = `${baseUrl}/meetings/${encodeURIComponent(meeting.slug)}`;
  const where =
    meeting.attendance === 'online'
      ? (meeting.conferenceUrl ?? 'Online')
      : (meeting.formattedAddress ?? meeting.locationName);
  calendar.createEvent({
    id: `${meeting.id}@kindred`,
    // ical-generator writes a Temporal ZonedDateTime in its own zone, whatever the server's zone.
    start: start as never,
    end: end as never,
    timezone: meeting.timeZone,
    summary: meeting.name,
    location: where ?? null,
    description: [meeting.notes, meeting.conferenceUrl && `Join: ${meeting.conferenceUrl}`, pageUrl]
      .filter(Boolean)
      .join('\n\n'),
    url: pageUrl,
    repeating: meeting.weeksOfMonth
      ? {
          freq: ICalEventRepeatingFreq.MONTHLY,
          byDay: [WEEKDAY_CODES[meeting.day]!] as never,
          bySetPos: meeting.weeksOfMonth,
        }
      : { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [WEEKDAY_CODES[meeting.day]!] as never },
  });
}

function newCalendar(name: string) {
  return ical({ name, prodId: { company: 'Kindred', product: 'meetings' } }).timezone({
    name: null,
    generator: getVtimezoneComponent,
  });
}

/** A meeting as an iCalendar file (a repeating event). */
export async function meetingCalendar(ctx: ServiceContext, slug: string): Promise<string> {
  const meeting = await getMeetingRow(ctx, slug);
  if (meeting.day === null || meeting.startTime === null) {
    throw new AppError('conflict', 'This meeting is by appointment: there is no time to add to a calendar.');
  }
  const calendar = newCalendar(meeting.name);
  addMeetingEvent(calendar, meeting, ctx.config.baseUrl);
  return calendar.toString();
}

/* ----------------------------------------------------------------- favorites and "I went" */

export async function favoriteMeeting(ctx: ServiceContext, auth: Auth, slug: string): Promise<void> {
  const meeting = await getMeetingRow(ctx, slug);
  await insertFavorite(ctx.db, auth.user.id, meeting.id);
}

export async function unfavoriteMeeting(ctx: ServiceContext, auth: Auth, slug: string): Promise<void> {
  const meeting = await getMeetingRow(ctx, slug);
  await deleteFavorite(ctx.db, auth.user.id, meeting.id);
}

export async function listFavoriteMeetings(ctx: ServiceContext, auth: Auth): Promise<MeetingSummary[]> {
  const rows = await findFavoriteMeetings(ctx.db, auth.user.id);
  return rows.map((row) => presentMeetingSummary(row, null));
}

/** A member's favorites as one calendar. */
async function favoritesCalendarOf(ctx: ServiceContext, userId: string): Promise<string> {
  const calendar = newCalendar('My meetings · Kindred');
  for (const meeting of await findFavoriteMeetings(ctx.db, userId)) {
    addMeetingEvent(calendar, meeting, ctx.config.baseUrl);
  }
  return calendar.toString();
}

/** The member's favorites as one calendar file (to download). */
export async function favoritesCalendar(ctx: ServiceContext, auth: Auth): Promise<string> {
  return favoritesCalendarOf(ctx, auth.user.id);
}

const calendarTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether the member has a private calendar link, and since when (its address is not kept). */
export async function getCalendarLink(ctx: ServiceContext, auth: Auth): Promise<CalendarLinkResponse> {
  const row = await findCalendarLinkOfUser(ctx.db, auth.user.id);
  return { link: row ? { createdAt: row.createdAt.toISOString(), url: null } : null };
}

/** Makes (or replaces) the member's private calendar link; its address is in this answer only. */
export async function createCalendarLink(ctx: ServiceContext, auth: Auth): Promise<CalendarLinkResponse> {
  const token = randomBytes(32).toString('base64url');
  const row = await upsertCalendarLink(ctx.db, auth.user.id, calendarTokenHash(token));
  return {
    link: { createdAt: row.createdAt.toISOString(), url: `${ctx.config.baseUrl}/api/meetings/calendars/${token}.ics` },
  };
}

/** Turns the private calendar link off: calendar apps subscribed to it stop getting the meetings. */
export async function removeCalendarLink(ctx: ServiceContext, auth: Auth): Promise<void> {
  await deleteCalendarLink(ctx.db, auth.user.id);
}

/** The favorites calendar behind a private link ("<token>.ics"); an unknown or replaced link is not found. */
export async function calendarByLink(ctx: ServiceContext, fileName: string): Promise<string> {
  const userId = await findUserIdByCalendarToken(ctx.db, calendarTokenHash(fileName.replace(/\.ics$/, '')));
  if (!userId) throw notFound('This calendar link was turned off or replaced.');
  return favoritesCalendarOf(ctx, userId);
}

/** "90 meetings in 90 days": the member's attendance in the 90 days up to today, in their zone. */
export async function getAttendanceProgress(ctx: ServiceContext, auth: Auth): Promise<AttendanceProgress> {
  const today = Temporal.Now.plainDateISO(await findMemberTimeZone(ctx, auth.user.id)).toString();
  return attendanceProgressOn(ctx, auth.user.id, today);
}

/** The 90 days up to `today` (the member's own today) and the most recent meetings. */
async function attendanceProgressOn(ctx: ServiceContext, userId: string, today: string): Promise<AttendanceProgress> {
  const since = Temporal.PlainDate.from(today).subtract({ days: 89 }).toString();
  const summary = await summarizeAttendance(ctx.db, userId, since);
  return {
    today,
    meetingsInLast90Days: summary.meetingsSince,
    daysWithAMeetingInLast90Days: summary.daysSince,
    totalMeetings: summary.total,
    recent: summary.recent,
  };
}

/** "I went": today (in the member's zone) unless they say which day; never a day to come. */
export async function recordAttendance(
  ctx: ServiceContext,
  auth: Auth,
  slug: string,
  day: string | undefined,
): Promise<AttendanceProgress> {
  const meeting = await getMeetingRow(ctx, slug);
  const today = Temporal.Now.plainDateISO(await findMemberTimeZone(ctx, auth.user.id)).toString();
  const attendedOn = day ?? today;
  if (attendedOn > today) throw invalidField('day', 'That day has not happened yet.');
  if (attendedOn < '2000-01-01') throw invalidField('day', 'Enter a date after 2000.');
  await insertAttendance(ctx.db, {
    userId: auth.user.id,
    meetingId: meeting.id,
    meetingName: meeting.name,
    day: attendedOn,
  });
  return attendanceProgressOn(ctx, auth.user.id, today);
}

/** The member's favorites, attendance and the change requests they sent, for their data export. */
export async function exportMeetingData(ctx: ServiceContext, auth: Auth) {
  const data = await findMeetingDataOfUser(ctx.db, auth.user.id);
  return {
    favorites: data.favorites.map((favorite) => ({ ...favorite, since: favorite.since.toISOString() })),
    attendance: data.attendance,
    changeRequests: data.changeRequests.map((request) => ({ ...request, sentAt: request.sentAt.toISOString() })),
  };
}

/* ----------------------------------------------------------------- places and settings */

/** Places matching what a person typed: the packaged gazetteer, then the online geocoder if one is set. */
export async function searchPlaces(ctx: ServiceContext, query: string): Promise<Place[]> {
  const offline = findPlaces(query, { limit: 8 });
  const toPlace = (place: { label: string; latitude: number; longitude: number; kind: 'postal_code' | 'city' }) => ({
    label: place.label,
    latitude: place.latitude,
    longitude: place.longitude,
    kind: place.kind,
  });
  if (offline.length > 0 || !ctx.config.meetings.geocoder) return offline.map(toPlace);
  try {
    return (await geocodeOnline(query, ctx.config.meetings.geocoder)).map(toPlace);
  } catch {
    // The online geocoder is a nicety: without it, the finder says it found no such place.
    return [];
  }
}

/** The fellowships, regions and languages of the meetings here, for the finder's lists. */
export async function getFinderChoices(ctx: ServiceContext): Promise<FinderChoices> {
  const facts = await meetingListFacts(ctx.db);
  return {
    programs: facts.programs,
    regions: facts.regions,
    languages: facts.typeCodes
      .filter(isLanguageTypeCode)
      .map((code) => ({ code, name: meetingTypeName(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** What the finder page needs to know about this deployment. */
export function getFinderSettings(ctx: ServiceContext): FinderSettings {
  return {
    mapTileUrl: ctx.config.meetings.mapTileUrl,
    mapAttribution: ctx.config.meetings.mapAttribution,
    placesAttribution: OFFLINE_PLACES_ATTRIBUTION,
  };
}
