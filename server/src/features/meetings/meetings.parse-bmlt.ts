/**
 * NA's BMLT semantic API: the `GetSearchResults` JSON (with `get_used_formats`, `{meetings, formats}`,
 * or a bare list of meetings). Every value is a string; `weekday_tinyint` "1" is Sunday … "7"
 * Saturday; the end time is start + `duration_time`; formats are mapped through their `world_id`.
 */
import {
  MalformedSourceError,
  type AttendanceMode,
  type ImportedMeeting,
  type ParsedSource,
  type RejectedRow,
} from './meetings.import-types.ts';
import {
  addDuration,
  deriveAttendance,
  describeValue,
  parseConferencePhone,
  parseConferenceUrl,
  parseCoordinates,
  parseHttpUrl,
  parseLongText,
  parseText,
  parseTime,
  parseTimeZone,
} from './meetings.parse-common.ts';
import { normalizeMeetingType } from './meetings.types.ts';

export type BmltParseOptions = {
  /** The text of the server's `GetFormats` answer, when the search results came without formats. */
  formats?: string;
  /** The text of the server's `GetServiceBodies` answer: gives each meeting its entity and region path. */
  serviceBodies?: string;
};

/**
 * NAWS world ids (`world_id`, standard across BMLT servers, unlike the server-local `key_string`)
 * that mean a reserved Meeting Guide type. The BMLT root server's own Meeting Guide output maps
 * OPEN/CLOSED/WCHR/BEG/W/M/Y/SMOK/CC the same way; we also map the ones whose meaning is the same
 * type (DISC → Discussion, SPK → Speaker, STEP → Step Study, …). NA-specific literature and formats
 * (BT Basic Text, JFT, IP, IW, SWG, TOP, VAR, QA, CPT, LC, NC, NS, …) have no Meeting Guide type
 * and are kept as custom types by their name.
 */
const meetingGuideTypeByWorldId: Record<string, string> = {
  OPEN: 'O',
  CLOSED: 'C',
  WCHR: 'X',
  BEG: 'BE',
  GL: 'LGBTQ',
  LGBT: 'LGBTQ',
  W: 'W',
  M: 'M',
  Y: 'Y',
  YA: 'Y',
  CAN: 'CAN',
  DISC: 'D',
  SPK: 'SP',
  STEP: 'ST',
  TRAD: 'TR',
  LIT: 'LIT',
  MED: 'MED',
  SMOK: 'SM',
  CW: 'CF',
  CC: 'BA',
  POC: 'POC',
  FF: 'FF',
  TC: 'TC',
  VM: 'ONL',
};
/** World ids that say how the meeting is attended rather than what kind it is. */
const hybridWorldIds = new Set(['HY', 'HYBR', 'HYBRID']);
const virtualWorldId = 'VM';
const languageWorldId = 'LANG';

type BmltFormat = { id: string | null; key: string | null; name: string | null; worldId: string | null; lang: string };
type BmltServiceBody = { id: string; parentId: string | null; name: string; url: string | null; phone: string | null };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MalformedSourceError(
      `The ${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function readFormats(value: unknown): BmltFormat[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).filter(isRecord).map((format) => ({
    id: parseText(format.id),
    key: parseText(format.key_string),
    name: parseText(format.name_string),
    worldId: parseText(format.world_id)?.toUpperCase() ?? null,
    lang: parseText(format.lang) ?? 'en',
  }));
}

function readServiceBodies(value: unknown): Map<string, BmltServiceBody> {
  const bodies = new Map<string, BmltServiceBody>();
  if (!Array.isArray(value)) return bodies;
  for (const body of (value as unknown[]).filter(isRecord)) {
    const id = parseText(body.id);
    const name = parseText(body.name);
    if (id === null || name === null) continue;
    const parentId = parseText(body.parent_id);
    bodies.set(id, {
      id,
      parentId: parentId === '0' ? null : parentId,
      name,
      url: parseHttpUrl(body.url),
      phone: parseText(body.helpline),
    });
  }
  return bodies;
}

/** The service body and its parents, outermost first (region → area). */
function serviceBodyPath(bodies: Map<string, BmltServiceBody>, id: string | null): BmltServiceBody[] {
  const path: BmltServiceBody[] = [];
  let current = id === null ? undefined : bodies.get(id);
  while (current && !path.includes(current)) {
    path.unshift(current);
    current = current.parentId === null ? undefined : bodies.get(current.parentId);
  }
  return path;
}

type FormatReading = { types: string[]; customTypes: string[]; isHybrid: boolean; isVirtual: boolean };

function readMeetingFormats(
  meeting: Record<string, unknown>,
  byId: Map<string, BmltFormat>,
  byKey: Map<string, BmltFormat>,
): FormatReading {
  const reading: FormatReading = { types: [], customTypes: [], isHybrid: false, isVirtual: false };
  const addType = (code: string) => !reading.types.includes(code) && reading.types.push(code);
  const addCustom = (name: string) => !reading.customTypes.includes(name) && reading.customTypes.push(name);
  const split = (value: unknown) =>
    (parseText(value) ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);

  // Prefer the format ids (unique on the server); the key strings only find the format record.
  const ids = split(meeting.format_shared_id_list);
  const found: (BmltFormat | string)[] =
    ids.length > 0 ? ids.map((id) => byId.get(id) ?? id) : split(meeting.formats).map((key) => byKey.get(key) ?? key);

  for (const format of found) {
    if (typeof format === 'string') {
      addCustom(format); // a format the server did not describe: all we have is its label
      continue;
    }
    const label = format.name ?? format.key ?? format.id ?? '';
    const worldId = format.worldId;
    if (worldId !== null && hybridWorldIds.has(worldId)) {
      reading.isHybrid = true;
      continue;
    }
    if (worldId === virtualWorldId) reading.isVirtual = true;
    const code =
      worldId === languageWorldId
        ? normalizeMeetingType(format.name ?? '') // a language format: "Español" → S
        : worldId === null
          ? null
          : (meetingGuideTypeByWorldId[worldId] ?? null);
    if (code !== null) addType(code);
    else if (label) addCustom(label);
  }
  return reading;
}

const venueTypes: Record<string, AttendanceMode> = { '1': 'in_person', '2': 'online', '3': 'hybrid' };

type Lookups = {
  byId: Map<string, BmltFormat>;
  byKey: Map<string, BmltFormat>;
  serviceBodies: Map<string, BmltServiceBody>;
};

function readMeeting(meeting: unknown, seenIds: Set<string>, lookups: Lookups): ImportedMeeting | RejectedRow {
  if (!isRecord(meeting)) return { sourceKey: null, name: null, reason: 'the meeting is not an object' };
  const id = parseText(meeting.id_bigint);
  const name = parseText(meeting.meeting_name);
  const reject = (reason: string): RejectedRow => ({ sourceKey: id, name, reason });
  if (id === null) return reject('no id_bigint');
  if (name === null) return reject('no meeting_name');
  if (seenIds.has(id)) return reject(`the id ${id} is used by an earlier meeting in the file`);
  seenIds.add(id);
  if (parseText(meeting.published) === '0') return reject('the meeting is not published');

  const weekday = parseText(meeting.weekday_tinyint);
  if (weekday === null || !/^[1-7]$/.test(weekday)) {
    return reject(`weekday_tinyint ${describeValue(meeting.weekday_tinyint)} is not 1 (Sunday) to 7 (Saturday)`);
  }
  const time = parseTime(meeting.start_time);
  if (!time.ok) return reject(`start_time: ${time.reason}`);
  if (time.value === null) return reject('no start_time');
  const startTime = time.value;

  const formats = readMeetingFormats(meeting, lookups.byId, lookups.byKey);
  const isTemporarilyClosed = formats.types.includes('TC');

  const street = parseText(meeting.location_street);
  const city = parseText(meeting.location_municipality);
  const region = parseText(meeting.location_province);
  const postalCode = parseText(meeting.location_postal_code_1);
  const country = parseText(meeting.location_nation);
  const addressParts = [street, city, [region, postalCode].filter(Boolean).join(' '), country].filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  const formattedAddress = addressParts.length > 0 ? addressParts.join(', ') : null;
  const coordinates = parseCoordinates(meeting.latitude, meeting.longitude);

  const conferenceUrl = parseConferenceUrl(meeting.virtual_meeting_link);
  const conferencePhone = parseConferencePhone(meeting.phone_meeting_number);
  const joinNotes = parseLongText(meeting.virtual_meeting_additional_info);

  // venue_type says it outright; older servers say it with the VM / HY formats instead.
  const venueMode = venueTypes[parseText(meeting.venue_type) ?? ''] ?? null;
  const formatMode: AttendanceMode | null = formats.isHybrid ? 'hybrid' : formats.isVirtual ? 'online' : null;
  let attendance = deriveAttendance({
    explicit: venueMode ?? formatMode,
    hasOnlineAccess: conferenceUrl !== null || conferencePhone !== null,
    hasPhysicalAddress: street !== null,
    isTemporarilyClosed,
  });
  // BMLT's venue types know nothing of TC: a closed room leaves only the online part, if any.
  if (isTemporarilyClosed && attendance === 'in_person') attendance = 'inactive';
  if (isTemporarilyClosed && attendance === 'hybrid') attendance = 'online';

  const bodies = serviceBodyPath(lookups.serviceBodies, parseText(meeting.service_body_bigint));
  const body = bodies.at(-1);

  return {
    sourceKey: id,
    name,
    day: Number(weekday) - 1,
    startTime,
    endTime: addDuration(startTime, meeting.duration_time),
    timeZone: parseTimeZone(meeting.time_zone),
    types: formats.types,
    customTypes: formats.customTypes,
    attendance,
    isLocationTemporarilyClosed: isTemporarilyClosed,
    notes: parseLongText(meeting.comments),
    locationName: parseText(meeting.location_text),
    locationNotes: parseLongText(meeting.location_info),
    formattedAddress,
    street,
    city,
    region,
    postalCode,
    country,
    latitude: coordinates?.latitude ?? null,
    longitude: coordinates?.longitude ?? null,
    isApproximate: formattedAddress !== null && street === null,
    regions: bodies.map((serviceBody) => serviceBody.name),
    district: null,
    groupName: null,
    groupNotes: null,
    conferenceUrl,
    conferenceUrlNotes: conferenceUrl !== null ? joinNotes : null,
    conferencePhone,
    conferencePhoneNotes: conferenceUrl === null && conferencePhone !== null ? joinNotes : null,
    url: null,
    venmo: null,
    paypal: null,
    square: null,
    feedbackUrl: null,
    feedbackEmails: [],
    entity: body
      ? { name: body.name, url: body.url, email: null, phone: body.phone, location: null, logo: null }
      : null,
    sourceUpdatedAt: null,
  };
}

/**
 * Parses a BMLT `GetSearchResults` answer. Throws MalformedSourceError when it is not JSON, or neither
 * a list of meetings nor `{meetings, formats}`; otherwise each meeting is imported or rejected.
 */
export function parseBmltSearchResults(text: string, options: BmltParseOptions = {}): ParsedSource {
  const data = parseJson(text, 'file');
  let meetings: unknown[];
  let formats: BmltFormat[] = [];
  if (Array.isArray(data)) {
    meetings = data;
  } else if (isRecord(data) && Array.isArray(data.meetings)) {
    meetings = data.meetings as unknown[];
    formats = readFormats(data.formats);
  } else {
    throw new MalformedSourceError(
      `A BMLT GetSearchResults answer is a list of meetings or {meetings, formats}, but this file holds ${describeValue(data)}.`,
    );
  }
  if (options.formats !== undefined) {
    const extra = parseJson(options.formats, 'formats file');
    if (!Array.isArray(extra)) throw new MalformedSourceError('The formats file is not a GetFormats list.');
    formats = [...formats, ...readFormats(extra)];
  }
  let serviceBodies = new Map<string, BmltServiceBody>();
  if (options.serviceBodies !== undefined) {
    const bodies = parseJson(options.serviceBodies, 'service bodies file');
    if (!Array.isArray(bodies))
      throw new MalformedSourceError('The service bodies file is not a GetServiceBodies list.');
    serviceBodies = readServiceBodies(bodies);
  }

  const byId = new Map<string, BmltFormat>();
  const byKey = new Map<string, BmltFormat>();
  // English records first, so a key shared by several languages finds the English name.
  for (const format of [...formats].sort((a, b) => Number(b.lang === 'en') - Number(a.lang === 'en'))) {
    if (format.id !== null && !byId.has(format.id)) byId.set(format.id, format);
    if (format.key !== null && !byKey.has(format.key)) byKey.set(format.key, format);
  }

  const imported: ImportedMeeting[] = [];
  const rejected: RejectedRow[] = [];
  const seenIds = new Set<string>();
  for (const meeting of meetings) {
    const outcome = readMeeting(meeting, seenIds, { byId, byKey, serviceBodies });
    if ('reason' in outcome) rejected.push(outcome);
    else imported.push(outcome);
  }
  return { rowsRead: meetings.length, meetings: imported, rejected };
}
