/**
 * Meetings this site's editors keep by hand (not from a source), including ones that meet on some
 * weeks of the month only, and the "request a change" messages people send them.
 */
import type { ChangeRequestValues, ChangeRequestItem, HandMeeting, HandMeetingValues } from '@kindred/common/meetings';
import type { Database } from '../../db/client.ts';
import { recordAuditEvent } from '../../platform/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import { deriveAttendance, slugify } from './meetings.parse-common.ts';
import { findPlaces, geocodeOnline } from './meetings.places.ts';
import { requireMeetingEditor } from './meetings.policy.ts';
import { presentChangeRequest, presentHandMeeting } from './meetings.presenters.ts';
import {
  countOpenChangeRequestsOfMeeting,
  deleteMeetings,
  findChangeRequests,
  findHandMeetings,
  findMeetingBySlug,
  insertChangeRequest,
  insertMeeting,
  isMeetingSlugTaken,
  resolveChangeRequest,
  updateMeeting,
  type MeetingRow,
} from './meetings.queries.ts';
import { forgetMeetingListFacts } from './meetings.search.ts';
import { normalizeMeetingType } from './meetings.types.ts';

const WEEKDAY_SLUGS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const CHANGE_REQUEST_LIST_LIMIT = 200;

/** The type codes as the spec spells them; an unknown one is refused, naming it. */
function checkTypes(types: string[]): string[] {
  const codes: string[] = [];
  for (const type of types) {
    const code = normalizeMeetingType(type);
    if (!code) throw invalidField('types', `"${type}" is not a meeting type we know.`);
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/**
 * Coordinates for an address an editor typed without them: the online geocoder when one is set,
 * else the packaged gazetteer on the postal code or town ("…, Philadelphia, PA 19103"), which puts
 * the meeting near enough for "near me" searches. Null when nothing is found.
 */
async function locate(ctx: ServiceContext, address: string): Promise<{ latitude: number; longitude: number } | null> {
  if (ctx.config.meetings.geocoder) {
    try {
      const [place] = await geocodeOnline(address, ctx.config.meetings.geocoder);
      if (place) return { latitude: place.latitude, longitude: place.longitude };
    } catch {
      // Fall back to the packaged places.
    }
  }
  const parts = address.split(',').map((part) => part.trim());
  for (let first = 1; first < parts.length; first += 1) {
    const [place] = findPlaces(parts.slice(first).join(', '), { limit: 1 });
    if (place) return { latitude: place.latitude, longitude: place.longitude };
  }
  return null;
}

/** The stored columns of a hand-entered meeting (everything but its ids and slug). */
async function toRow(ctx: ServiceContext, input: HandMeetingValues) {
  const coordinates =
    input.latitude !== null && input.longitude !== null
      ? { latitude: input.latitude, longitude: input.longitude }
      : input.formattedAddress
        ? await locate(ctx, input.formattedAddress)
        : null;
  if (input.endTime !== null && input.endTime === input.startTime) {
    throw invalidField('endTime', 'The end time is the same as the start time.');
  }
  const attendance = deriveAttendance({
    explicit: null,
    hasOnlineAccess: Boolean(input.conferenceUrl || input.conferencePhone),
    hasPhysicalAddress: Boolean(input.formattedAddress),
    isTemporarilyClosed: input.isLocationTemporarilyClosed,
  });
  if (attendance === 'inactive') {
    throw invalidField(
      'formattedAddress',
      input.isLocationTemporarilyClosed
        ? 'A meeting whose place is closed needs a join link or phone to meet online.'
        : 'Give an address, or a join link or phone for an online meeting.',
    );
  }
  return {
    name: input.name,
    program: input.program,
    day: input.day,
    weeksOfMonth: input.weeksOfMonth,
    startTime: input.startTime,
    endTime: input.endTime,
    timeZone: input.timeZone,
    types: checkTypes(input.types),
    attendance,
    isLocationTemporarilyClosed: input.isLocationTemporarilyClosed,
    notes: input.notes,
    locationName: input.locationName,
    locationNotes: input.locationNotes,
    formattedAddress: input.formattedAddress,
    latitude: coordinates?.latitude ?? null,
    longitude: coordinates?.longitude ?? null,
    regions: input.regions,
    groupName: input.groupName,
    conferenceUrl: input.conferenceUrl,
    conferenceUrlNotes: input.conferenceUrlNotes,
    conferencePhone: input.conferencePhone,
    conferencePhoneNotes: input.conferencePhoneNotes,
  };
}

/** "first-step-group-tuesday": words of the name and the day; never "--", which source slugs use. */
async function newHandMeetingSlug(db: Database, name: string, day: number): Promise<string> {
  const base = `${slugify(name, 60) || 'meeting'}-${WEEKDAY_SLUGS[day]}`;
  for (let attempt = 1; ; attempt += 1) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    if (!(await isMeetingSlugTaken(db, slug))) return slug;
  }
}

async function getHandMeetingRow(ctx: ServiceContext, slug: string): Promise<MeetingRow> {
  const meeting = await findMeetingBySlug(ctx.db, slug);
  if (!meeting) throw notFound('We could not find that meeting.');
  if (meeting.sourceId !== null) {
    throw new AppError('conflict', 'This meeting comes from a source: change it there, and import again.');
  }
  return meeting;
}

/** The meetings entered by hand on this site. */
export async function listHandMeetings(ctx: ServiceContext, auth: Auth): Promise<HandMeeting[]> {
  requireMeetingEditor(auth);
  const rows = await findHandMeetings(ctx.db);
  return rows.map((row) => presentHandMeeting(row.meeting, row.openChangeRequests));
}

/** One hand-entered meeting, to edit. */
export async function getHandMeeting(ctx: ServiceContext, auth: Auth, slug: string): Promise<HandMeeting> {
  requireMeetingEditor(auth);
  const meeting = await getHandMeetingRow(ctx, slug);
  return presentHandMeeting(meeting, await countOpenChangeRequestsOfMeeting(ctx.db, meeting.id));
}

/** Enters a meeting by hand; it is in the finder at once. */
export async function createHandMeeting(
  ctx: ServiceContext,
  auth: Auth,
  input: HandMeetingValues,
): Promise<HandMeeting> {
  requireMeetingEditor(auth);
  const row = await toRow(ctx, input);
  const meeting = await ctx.db.transaction(async (tx) => {
    const inserted = await insertMeeting(tx, {
      ...row,
      slug: await newHandMeetingSlug(tx, input.name, input.day),
      enteredBy: auth.user.id,
    });
    await recordAuditEvent(tx, {
      action: 'meeting.entered',
      actorId: auth.user.id,
      subjectId: null,
      details: { slug: inserted.slug, name: inserted.name },
    });
    return inserted;
  });
  forgetMeetingListFacts(ctx.db);
  return presentHandMeeting(meeting, 0);
}

/** Changes a hand-entered meeting (all of it, as the form sends it); its address stays the same page. */
export async function updateHandMeeting(
  ctx: ServiceContext,
  auth: Auth,
  slug: string,
  input: HandMeetingValues,
): Promise<HandMeeting> {
  requireMeetingEditor(auth);
  const meeting = await getHandMeetingRow(ctx, slug);
  const row = await toRow(ctx, input);
  await ctx.db.transaction(async (tx) => {
    await updateMeeting(tx, meeting.id, { ...row, updatedAt: new Date() });
    await recordAuditEvent(tx, {
      action: 'meeting.changed',
      actorId: auth.user.id,
      subjectId: null,
      details: { slug, name: row.name },
    });
  });
  forgetMeetingListFacts(ctx.db);
  return getHandMeeting(ctx, auth, slug);
}

/** Removes a hand-entered meeting (favorites of it go; members' attendance logs keep its name). */
export async function removeHandMeeting(ctx: ServiceContext, auth: Auth, slug: string): Promise<void> {
  requireMeetingEditor(auth);
  const meeting = await getHandMeetingRow(ctx, slug);
  await ctx.db.transaction(async (tx) => {
    await deleteMeetings(tx, [meeting.id]);
    await recordAuditEvent(tx, {
      action: 'meeting.removed',
      actorId: auth.user.id,
      subjectId: null,
      details: { slug, name: meeting.name },
    });
  });
  forgetMeetingListFacts(ctx.db);
}

/* ----------------------------------------------------------------- "request a change" */

/**
 * Sends this site's editors a request to change a meeting. Only for meetings without a feedback
 * address of their own: those go to their source, which is the only place a change would last.
 */
export async function requestMeetingChange(
  ctx: ServiceContext,
  auth: Auth | null,
  slug: string,
  input: ChangeRequestValues,
): Promise<void> {
  const meeting = await findMeetingBySlug(ctx.db, slug);
  if (!meeting) throw notFound('We could not find that meeting. It may have moved or ended.');
  if (meeting.feedbackUrl || meeting.feedbackEmails.length > 0) {
    throw new AppError(
      'conflict',
      'Changes to this meeting go to the people who publish it: use the link on its page.',
    );
  }
  await insertChangeRequest(ctx.db, {
    meetingId: meeting.id,
    senderId: auth?.user.id ?? null,
    message: input.message,
    contact: input.contact || null,
  });
}

/** Change requests for the editors, newest first: the open ones, or those done lately. */
export async function listChangeRequests(
  ctx: ServiceContext,
  auth: Auth,
  status: 'open' | 'resolved',
): Promise<ChangeRequestItem[]> {
  requireMeetingEditor(auth);
  const rows = await findChangeRequests(ctx.db, status, CHANGE_REQUEST_LIST_LIMIT);
  return rows.map(presentChangeRequest);
}

/** Marks a change request done. */
export async function resolveMeetingChangeRequest(ctx: ServiceContext, auth: Auth, requestId: string): Promise<void> {
  requireMeetingEditor(auth);
  if (!(await resolveChangeRequest(ctx.db, requestId, auth.user.id))) {
    throw notFound('That request is already done, or it is not there.');
  }
}
