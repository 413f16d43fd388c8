import { readFile } from 'node:fs/promises';
import { Temporal } from 'temporal-polyfill';
import { timeOfDayWindows, type MeetingSearch, type MeetingSearchResponse } from '@kindred/common/meetings';
import { isKnownTimeZone } from '@kindred/common/profiles';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { applyParsedSource, parseSource, slugify, type ImportProgress } from './meetings.import.ts';
import { MalformedSourceError } from './meetings.import-types.ts';
import { presentFeedMeeting, presentMeetingSummary } from './meetings.presenters.ts';
import {
  findActiveMeetings,
  findSourceByName,
  findSourceBySlug,
  insertSource,
  updateSource,
  type MeetingSourceRow,
} from './meetings.queries.ts';
import { findMeetingTimeZones, searchMeetings, type ZoneMoment, type ZoneWindow } from './meetings.search.ts';
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

function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/** The text of a source: a file on this machine or an http(s) URL. */
export async function readSourceText(location: string): Promise<string> {
  if (!isUrl(location)) {
    try {
      return await readFile(location, 'utf8');
    } catch (error) {
      throw new AppError('invalid_input', `Could not read the file ${location}: ${(error as Error).message}`);
    }
  }
  let response: Response;
  try {
    response = await fetch(location, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    throw new AppError('unavailable', `Could not reach ${location}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new AppError('unavailable', `${location} answered ${response.status}.`);
  const text = await response.text();
  if (text.length > MAX_SOURCE_BYTES) throw new AppError('payload_too_large', `${location} is larger than 50 MB.`);
  return text;
}

/** A slug for a new source, unique among sources. */
async function uniqueSourceSlug(ctx: ServiceContext, name: string): Promise<string> {
  const base = slugify(name).slice(0, 40).replace(/-+$/, '');
  for (let attempt = 1; ; attempt += 1) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await findSourceBySlug(ctx.db, slug))) return slug;
  }
}

/**
 * Imports a source's text: the whole file is read first, so a malformed one is refused with its
 * parse error and the stored meetings stay exactly as they were. The source is created on first
 * import and its settings updated on later ones.
 */
export async function importMeetings(
  ctx: ServiceContext,
  input: ImportMeetingsInput,
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  if (!(meetingSourceKinds as readonly string[]).includes(input.kind)) {
    throw invalidField('kind', `The kind is one of ${meetingSourceKinds.join(', ')}.`);
  }
  if (!isKnownTimeZone(input.defaultTimeZone)) {
    throw invalidField('timeZone', `"${input.defaultTimeZone}" is not a time zone (use one like America/New_York).`);
  }
  const name = input.sourceName.trim();
  if (name === '' || name.length > 100) throw invalidField('source', 'A source needs a name of 1–100 characters.');
  let parsed;
  try {
    parsed = parseSource(input.kind, input.text, input.defaultTimeZone);
  } catch (error) {
    if (error instanceof MalformedSourceError) {
      throw new AppError('invalid_input', `The file was refused and nothing changed: ${error.message}`);
    }
    throw error;
  }
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
  const report = await applyParsedSource(ctx.db, source, parsed, onProgress);
  forgetMeetingTimeZones(ctx.db);
  return { source, report };
}

/* ----------------------------------------------------------------- finding meetings */

const KILOMETRES_PER_MILE = 1.609344;
const ZONES_TTL_MS = 60_000;

/** The zones meetings are in, remembered for a minute (imports in this process forget them at once). */
const meetingZonesByDatabase = new WeakMap<Database, { zones: string[]; at: number }>();

function forgetMeetingTimeZones(db: Database): void {
  meetingZonesByDatabase.delete(db);
}

async function meetingTimeZones(db: Database): Promise<string[]> {
  const cached = meetingZonesByDatabase.get(db);
  if (cached && Date.now() - cached.at < ZONES_TTL_MS) return cached.zones;
  const zones = await findMeetingTimeZones(db);
  meetingZonesByDatabase.set(db, { zones, at: Date.now() });
  return zones;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The local day (0 = Sunday) and minute of the day in a zone at an instant. */
function localMoment(timeZone: string, now: Temporal.Instant) {
  const local = now.toZonedDateTimeISO(timeZone);
  return { day: local.dayOfWeek % 7, minute: local.hour * 60 + local.minute, second: local.second };
}

const timeText = (minute: number, second = 0) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(second)}`;

/** Per zone: start times from now to `within` minutes on, split at midnight. */
export function startingSoonWindows(zones: string[], now: Temporal.Instant, within: number): ZoneWindow[] {
  return zones.flatMap((timeZone) => {
    const { day, minute } = localMoment(timeZone, now);
    const end = minute + within;
    const from = timeText(minute);
    if (end <= 1440) return [{ timeZone, day, from, to: end === 1440 ? '24:00:00' : timeText(end), minutesAhead: 0 }];
    return [
      { timeZone, day, from, to: '24:00:00', minutesAhead: 0 },
      { timeZone, day: (day + 1) % 7, from: '00:00:00', to: timeText(end - 1440), minutesAhead: 1440 - minute },
    ];
  });
}

/** Per zone: the local day and time now. */
export function inProgressMoments(zones: string[], now: Temporal.Instant): ZoneMoment[] {
  return zones.map((timeZone) => {
    const { day, minute, second } = localMoment(timeZone, now);
    return { timeZone, day, at: timeText(minute, second) };
  });
}

const searchCursorSchema = z.object({ sortKey: z.number(), id: z.uuid() });

function decodeSearchCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  try {
    const parsed = searchCursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through to the error below.
  }
  throw invalidField('cursor', 'That page link is not valid any more; search again.');
}

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
    types: search.types?.map((type) => type.toUpperCase()),
    program: search.program || undefined,
    region: search.region || undefined,
    words: search.q || undefined,
    after: decodeSearchCursor(search.cursor),
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
    nextCursor:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify({ sortKey: last.sortKey, id: last.meeting.id })).toString('base64url')
        : null,
  };
}

/** Every active meeting as a Meeting Guide feed (the spec's JSON array). */
export async function exportMeetingGuideFeed(ctx: ServiceContext) {
  const rows = await findActiveMeetings(ctx.db);
  return rows.map((meeting) => presentFeedMeeting(meeting, ctx.config.baseUrl));
}
