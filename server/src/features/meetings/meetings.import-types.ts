/**
 * What every importer (Meeting Guide JSON, Meeting Guide spreadsheet CSV, BMLT) turns a source
 * into: one shape, so the import service, the finder and the feed never see a format's quirks.
 */

import type { AttendanceMode } from '@kindred/common/meetings';

/** How a meeting can be attended, derived the way the Meeting Guide ecosystem does. */
export type { AttendanceMode };

export type ImportedMeeting = {
  /** The source's own key for this row (its slug, or BMLT's id_bigint), unique within the source. */
  sourceKey: string;
  name: string;
  /** 0 = Sunday … 6 = Saturday; null = by appointment (no fixed day). */
  day: number | null;
  /** "HH:MM" 24-hour local time; null = by appointment. */
  startTime: string | null;
  endTime: string | null;
  /** The row's own IANA zone when the source gave a valid one. */
  timeZone: string | null;
  /** Reserved Meeting Guide type codes, upper case as the spec spells them ("O", "ONL", "LGBTQ"). */
  types: string[];
  /** Codes or names the spec does not reserve, kept as the source wrote them. */
  customTypes: string[];
  attendance: AttendanceMode;
  /** `TC` in the source: the location is temporarily closed (online may continue). */
  isLocationTemporarilyClosed: boolean;
  notes: string | null;
  locationName: string | null;
  locationNotes: string | null;
  /** The whole address as published ("123 Main St, Anytown, OK 12345, USA"). */
  formattedAddress: string | null;
  street: string | null;
  city: string | null;
  region: string | null; // state / province
  postalCode: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  /** The address is only approximate (a city), so no directions to a door. */
  isApproximate: boolean;
  /** Region path, outermost first ("Philadelphia", "Center City"). */
  regions: string[];
  district: string | null;
  groupName: string | null;
  groupNotes: string | null;
  conferenceUrl: string | null;
  conferenceUrlNotes: string | null;
  conferencePhone: string | null;
  conferencePhoneNotes: string | null;
  /** The meeting's page on the source's site. */
  url: string | null;
  /** 7th-tradition handles as published. */
  venmo: string | null;
  paypal: string | null;
  square: string | null;
  feedbackUrl: string | null;
  feedbackEmails: string[];
  /** The service entity that publishes the meeting (intergroup, area). */
  entity: {
    name: string | null;
    url: string | null;
    email: string | null;
    phone: string | null;
    location: string | null;
    logo: string | null;
  } | null;
  /** When the source says the row last changed, as an ISO instant, if it said so readably. */
  sourceUpdatedAt: string | null;
};

/** A row the importer could not take, with why, in words an intergroup volunteer understands. */
export type RejectedRow = { sourceKey: string | null; name: string | null; reason: string };

export type ParsedSource = {
  rowsRead: number;
  meetings: ImportedMeeting[];
  rejected: RejectedRow[];
};

/** A file that cannot be read at all (not JSON, not a list, not a CSV with the right columns). */
export class MalformedSourceError extends Error {
  override name = 'MalformedSourceError';
}
