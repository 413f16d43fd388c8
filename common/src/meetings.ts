/** The meeting finder: search parameters and the meetings it answers with. */
import { z } from 'zod';
import { localTimeSchema, plainDateSchema } from './calendar.ts';
import { isKnownTimeZone } from './profiles.ts';

export const attendanceModes = ['in_person', 'online', 'hybrid', 'inactive'] as const;
export type AttendanceMode = (typeof attendanceModes)[number];
export const attendanceModeLabels: Record<AttendanceMode, string> = {
  in_person: 'In person',
  online: 'Online',
  hybrid: 'In person and online',
  inactive: 'Not meeting for now',
};

/** The modes a person can search for (an inactive meeting is never searched for). */
export const searchableAttendanceModes = ['in_person', 'online', 'hybrid'] as const;

export const distanceUnits = ['mi', 'km'] as const;
export type DistanceUnit = (typeof distanceUnits)[number];

export const timesOfDay = ['morning', 'midday', 'afternoon', 'evening', 'night'] as const;
export type TimeOfDay = (typeof timesOfDay)[number];
/** Start-time windows (local to each meeting) of the time-of-day filter, [from, to). */
export const timeOfDayWindows: Record<TimeOfDay, { from: string; to: string; label: string }> = {
  morning: { from: '05:00', to: '11:00', label: 'Morning (5–11 am)' },
  midday: { from: '11:00', to: '13:00', label: 'Midday (11 am–1 pm)' },
  afternoon: { from: '13:00', to: '17:00', label: 'Afternoon (1–5 pm)' },
  evening: { from: '17:00', to: '21:00', label: 'Evening (5–9 pm)' },
  night: { from: '21:00', to: '24:00', label: 'Night (after 9 pm)' },
};

/**
 * Which weeks of the month a meeting meets on its weekday, for meetings entered by hand that do not
 * meet every week: 1–5 = the 1st … 5th such weekday of the month, -1 = the last. Null = every week.
 */
export const weeksOfMonth = [1, 2, 3, 4, 5, -1] as const;
export type WeekOfMonth = (typeof weeksOfMonth)[number];
export const weekOfMonthLabels: Record<WeekOfMonth, string> = {
  1: '1st',
  2: '2nd',
  3: '3rd',
  4: '4th',
  5: '5th',
  [-1]: 'last',
};
const weeksOfMonthSchema = z
  .array(z.number().int())
  .nullable()
  .describe('Null = every week; 1–5 = the nth such weekday of the month; -1 = the last');

export const MEETING_SEARCH_TEXT_MAX_LENGTH = 100;
export const MEETING_PAGE_SIZE_MAX = 100;

/** A list in a query string: repeated parameters ("day=1&day=3") or comma-separated ("day=1,3"). */
const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess(
    (value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((part: unknown) => (typeof part === 'string' ? part.split(',') : [part]))
        .map((part: unknown) => (typeof part === 'string' ? part.trim() : part))
        .filter((part: unknown) => part !== ''),
    z.array(item).max(max, `Choose at most ${max}.`),
  );

export const meetingSearchQuerySchema = z
  .object({
    latitude: z.coerce.number().min(-90, 'A latitude is from -90 to 90.').max(90, 'A latitude is from -90 to 90.'),
    longitude: z.coerce
      .number()
      .min(-180, 'A longitude is from -180 to 180.')
      .max(180, 'A longitude is from -180 to 180.'),
    radius: z.coerce
      .number()
      .min(1, 'Choose a distance from 1 to 100.')
      .max(100, 'Choose a distance from 1 to 100.')
      .default(10),
    unit: z.enum(distanceUnits).default('mi'),
    day: listOf(z.coerce.number().int().min(0, 'A day is 0 (Sunday) to 6.').max(6, 'A day is 0 (Sunday) to 6.'), 7),
    timeOfDay: listOf(z.enum(timesOfDay), timesOfDay.length),
    now: z
      .enum(['in_progress', 'starting_soon'])
      .describe('Meetings under way now, or starting within `within` minutes'),
    within: z.coerce
      .number()
      .int()
      .min(5, 'Choose from 5 to 240 minutes.')
      .max(240, 'Choose from 5 to 240 minutes.')
      .default(60),
    mode: listOf(z.enum(searchableAttendanceModes), 3),
    types: listOf(z.string().max(20), 20).describe('Meeting Guide type codes, all of which a meeting must have'),
    language: z
      .string()
      .trim()
      .max(20)
      .describe('A language, as its Meeting Guide type code ("S" Spanish, "FR" French, "ASL")'),
    program: z.string().trim().max(MEETING_SEARCH_TEXT_MAX_LENGTH),
    region: z.string().trim().max(MEETING_SEARCH_TEXT_MAX_LENGTH),
    q: z.string().trim().max(MEETING_SEARCH_TEXT_MAX_LENGTH).describe('Words in the name, location or group'),
    cursor: z.string().max(300),
    limit: z.coerce.number().int().min(1).max(MEETING_PAGE_SIZE_MAX).default(25),
  })
  .partial()
  .refine((query) => (query.latitude === undefined) === (query.longitude === undefined), {
    message: 'Send both latitude and longitude.',
    path: ['longitude'],
  });
export type MeetingSearchQuery = z.input<typeof meetingSearchQuerySchema>;
export type MeetingSearch = z.output<typeof meetingSearchQuerySchema>;

export const meetingTypeSchema = z.object({ code: z.string(), name: z.string() });

export const meetingSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  day: z.number().int().nullable().describe('0 = Sunday … 6 = Saturday; null = by appointment'),
  weeksOfMonth: weeksOfMonthSchema,
  startTime: z.string().nullable().describe('HH:MM in the meeting’s own time zone'),
  endTime: z.string().nullable(),
  timeZone: z.string(),
  attendance: z.enum(attendanceModes),
  isLocationTemporarilyClosed: z.boolean(),
  types: z.array(meetingTypeSchema).describe('By name, in the order of the spec'),
  customTypes: z.array(z.string()),
  program: z.string().nullable(),
  locationName: z.string().nullable(),
  formattedAddress: z.string().nullable(),
  city: z.string().nullable(),
  regions: z.array(z.string()),
  groupName: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  isApproximate: z.boolean(),
  hasOnlineJoin: z.boolean().describe('A join link or phone is published'),
  distance: z.object({ value: z.number(), unit: z.enum(distanceUnits) }).nullable(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingSearchResponseSchema = z.object({
  meetings: z.array(meetingSummarySchema),
  nextCursor: z.string().nullable(),
});
export type MeetingSearchResponse = z.infer<typeof meetingSearchResponseSchema>;

/* ----------------------------------------------------------------- one meeting */

/** Where "request a change" goes: the source's feedback page or emails, or this site's editors. */
export const changeRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('url'), url: z.string() }),
  z.object({ kind: z.literal('email'), emails: z.array(z.string()) }),
  z.object({ kind: z.literal('editors') }),
]);
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

export const meetingDetailSchema = meetingSummarySchema.extend({
  notes: z.string().nullable(),
  locationNotes: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  district: z.string().nullable(),
  groupNotes: z.string().nullable(),
  conferenceUrl: z.string().nullable(),
  conferenceUrlNotes: z.string().nullable(),
  conferencePhone: z.string().nullable(),
  conferencePhoneNotes: z.string().nullable(),
  /** The meeting's page on its source's site. */
  url: z.string().nullable(),
  seventhTradition: z.object({
    venmo: z.string().nullable(),
    paypal: z.string().nullable(),
    square: z.string().nullable(),
  }),
  source: z.object({ name: z.string(), program: z.string().nullable(), url: z.string().nullable() }).nullable(),
  /** Entered by this site's editors (not from a source): they can change it here. */
  isHandEntered: z.boolean(),
  /** When the source last changed it (or, when the source does not say, when Kindred did). */
  updatedAt: z.iso.datetime(),
  /** A maps link for an in-person meeting at a precise address; null otherwise. */
  directionsUrl: z.string().nullable(),
  changeRequest: changeRequestSchema,
  /** For a signed-in member: whether it is among their favorites; null when nobody is signed in. */
  isFavorite: z.boolean().nullable(),
  /** For a signed-in member: how many times they marked "I went"; null when nobody is signed in. */
  timesAttended: z.number().int().nullable(),
});
export type MeetingDetail = z.infer<typeof meetingDetailSchema>;
export const meetingDetailResponseSchema = z.object({ meeting: meetingDetailSchema });
export const meetingSlugParamsSchema = z.object({ slug: z.string().min(1).max(200) });

/** "Request a change" to this site's editors, for a meeting that has no feedback address of its own. */
export const CHANGE_REQUEST_MAX_LENGTH = 2000;
export const changeRequestInputSchema = z
  .object({
    message: z
      .string()
      .trim()
      .min(1, 'Say what should change.')
      .max(CHANGE_REQUEST_MAX_LENGTH, `A request has at most ${CHANGE_REQUEST_MAX_LENGTH} characters.`),
    contact: z
      .string()
      .trim()
      .max(200, 'At most 200 characters.')
      .optional()
      .describe('How an editor can reply (optional: an email, a phone, a handle)'),
  })
  .strict();
export type ChangeRequestInput = z.input<typeof changeRequestInputSchema>;
export type ChangeRequestValues = z.output<typeof changeRequestInputSchema>;

/* ----------------------------------------------------------------- places */

export const placeSearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'Type a city or postal code.').max(MEETING_SEARCH_TEXT_MAX_LENGTH),
});
export const placeSchema = z.object({
  label: z.string().describe('"Philadelphia, Pennsylvania, US"'),
  latitude: z.number(),
  longitude: z.number(),
  kind: z.enum(['postal_code', 'city']),
});
export type Place = z.infer<typeof placeSchema>;
export const placeSearchResponseSchema = z.object({ places: z.array(placeSchema) });

/* ----------------------------------------------------------------- my meetings */

export const attendanceInputSchema = z
  .object({ day: plainDateSchema.optional().describe('Defaults to today in the member’s zone') })
  .strict();
export type AttendanceInput = z.input<typeof attendanceInputSchema>;

/** "90 meetings in 90 days": the member's meetings in the last 90 days (their zone), one a day counted once. */
export const attendanceProgressSchema = z.object({
  today: z.string(),
  meetingsInLast90Days: z.number().int(),
  daysWithAMeetingInLast90Days: z.number().int(),
  totalMeetings: z.number().int(),
  recent: z.array(z.object({ day: z.string(), slug: z.string().nullable(), name: z.string() })),
});
export type AttendanceProgress = z.infer<typeof attendanceProgressSchema>;
export const attendanceProgressResponseSchema = z.object({ progress: attendanceProgressSchema });

export const favoriteMeetingsResponseSchema = z.object({ meetings: z.array(meetingSummarySchema) });

/**
 * The member's private calendar link, for calendar apps to subscribe to their favorites. Its
 * address is shown once, when it is made; the member can replace it or turn it off.
 */
export const calendarLinkResponseSchema = z.object({
  link: z
    .object({ createdAt: z.iso.datetime(), url: z.string().nullable().describe('Only in the answer that made it') })
    .nullable(),
});
export type CalendarLinkResponse = z.infer<typeof calendarLinkResponseSchema>;
export const calendarTokenParamsSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'Unknown calendar.'),
});

/** The fellowships, regions and languages the meetings here have, for the finder's lists. */
export const finderChoicesSchema = z.object({
  programs: z.array(z.string()),
  regions: z.array(z.string()),
  languages: z.array(meetingTypeSchema),
});
export type FinderChoices = z.infer<typeof finderChoicesSchema>;

/** What the finder page needs to know about this deployment. */
export const finderSettingsSchema = z.object({
  mapTileUrl: z.string().describe('A {z}/{x}/{y} tile URL template'),
  mapAttribution: z.string(),
  placesAttribution: z.string(),
});
export type FinderSettings = z.infer<typeof finderSettingsSchema>;

/* ----------------------------------------------------------------- meetings entered by hand (meeting editors) */

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

const optionalCoordinate = (limit: 90 | 180, name: string) =>
  z
    .number()
    .min(-limit, `A ${name} is from -${limit} to ${limit}.`)
    .max(limit, `A ${name} is from -${limit} to ${limit}.`)
    .nullable()
    .optional()
    .transform((value) => value ?? null);

const httpLink = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'Enter a web address starting with https://');

/**
 * A meeting an editor enters by hand. Unlike a feed, it may meet only on some weeks of the month
 * ("1st and 3rd Tuesdays", "last Friday"); such meetings are left out of the published Meeting
 * Guide feed, which can only say "every week".
 */
export const handMeetingInputSchema = z
  .object({
    name: z.string().trim().min(1, 'A meeting needs a name.').max(200, 'A name has at most 200 characters.'),
    program: optionalText(100),
    day: z.number().int().min(0, 'Choose a day.').max(6, 'Choose a day.'),
    weeksOfMonth: z
      .array(z.literal(weeksOfMonth, 'A week is 1–5 (the 1st to the 5th) or -1 (the last).'))
      .max(weeksOfMonth.length)
      .refine((weeks) => new Set(weeks).size === weeks.length, 'Choose each week once.')
      .nullable()
      .optional()
      .transform((weeks) =>
        weeks && weeks.length > 0 ? [...weeks].sort((a, b) => (a === -1 ? 9 : a) - (b === -1 ? 9 : b)) : null,
      )
      .describe('Leave empty for every week'),
    startTime: localTimeSchema.describe('HH:MM in the meeting’s zone'),
    endTime: localTimeSchema
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    timeZone: z.string().refine(isKnownTimeZone, 'Choose a time zone from the list.'),
    types: z.array(z.string().max(20)).max(30).default([]).describe('Meeting Guide type codes'),
    notes: optionalText(4000),
    locationName: optionalText(200),
    locationNotes: optionalText(2000),
    formattedAddress: optionalText(300).describe('The street address as people write it'),
    latitude: optionalCoordinate(90, 'latitude'),
    longitude: optionalCoordinate(180, 'longitude'),
    isLocationTemporarilyClosed: z.boolean().default(false),
    regions: z.array(z.string().trim().min(1).max(100)).max(5).default([]),
    groupName: optionalText(200),
    conferenceUrl: httpLink
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    conferenceUrlNotes: optionalText(1000),
    conferencePhone: optionalText(100),
    conferencePhoneNotes: optionalText(1000),
  })
  .strict()
  .refine((input) => (input.latitude === null) === (input.longitude === null), {
    message: 'Give both latitude and longitude, or neither.',
    path: ['longitude'],
  });
export type HandMeetingInput = z.input<typeof handMeetingInputSchema>;
export type HandMeetingValues = z.output<typeof handMeetingInputSchema>;

/** A hand-entered meeting as its editors see it in their list (and load into the form). */
export const handMeetingSchema = z.object({
  slug: z.string(),
  name: z.string(),
  program: z.string().nullable(),
  day: z.number().int(),
  weeksOfMonth: z.array(z.number().int()).nullable(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  timeZone: z.string(),
  types: z.array(z.string()),
  notes: z.string().nullable(),
  locationName: z.string().nullable(),
  locationNotes: z.string().nullable(),
  formattedAddress: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  isLocationTemporarilyClosed: z.boolean(),
  regions: z.array(z.string()),
  groupName: z.string().nullable(),
  conferenceUrl: z.string().nullable(),
  conferenceUrlNotes: z.string().nullable(),
  conferencePhone: z.string().nullable(),
  conferencePhoneNotes: z.string().nullable(),
  attendance: z.enum(attendanceModes),
  openChangeRequests: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type HandMeeting = z.infer<typeof handMeetingSchema>;
export const handMeetingResponseSchema = z.object({ meeting: handMeetingSchema });
export const handMeetingListResponseSchema = z.object({ meetings: z.array(handMeetingSchema) });

/** A request for a change, as the editors see it. */
export const changeRequestItemSchema = z.object({
  id: z.string(),
  meeting: z.object({ slug: z.string(), name: z.string() }),
  message: z.string(),
  contact: z.string().nullable(),
  createdAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
});
export type ChangeRequestItem = z.infer<typeof changeRequestItemSchema>;
export const changeRequestListResponseSchema = z.object({ requests: z.array(changeRequestItemSchema) });
export const changeRequestIdParamsSchema = z.object({ id: z.uuid('Unknown request.') });

/* ----------------------------------------------------------------- sources (meeting editors) */

export const meetingSourceKinds = ['meeting-guide-json', 'meeting-guide-csv', 'bmlt'] as const;
export type MeetingSourceKind = (typeof meetingSourceKinds)[number];
export const meetingSourceKindLabels: Record<MeetingSourceKind, string> = {
  'meeting-guide-json': 'Meeting Guide feed (JSON)',
  'meeting-guide-csv': '12 Step Meeting List spreadsheet (CSV)',
  bmlt: 'BMLT server (NA)',
};

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'Enter a web address starting with https://');

export const meetingSourceInputSchema = z
  .object({
    name: z.string().trim().min(1, 'A source needs a name.').max(100, 'A name has at most 100 characters.'),
    kind: z.enum(meetingSourceKinds),
    url: httpUrl.nullable().optional(),
    program: z.string().trim().max(100).nullable().optional(),
    defaultTimeZone: z.string().min(1).max(64),
    refreshIntervalMinutes: z
      .number()
      .int()
      .min(60, 'Refresh at most once an hour.')
      .max(60 * 24 * 30, 'Refresh at least once a month.')
      .nullable()
      .optional(),
  })
  .strict();
export type MeetingSourceInput = z.input<typeof meetingSourceInputSchema>;
export const meetingSourceUpdateSchema = meetingSourceInputSchema.partial().strict();

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const meetingImportInputSchema = z
  .object({
    text: z
      .string()
      .max(MAX_UPLOAD_BYTES, 'A file can be at most 10 MB.')
      .optional()
      .describe("An uploaded file's text; without it, the source's URL is read"),
  })
  .strict();

export const importReportSchema = z.object({
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  rejected: z.array(z.object({ sourceKey: z.string().nullable(), name: z.string().nullable(), reason: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const meetingSourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  kind: z.enum(meetingSourceKinds),
  url: z.string().nullable(),
  program: z.string().nullable(),
  defaultTimeZone: z.string(),
  refreshIntervalMinutes: z.number().int().nullable(),
  lastImportedAt: z.iso.datetime().nullable(),
  lastAttemptedAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastReport: importReportSchema.nullable(),
  meetingCount: z.number().int(),
});
export type MeetingSource = z.infer<typeof meetingSourceSchema>;
export const meetingSourceResponseSchema = z.object({ source: meetingSourceSchema });
export const meetingSourceListResponseSchema = z.object({ sources: z.array(meetingSourceSchema) });
export const meetingImportResponseSchema = z.object({ source: meetingSourceSchema, report: importReportSchema });
export const meetingSourceIdParamsSchema = z.object({ id: z.uuid('Unknown source.') });
