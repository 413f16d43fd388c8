import type {
  ChangeRequest,
  ChangeRequestItem,
  HandMeeting,
  MeetingDetail,
  MeetingSource,
  MeetingSummary,
} from '@kindred/common/meetings';
import type { findChangeRequests, MeetingRow, MeetingSourceRow } from './meetings.queries.ts';
import { isSpecTypeCode, meetingTypeName } from './meetings.types.ts';

const hhmm = (time: string | null) => (time === null ? null : time.slice(0, 5));

/** The columns a meeting in a list of results needs (a search reads only these). */
export type MeetingSummaryRow = Pick<
  MeetingRow,
  | 'id'
  | 'slug'
  | 'name'
  | 'day'
  | 'weeksOfMonth'
  | 'startTime'
  | 'endTime'
  | 'timeZone'
  | 'attendance'
  | 'isLocationTemporarilyClosed'
  | 'types'
  | 'customTypes'
  | 'program'
  | 'locationName'
  | 'formattedAddress'
  | 'city'
  | 'regions'
  | 'groupName'
  | 'latitude'
  | 'longitude'
  | 'isApproximate'
  | 'conferenceUrl'
  | 'conferencePhone'
>;

/** A meeting in a list of results: what a person needs to choose it, types by name. */
export function presentMeetingSummary(
  meeting: MeetingSummaryRow,
  distance: { value: number; unit: 'mi' | 'km' } | null,
): MeetingSummary {
  return {
    slug: meeting.slug,
    name: meeting.name,
    day: meeting.day,
    weeksOfMonth: meeting.weeksOfMonth,
    startTime: hhmm(meeting.startTime),
    endTime: hhmm(meeting.endTime),
    timeZone: meeting.timeZone,
    attendance: meeting.attendance,
    isLocationTemporarilyClosed: meeting.isLocationTemporarilyClosed,
    types: meeting.types.map((code) => ({ code, name: meetingTypeName(code) ?? code })),
    customTypes: meeting.customTypes,
    program: meeting.program,
    locationName: meeting.locationName,
    formattedAddress: meeting.formattedAddress,
    city: meeting.city,
    regions: meeting.regions,
    groupName: meeting.groupName,
    latitude: meeting.latitude,
    longitude: meeting.longitude,
    isApproximate: meeting.isApproximate,
    hasOnlineJoin: Boolean(meeting.conferenceUrl || meeting.conferencePhone),
    distance,
  };
}

const feedTime = (time: string | null) => hhmm(time) ?? undefined;
const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

/** "2025-03-01 18:04:05" in UTC, the `updated` format of the Meeting Guide spec. */
function feedUpdated(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * One meeting as a row of the Meeting Guide feed (code4recovery/spec): reserved type codes only,
 * "HH:MM" times, day 0–6, our own unique slug, the meeting's zone. Absent values are left out.
 */
export function presentFeedMeeting(meeting: MeetingRow, baseUrl: string) {
  return {
    name: meeting.name,
    slug: meeting.slug,
    day: orUndefined(meeting.day),
    time: feedTime(meeting.startTime),
    end_time: feedTime(meeting.endTime),
    timezone: meeting.timeZone,
    // Only the spec's own codes: ONL (online) is the ecosystem's, and a reader derives it from the join link.
    types: meeting.types.filter((code) => isSpecTypeCode(code)),
    notes: orUndefined(meeting.notes),
    location: orUndefined(meeting.locationName),
    location_notes: orUndefined(meeting.locationNotes),
    formatted_address: orUndefined(meeting.formattedAddress),
    address: orUndefined(meeting.street),
    city: orUndefined(meeting.city),
    state: orUndefined(meeting.region),
    postal_code: orUndefined(meeting.postalCode),
    country: orUndefined(meeting.country),
    latitude: orUndefined(meeting.latitude),
    longitude: orUndefined(meeting.longitude),
    approximate: meeting.isApproximate ? 'yes' : 'no',
    regions: meeting.regions.length > 0 ? meeting.regions : undefined,
    district: orUndefined(meeting.district),
    group: orUndefined(meeting.groupName),
    group_notes: orUndefined(meeting.groupNotes),
    conference_url: orUndefined(meeting.conferenceUrl),
    conference_url_notes: orUndefined(meeting.conferenceUrlNotes),
    conference_phone: orUndefined(meeting.conferencePhone),
    conference_phone_notes: orUndefined(meeting.conferencePhoneNotes),
    attendance_option: meeting.attendance,
    venmo: orUndefined(meeting.venmo),
    paypal: orUndefined(meeting.paypal),
    square: orUndefined(meeting.square),
    feedback_url: orUndefined(meeting.feedbackUrl),
    feedback_emails: meeting.feedbackEmails.length > 0 ? meeting.feedbackEmails : undefined,
    url: `${baseUrl}/meetings/${encodeURIComponent(meeting.slug)}`,
    updated: feedUpdated(meeting.sourceUpdatedAt ?? meeting.updatedAt),
  };
}

/** A maps link for a meeting at a precise address: the phone's maps app opens it. */
function directionsUrl(meeting: MeetingRow): string | null {
  if (meeting.isApproximate || meeting.attendance === 'online' || meeting.attendance === 'inactive') return null;
  const destination =
    meeting.formattedAddress ??
    (meeting.latitude !== null && meeting.longitude !== null ? `${meeting.latitude},${meeting.longitude}` : null);
  return destination ? `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}` : null;
}

function changeRequestFor(meeting: MeetingRow): ChangeRequest {
  if (meeting.feedbackUrl) return { kind: 'url', url: meeting.feedbackUrl };
  if (meeting.feedbackEmails.length > 0) return { kind: 'email', emails: meeting.feedbackEmails };
  return { kind: 'editors' };
}

/** One meeting, everything a person needs to go to it; favorites and attendance for a member. */
export function presentMeetingDetail(
  meeting: MeetingRow,
  context: { source: MeetingSourceRow | null; member: { isFavorite: boolean; timesAttended: number } | null },
): MeetingDetail {
  return {
    ...presentMeetingSummary(meeting, null),
    notes: meeting.notes,
    locationNotes: meeting.locationNotes,
    street: meeting.street,
    postalCode: meeting.postalCode,
    country: meeting.country,
    district: meeting.district,
    groupNotes: meeting.groupNotes,
    conferenceUrl: meeting.conferenceUrl,
    conferenceUrlNotes: meeting.conferenceUrlNotes,
    conferencePhone: meeting.conferencePhone,
    conferencePhoneNotes: meeting.conferencePhoneNotes,
    url: meeting.url,
    seventhTradition: { venmo: meeting.venmo, paypal: meeting.paypal, square: meeting.square },
    source: context.source
      ? { name: context.source.name, program: context.source.program, url: context.source.url }
      : null,
    isHandEntered: meeting.sourceId === null,
    updatedAt: (meeting.sourceUpdatedAt ?? meeting.updatedAt).toISOString(),
    directionsUrl: directionsUrl(meeting),
    changeRequest: changeRequestFor(meeting),
    isFavorite: context.member?.isFavorite ?? null,
    timesAttended: context.member?.timesAttended ?? null,
  };
}

/** A source as its editors see it, with its last import. */
export function presentSource(source: MeetingSourceRow, meetingCount: number): MeetingSource {
  return {
    id: source.id,
    name: source.name,
    slug: source.slug,
    kind: source.kind,
    url: source.url,
    program: source.program,
    defaultTimeZone: source.defaultTimeZone,
    refreshIntervalMinutes: source.refreshIntervalMinutes,
    lastImportedAt: source.lastImportedAt?.toISOString() ?? null,
    lastAttemptedAt: source.lastAttemptedAt?.toISOString() ?? null,
    lastError: source.lastError,
    lastReport: source.lastReport,
    meetingCount,
  };
}

/** A hand-entered meeting as its editors see it (and load into their form). */
export function presentHandMeeting(meeting: MeetingRow, openChangeRequests: number): HandMeeting {
  return {
    slug: meeting.slug,
    name: meeting.name,
    program: meeting.program,
    day: meeting.day ?? 0,
    weeksOfMonth: meeting.weeksOfMonth,
    startTime: (meeting.startTime ?? '00:00').slice(0, 5),
    endTime: meeting.endTime?.slice(0, 5) ?? null,
    timeZone: meeting.timeZone,
    types: meeting.types,
    notes: meeting.notes,
    locationName: meeting.locationName,
    locationNotes: meeting.locationNotes,
    formattedAddress: meeting.formattedAddress,
    latitude: meeting.latitude,
    longitude: meeting.longitude,
    isLocationTemporarilyClosed: meeting.isLocationTemporarilyClosed,
    regions: meeting.regions,
    groupName: meeting.groupName,
    conferenceUrl: meeting.conferenceUrl,
    conferenceUrlNotes: meeting.conferenceUrlNotes,
    conferencePhone: meeting.conferencePhone,
    conferencePhoneNotes: meeting.conferencePhoneNotes,
    attendance: meeting.attendance,
    openChangeRequests,
    updatedAt: meeting.updatedAt.toISOString(),
  };
}

/** A change request as the editors see it. */
export function presentChangeRequest(row: Awaited<ReturnType<typeof findChangeRequests>>[number]): ChangeRequestItem {
  return {
    id: row.id,
    meeting: { slug: row.meetingSlug, name: row.meetingName },
    message: row.message,
    contact: row.contact,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
