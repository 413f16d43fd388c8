import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import type { AttendanceMode, ImportedMeeting } from './meetings.import-types.ts';

import type { ImportReport, MeetingSourceKind } from '@kindred/common/meetings';

export { meetingSourceKinds, type ImportReport, type MeetingSourceKind } from '@kindred/common/meetings';

/** Where meetings come from: a feed URL or an uploaded file, of one format, for one fellowship. */
export const meetingSources = pgTable(
  'meeting_sources',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** Short, URL-safe, unique: the prefix of its meetings' slugs. */
    slug: text().notNull(),
    kind: text().$type<MeetingSourceKind>().notNull(),
    url: text(),
    /** The fellowship or program ("Alcoholics Anonymous", "Narcotics Anonymous"). */
    program: text(),
    /** The zone of a meeting that names none and has no coordinates. */
    defaultTimeZone: text().notNull(),
    /** For URL sources: how often the scheduler imports again; null = by hand only. */
    refreshIntervalMinutes: integer(),
    lastImportedAt: timestamp({ withTimezone: true }),
    lastReport: jsonb().$type<ImportReport>(),
    /** When the scheduler last claimed this source (on any instance), and what went wrong if it failed. */
    lastAttemptedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('meeting_sources_name_lower_unique').on(sql`lower(${table.name})`),
    uniqueIndex('meeting_sources_slug_unique').on(table.slug),
  ],
);

/**
 * One weekly meeting (a source row on several days becomes one meeting per day). Day and time are
 * local to the meeting's own zone, as fellowships publish them.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Null for meetings entered by hand (by a meeting editor, `enteredBy`). */
    sourceId: uuid().references(() => meetingSources.id, { onDelete: 'cascade' }),
    sourceKey: text(),
    /** Kindred's own public key for the meeting page and the published feed. */
    slug: text().notNull(),
    name: text().notNull(),
    day: smallint(),
    /**
     * Null = every week. For meetings entered by hand that meet on some weeks of the month only:
     * 1–5 = the nth such weekday, -1 = the last (the Meeting Guide format cannot say this).
     */
    weeksOfMonth: smallint().array(),
    startTime: time({ precision: 0 }),
    endTime: time({ precision: 0 }),
    timeZone: text().notNull(),
    types: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    customTypes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    attendance: text().$type<AttendanceMode>().notNull(),
    isLocationTemporarilyClosed: boolean().notNull().default(false),
    program: text(),
    notes: text(),
    locationName: text(),
    locationNotes: text(),
    formattedAddress: text(),
    street: text(),
    city: text(),
    region: text(),
    postalCode: text(),
    country: text(),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    isApproximate: boolean().notNull().default(false),
    regions: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    district: text(),
    groupName: text(),
    groupNotes: text(),
    conferenceUrl: text(),
    conferenceUrlNotes: text(),
    conferencePhone: text(),
    conferencePhoneNotes: text(),
    url: text(),
    venmo: text(),
    paypal: text(),
    square: text(),
    feedbackUrl: text(),
    feedbackEmails: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    enteredBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    entity: jsonb().$type<ImportedMeeting['entity']>(),
    sourceUpdatedAt: timestamp({ withTimezone: true }),
    /** A hash of everything imported, so a re-import knows "unchanged" without comparing fields. */
    contentHash: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('meetings_slug_unique').on(table.slug),
    uniqueIndex('meetings_source_key_unique').on(table.sourceId, table.sourceKey),
    index('meetings_day_time_idx').on(table.day, table.startTime),
    // "Near a place" asks for the points in a box: a GiST index on the point answers that without
    // PostGIS (the exact great-circle distance then filters and orders the few rows left).
    index('meetings_location_gist_idx').using('gist', sql`point(${table.longitude}, ${table.latitude})`),
    // Near a place on given days, or starting soon: the box as ranges on the last columns is checked
    // inside these, so only meetings in the box on those days (in those zones' windows) are read.
    // The GiST index cannot be combined with the day other than by intersecting two large bitmaps.
    // A search without a place lists meetings in week order (meetings.search.ts, the same expression):
    // read in this order, the first page needs a few rows instead of sorting every meeting.
    index('meetings_week_order_idx').on(
      sql`(coalesce(${table.day}, 7) * 1440 + coalesce(extract(epoch from ${table.startTime}) / 60, 0))`,
      table.id,
    ),
    index('meetings_day_location_idx').on(table.day, table.longitude, table.latitude, table.startTime),
    index('meetings_zone_day_time_location_idx').on(
      table.timeZone,
      table.day,
      table.startTime,
      table.longitude,
      table.latitude,
    ),
  ],
);

/**
 * "Request a change" sent to this site's meeting editors (for meetings without a feedback address
 * of their own). The sender may leave a way to reply; who sent it is kept only to limit abuse.
 */
export const meetingChangeRequests = pgTable(
  'meeting_change_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    senderId: uuid().references(() => users.id, { onDelete: 'set null' }),
    message: text().notNull(),
    contact: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [index('meeting_change_requests_open_idx').on(table.resolvedAt, table.createdAt)],
);

/** A member's favorite meetings (private to them). */
export const meetingFavorites = pgTable(
  'meeting_favorites',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    meetingId: uuid()
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.meetingId] })],
);

/**
 * "I went": a member's private attendance log. The meeting's name is kept, so the log still reads
 * right after a source drops the meeting (the link to it is then cleared).
 */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    meetingId: uuid().references(() => meetings.id, { onDelete: 'set null' }),
    meetingName: text().notNull(),
    /** The member's local calendar day. */
    day: date({ mode: 'string' }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('meeting_attendance_once_a_day').on(table.userId, table.meetingId, table.day),
    index('meeting_attendance_user_day_idx').on(table.userId, table.day),
  ],
);

/**
 * A member's private calendar link: calendar apps subscribe to the favorites with it (they cannot
 * send a session cookie). Only a hash of the secret is kept; the member can replace or remove it.
 */
export const meetingCalendarLinks = pgTable(
  'meeting_calendar_links',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('meeting_calendar_links_token_unique').on(table.tokenHash)],
);
