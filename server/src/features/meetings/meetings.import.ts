/**
 * Importing a meeting source: parse the whole file first (a malformed file changes nothing), give
 * every meeting its zone, then in one transaction create, update, keep or remove meetings by the
 * source's own key, and report what happened.
 */
import { createHash } from 'node:crypto';
import tzLookup from '@photostructure/tz-lookup';
import { isKnownTimeZone } from '@kindred/common/profiles';
import type { Database } from '../../db/client.ts';
import type { ImportedMeeting, ParsedSource } from './meetings.import-types.ts';
import { parseBmltSearchResults } from './meetings.parse-bmlt.ts';
import { slugify } from './meetings.parse-common.ts';
import { parseMeetingGuideJson } from './meetings.parse-meeting-guide.ts';
import { parseMeetingGuideCsv } from './meetings.parse-spreadsheet.ts';
import {
  deleteMeetings,
  findMeetingKeysOfSource,
  insertMeetings,
  recordImport,
  updateMeeting,
  type MeetingSourceRow,
  type NewMeetingRow,
} from './meetings.queries.ts';
import type { ImportReport, MeetingSourceKind } from './meetings.tables.ts';

/** Reads a source's text in its format. Throws MalformedSourceError when the file cannot be read. */
export function parseSource(kind: MeetingSourceKind, text: string, defaultTimeZone: string): ParsedSource {
  switch (kind) {
    case 'meeting-guide-json':
      return parseMeetingGuideJson(text, { defaultTimeZone });
    case 'meeting-guide-csv':
      return parseMeetingGuideCsv(text, { defaultTimeZone });
    case 'bmlt':
      return parseBmltSearchResults(text, {});
  }
}

/**
 * The meeting's own zone, else the zone at its coordinates (no real feed sends `timezone`), else
 * the source's default.
 */
export function resolveTimeZone(meeting: ImportedMeeting, defaultTimeZone: string): string {
  if (meeting.timeZone && isKnownTimeZone(meeting.timeZone)) return meeting.timeZone;
  const { latitude, longitude } = meeting;
  if (latitude !== null && longitude !== null && (latitude !== 0 || longitude !== 0)) {
    try {
      const zone = tzLookup(latitude, longitude);
      if (isKnownTimeZone(zone)) return zone;
    } catch {
      // Out of range: fall back to the source's zone.
    }
  }
  return defaultTimeZone;
}

/** The stored row of an imported meeting (everything but ids and the slug). */
function toRow(meeting: ImportedMeeting, source: MeetingSourceRow) {
  return {
    name: meeting.name,
    day: meeting.day,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    timeZone: resolveTimeZone(meeting, source.defaultTimeZone),
    types: meeting.types,
    customTypes: meeting.customTypes,
    attendance: meeting.attendance,
    isLocationTemporarilyClosed: meeting.isLocationTemporarilyClosed,
    program: source.program,
    notes: meeting.notes,
    locationName: meeting.locationName,
    locationNotes: meeting.locationNotes,
    formattedAddress: meeting.formattedAddress,
    street: meeting.street,
    city: meeting.city,
    region: meeting.region,
    postalCode: meeting.postalCode,
    country: meeting.country,
    latitude: meeting.latitude,
    longitude: meeting.longitude,
    isApproximate: meeting.isApproximate,
    regions: meeting.regions,
    district: meeting.district,
    groupName: meeting.groupName,
    groupNotes: meeting.groupNotes,
    conferenceUrl: meeting.conferenceUrl,
    conferenceUrlNotes: meeting.conferenceUrlNotes,
    conferencePhone: meeting.conferencePhone,
    conferencePhoneNotes: meeting.conferencePhoneNotes,
    url: meeting.url,
    venmo: meeting.venmo,
    paypal: meeting.paypal,
    square: meeting.square,
    feedbackUrl: meeting.feedbackUrl,
    feedbackEmails: meeting.feedbackEmails,
    entity: meeting.entity,
    sourceUpdatedAt: meeting.sourceUpdatedAt ? new Date(meeting.sourceUpdatedAt) : null,
  } satisfies Omit<NewMeetingRow, 'slug' | 'sourceId' | 'sourceKey'>;
}

function hashOf(row: ReturnType<typeof toRow>): string {
  // The row's keys are always built in the same order, so its JSON is a stable fingerprint.
  return createHash('sha256').update(JSON.stringify(row)).digest('base64url');
}

export type ImportProgress = (done: number, total: number) => void;

/**
 * Applies a parsed source to the stored meetings of that source, in one transaction: creates the
 * new, updates the changed, leaves the unchanged alone and removes what left the source.
 */
export async function applyParsedSource(
  db: Database,
  source: MeetingSourceRow,
  parsed: ParsedSource,
  onProgress: ImportProgress = () => {},
): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    const existing = await findMeetingKeysOfSource(tx, source.id);
    const existingByKey = new Map(existing.map((row) => [row.sourceKey, row]));
    const slugsInUse = new Set(existing.map((row) => row.slug));
    const seenKeys = new Set<string>();
    const toInsert: NewMeetingRow[] = [];
    let updated = 0;
    let unchanged = 0;
    const total = parsed.meetings.length;
    for (const [index, meeting] of parsed.meetings.entries()) {
      seenKeys.add(meeting.sourceKey);
      const row = toRow(meeting, source);
      const contentHash = hashOf(row);
      const stored = existingByKey.get(meeting.sourceKey);
      if (!stored) {
        toInsert.push({
          ...row,
          sourceId: source.id,
          sourceKey: meeting.sourceKey,
          slug: newSlug(source.slug, meeting.sourceKey, slugsInUse),
          contentHash,
        });
      } else if (stored.contentHash !== contentHash) {
        await updateMeeting(tx, stored.id, { ...row, contentHash });
        updated += 1;
      } else {
        unchanged += 1;
      }
      if (index % 250 === 249) onProgress(index + 1, total);
    }
    await insertMeetings(tx, toInsert);
    const removedIds = existing.filter((row) => !seenKeys.has(row.sourceKey ?? '')).map((row) => row.id);
    await deleteMeetings(tx, removedIds);
    onProgress(total, total);
    const report: ImportReport = {
      rowsRead: parsed.rowsRead,
      created: toInsert.length,
      updated,
      unchanged,
      removed: removedIds.length,
      rejected: parsed.rejected,
    };
    await recordImport(tx, source.id, report);
    return report;
  });
}

/** "<source>--<key>", unique: two keys that read alike get a short fingerprint of their own. */
function newSlug(sourceSlug: string, sourceKey: string, slugsInUse: Set<string>): string {
  let slug = `${sourceSlug}--${slugify(sourceKey) || 'meeting'}`;
  if (slugsInUse.has(slug)) slug = `${slug}-${createHash('sha256').update(sourceKey).digest('hex').slice(0, 8)}`;
  slugsInUse.add(slug);
  return slug;
}
