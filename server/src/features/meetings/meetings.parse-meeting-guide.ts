/**
 * The Meeting Guide JSON feed (code4recovery/spec) as real feeds publish it, quirks included: days as
 * numbers, numeric strings or lists, 12-hour times, types as strings, numeric slugs and postal codes.
 */
import {
  MalformedSourceError,
  type ImportedMeeting,
  type ParsedSource,
  type RejectedRow,
} from './meetings.import-types.ts';
import {
  deriveAttendance,
  describeValue,
  parseApproximate,
  parseAttendanceOption,
  parseConferencePhone,
  parseConferenceUrl,
  parseCoordinates,
  parseDay,
  parseHttpUrl,
  parseLongText,
  parsePaypal,
  parseSquare,
  parseText,
  parseTextList,
  parseTime,
  parseTimeZone,
  parseTypes,
  parseUpdated,
  parseVenmo,
} from './meetings.parse-common.ts';

export type MeetingGuideParseOptions = {
  /** The source's zone: used only to read off-spec local `updated` stamps ("8/25/2022 11:17:07 AM"). */
  defaultTimeZone?: string;
};

/** Options the spreadsheet importer adds when it hands its rows to the shared row reader. */
type RecordOptions = MeetingGuideParseOptions & {
  /** How a rejected row is named in its reason ("row 7"), for sources without reliable slugs. */
  rowLabel?: (index: number) => string;
};

type MeetingRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is MeetingRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const usStates = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR'.split(
    ' ',
  ),
);

/** Postal codes published as numbers lose US leading zeros (02180 → 2180); put them back. */
function parsePostalCode(value: unknown, country: string | null, state: string | null): string | null {
  const text = parseText(value);
  if (text === null || typeof value !== 'number') return text;
  const isUnitedStates =
    (country !== null && /^(us|usa|united states( of america)?)$/i.test(country)) ||
    (country === null && state !== null && usStates.has(state.toUpperCase()));
  return isUnitedStates && /^\d{1,4}$/.test(text) ? text.padStart(5, '0') : text;
}

type Address = Pick<
  ImportedMeeting,
  'formattedAddress' | 'street' | 'city' | 'region' | 'postalCode' | 'country' | 'isApproximate'
>;

/**
 * The address as published and whether it is approximate. The row's own `approximate` wins;
 * otherwise, as tsml-ui does, a street part makes it specific, and a formatted address alone is
 * approximate when it has fewer than four comma-separated parts ("Anytown, OK 12345, USA").
 */
function readAddress(row: MeetingRecord): Address {
  let street = parseText(row.address);
  const city = parseText(row.city);
  const region = parseText(row.state);
  const country = parseText(row.country);
  const postalCode = parsePostalCode(row.postal_code, country, region);
  let formattedAddress = parseText(row.formatted_address);
  let hasStreetPart = street !== null;

  // Some feeds (Edmonton) put the whole address in `address` and nothing in the parts.
  if (
    formattedAddress === null &&
    street !== null &&
    city === null &&
    region === null &&
    postalCode === null &&
    (street.match(/,/g) ?? []).length >= 2
  ) {
    // Read it as the formatted address it is; which part is the street is not ours to guess.
    formattedAddress = street;
    street = null;
    hasStreetPart = false;
  }
  if (formattedAddress === null) {
    const parts = [street, city, [region, postalCode].filter(Boolean).join(' '), country].filter(
      (part): part is string => typeof part === 'string' && part !== '',
    );
    formattedAddress = parts.length > 0 ? parts.join(', ') : null;
  }

  const explicit = parseApproximate(row.approximate);
  let isApproximate: boolean;
  if (explicit !== null) isApproximate = explicit;
  else if (formattedAddress === null) isApproximate = false;
  else if (hasStreetPart) isApproximate = false;
  else isApproximate = formattedAddress.split(',').length < 4;

  return { formattedAddress, street, city, region, postalCode, country, isApproximate };
}

/** Region path, outermost first: `regions` (a list, or "A > B" from a sheet), else region/sub_region. */
function readRegions(row: MeetingRecord): string[] {
  const fromList = (items: unknown[]) =>
    items.map((item) => parseText(item)).filter((item): item is string => item !== null);
  if (Array.isArray(row.regions)) return fromList(row.regions as unknown[]);
  if (typeof row.regions === 'string' && row.regions.trim() !== '') return fromList(row.regions.split('>'));
  const path: string[] = [];
  for (const key of ['region', 'sub_region', 'sub_sub_region']) {
    const name = parseText(row[key]);
    if (name === null) break;
    path.push(name);
  }
  return path;
}

function readEntity(row: MeetingRecord): ImportedMeeting['entity'] {
  const entity = {
    name: parseText(row.entity),
    url: parseHttpUrl(row.entity_url) ?? parseHttpUrl(row.entity_website_url),
    email: parseText(row.entity_email),
    phone: parseText(row.entity_phone),
    location: parseText(row.entity_location),
    logo: parseHttpUrl(row.entity_logo),
  };
  return Object.values(entity).some((value) => value !== null) ? entity : null;
}

type RowOutcome = { meetings: ImportedMeeting[] } | { rejected: RejectedRow };

function readRow(row: unknown, seenSlugs: Set<string>, options: RecordOptions, index: number): RowOutcome {
  const label = options.rowLabel ? `${options.rowLabel(index)}: ` : '';
  if (!isRecord(row)) {
    return { rejected: { sourceKey: null, name: null, reason: `${label}the row is not an object` } };
  }
  const slug = parseText(row.slug);
  const name = parseText(row.name);
  const reject = (reason: string): RowOutcome => ({
    rejected: { sourceKey: slug, name, reason: `${label}${reason}` },
  });
  if (slug === null) return reject('no slug (every meeting needs a unique slug)');
  if (name === null) return reject('no name');
  if (seenSlugs.has(slug)) return reject(`the slug "${slug}" is used by an earlier meeting in the file`);
  seenSlugs.add(slug);

  const day = parseDay(row.day);
  if (!day.ok) return reject(`day: ${day.reason}`);
  const days = day.value;
  let startTime: string | null = null;
  let endTime: string | null = null;
  if (days !== null) {
    const time = parseTime(row.time);
    if (!time.ok) return reject(`time: ${time.reason}`);
    if (time.value === null) return reject(`it has a day but no time (day ${describeValue(row.day)})`);
    startTime = time.value;
    const end = parseTime(row.end_time);
    endTime = end.ok ? end.value : null;
  }

  const { types, customTypes } = parseTypes(row.types);
  const isTemporarilyClosed = types.includes('TC');
  const address = readAddress(row);
  const coordinates = parseCoordinates(row.latitude, row.longitude);
  const conferenceUrl = parseConferenceUrl(row.conference_url);
  const conferencePhone = parseConferencePhone(row.conference_phone);
  const timeZone = parseTimeZone(row.timezone);
  const attendance = deriveAttendance({
    explicit: parseAttendanceOption(row.attendance_option),
    hasOnlineAccess: conferenceUrl !== null || conferencePhone !== null,
    hasPhysicalAddress: address.formattedAddress !== null && !address.isApproximate,
    isTemporarilyClosed,
  });

  const meeting: Omit<ImportedMeeting, 'sourceKey' | 'day'> = {
    name,
    startTime,
    endTime,
    timeZone,
    types,
    customTypes,
    attendance,
    isLocationTemporarilyClosed: isTemporarilyClosed,
    notes: parseLongText(row.notes),
    locationName: parseText(row.location),
    locationNotes: parseLongText(row.location_notes),
    ...address,
    latitude: coordinates?.latitude ?? null,
    longitude: coordinates?.longitude ?? null,
    regions: readRegions(row),
    district: parseText(row.district),
    groupName: parseText(row.group),
    groupNotes: parseLongText(row.group_notes),
    conferenceUrl,
    // As tsml-ui does: notes about a join URL or phone that is not there are dropped with it.
    conferenceUrlNotes: conferenceUrl === null ? null : parseLongText(row.conference_url_notes),
    conferencePhone,
    conferencePhoneNotes: conferencePhone === null ? null : parseLongText(row.conference_phone_notes),
    url: parseHttpUrl(row.url),
    venmo: parseVenmo(row.venmo),
    paypal: parsePaypal(row.paypal),
    square: parseSquare(row.square),
    feedbackUrl: parseHttpUrl(row.feedback_url),
    feedbackEmails: parseTextList(row.feedback_emails),
    entity: readEntity(row),
    sourceUpdatedAt: parseUpdated(row.updated, timeZone ?? options.defaultTimeZone),
  };

  if (days === null) return { meetings: [{ sourceKey: slug, day: null, ...meeting }] };
  // A list of days is one meeting per day; each needs its own key within the source.
  if (Array.isArray(row.day)) {
    return { meetings: days.map((oneDay) => ({ sourceKey: `${slug}#${oneDay}`, day: oneDay, ...meeting })) };
  }
  return { meetings: [{ sourceKey: slug, day: days[0] ?? null, ...meeting }] };
}

/**
 * Reads Meeting Guide rows (objects keyed by the spec's field names) into meetings and rejected rows.
 * Shared by the JSON feed and the spreadsheet, whose columns are the same fields.
 */
export function parseMeetingGuideRecords(rows: readonly unknown[], options: RecordOptions = {}): ParsedSource {
  const meetings: ImportedMeeting[] = [];
  const rejected: RejectedRow[] = [];
  const seenSlugs = new Set<string>();
  rows.forEach((row, index) => {
    const outcome = readRow(row, seenSlugs, options, index);
    if ('rejected' in outcome) rejected.push(outcome.rejected);
    else meetings.push(...outcome.meetings);
  });
  return { rowsRead: rows.length, meetings, rejected };
}

/**
 * Parses a Meeting Guide JSON feed. Throws MalformedSourceError when the text is not JSON or not a
 * list; otherwise every row becomes meetings or a rejected row with its reason.
 */
export function parseMeetingGuideJson(text: string, options: MeetingGuideParseOptions = {}): ParsedSource {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MalformedSourceError(
      `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!Array.isArray(data)) {
    throw new MalformedSourceError(
      `A Meeting Guide feed is a JSON list of meetings, but this file holds ${describeValue(data)}.`,
    );
  }
  return parseMeetingGuideRecords(data, options);
}
