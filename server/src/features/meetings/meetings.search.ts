/**
 * The finder's one query. Filters become SQL conditions that the indexes serve: a bounding box on
 * (latitude, longitude) before the exact great-circle distance; "now" as a small VALUES list of
 * (zone, local day, local time window) joined on (time_zone, day, start_time), because each
 * meeting keeps its own zone and "now" is a different local time in each.
 */
import { and, arrayContains, ne, or, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { AttendanceMode } from '@kindred/common/meetings';
import type { Database } from '../../db/client.ts';
import { likePattern } from '../../db/like.ts';
import { meetings } from './meetings.tables.ts';

const EARTH_RADIUS_MILES = 3958.8;
const MILES_PER_DEGREE_LATITUDE = 69.0;

/** Where a local date falls in its month (for meetings on some weeks only): the nth weekday, and the last? */
export type MonthWeek = { nth: number; isLast: boolean };
/**
 * A local start-time window on one day in one zone: [from, to], times "HH:MM:SS". `minutesAhead`
 * is how far `from` is from now (0, or the minutes to midnight for the next day's window).
 */
export type ZoneWindow = {
  timeZone: string;
  day: number;
  week: MonthWeek;
  from: string;
  to: string;
  minutesAhead: number;
};
/** A meeting under way: on `day` in `timeZone`, started at or before `at`, not yet ended. */
export type ZoneMoment = { timeZone: string; day: number; week: MonthWeek; previousWeek: MonthWeek; at: string };

export type MeetingSearchParameters = {
  near?: { latitude: number; longitude: number; radiusMiles: number } | undefined;
  days?: number[] | undefined;
  /** Local start-time windows, any of which matches ("morning", "evening"). */
  timeWindows?: Array<{ from: string; to: string }> | undefined;
  /** Starting soon: start times inside these per-zone windows. */
  startingIn?: ZoneWindow[] | undefined;
  /** In progress at these per-zone moments. */
  inProgressAt?: ZoneMoment[] | undefined;
  modes?: AttendanceMode[] | undefined;
  types?: string[] | undefined;
  program?: string | undefined;
  region?: string | undefined;
  words?: string | undefined;
  after?: { sortKey: number; id: string } | undefined;
  limit: number;
};

/** Only what a result shows: reading every column of every row costs several times the CPU. */
const summaryColumns = {
  id: meetings.id,
  slug: meetings.slug,
  name: meetings.name,
  day: meetings.day,
  weeksOfMonth: meetings.weeksOfMonth,
  startTime: meetings.startTime,
  endTime: meetings.endTime,
  timeZone: meetings.timeZone,
  attendance: meetings.attendance,
  isLocationTemporarilyClosed: meetings.isLocationTemporarilyClosed,
  types: meetings.types,
  customTypes: meetings.customTypes,
  program: meetings.program,
  locationName: meetings.locationName,
  formattedAddress: meetings.formattedAddress,
  city: meetings.city,
  regions: meetings.regions,
  groupName: meetings.groupName,
  latitude: meetings.latitude,
  longitude: meetings.longitude,
  isApproximate: meetings.isApproximate,
  conferenceUrl: meetings.conferenceUrl,
  conferencePhone: meetings.conferencePhone,
};

type SummaryRow = Pick<typeof meetings.$inferSelect, keyof typeof summaryColumns>;

/** The summary columns as SQL text, written once, each named as its key in summaryColumns. */
const summarySelectList = (() => {
  const dialect = new PgDialect({ casing: 'snake_case' });
  return sql.raw(
    Object.entries(summaryColumns)
      .map(([key, column]) => `${dialect.sqlToQuery(sql`${column}`).sql} as "${key}"`)
      .join(', '),
  );
})();

/** Miles between the meeting and a point (haversine), as SQL. */
function distanceMiles(latitude: number, longitude: number): SQL<number> {
  return sql<number>`(${2 * EARTH_RADIUS_MILES} * asin(sqrt(
    power(sin(radians(${meetings.latitude} - ${latitude}) / 2), 2)
    + cos(radians(${latitude})) * cos(radians(${meetings.latitude}))
      * power(sin(radians(${meetings.longitude} - ${longitude}) / 2), 2))))`;
}

function valuesList(rows: SQL[]): SQL {
  return sql.join(rows, sql`, `);
}

/** The meeting meets in the week of the month given as (nth, is_last) columns: every week, or one of its weeks. */
function meetsInWeek(nth: SQL, isLast: SQL): SQL {
  return sql`(${meetings.weeksOfMonth} is null or ${nth} = any(${meetings.weeksOfMonth})
    or (${isLast} and -1 = any(${meetings.weeksOfMonth})))`;
}

/** Meetings matching every filter given, nearest first when searching near a point, else by day and time. */
export async function searchMeetings(db: Database, parameters: MeetingSearchParameters) {
  const conditions: SQL[] = [];
  const { near } = parameters;
  let sortKey: SQL<number>;
  const startingWindows =
    parameters.startingIn && parameters.startingIn.length > 0
      ? valuesList(
          parameters.startingIn.map(
            (window) =>
              sql`(${window.timeZone}::text, ${window.day}::smallint, ${window.from}::time, ${window.to}::time, ${window.minutesAhead}::int, ${window.week.nth}::smallint, ${window.week.isLast}::boolean)`,
          ),
        )
      : null;
  const startingWindowColumns = sql`w(zone, day, start_from, start_to, minutes_ahead, nth, is_last)`;
  const inStartingWindow = sql`${meetings.timeZone} = w.zone and ${meetings.day} = w.day
    and ${meetings.startTime} >= w.start_from and ${meetings.startTime} <= w.start_to
    and ${meetsInWeek(sql`w.nth`, sql`w.is_last`)}`;
  if (near) {
    const latitudeSpan = near.radiusMiles / MILES_PER_DEGREE_LATITUDE;
    const longitudeSpan =
      near.radiusMiles / (MILES_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos((near.latitude * Math.PI) / 180)));
    const [west, east] = [near.longitude - longitudeSpan, near.longitude + longitudeSpan];
    const [south, north] = [near.latitude - latitudeSpan, near.latitude + latitudeSpan];
    // The box, two ways (see meetings.tables.ts). With days or "starting soon", as plain ranges:
    // the btree indexes that start with the day (and zone) end in (longitude, latitude), so the
    // box is checked inside them and only meetings in the box on those days are read. Without,
    // as a box, for the GiST index on point(longitude, latitude).
    conditions.push(
      parameters.days?.length || parameters.startingIn
        ? sql`${meetings.longitude} between ${west} and ${east} and ${meetings.latitude} between ${south} and ${north}`
        : sql`point(${meetings.longitude}, ${meetings.latitude}) <@ box(point(${west}, ${south}), point(${east}, ${north}))`,
      sql`${distanceMiles(near.latitude, near.longitude)} <= ${near.radiusMiles}`,
    );
    sortKey = distanceMiles(near.latitude, near.longitude);
  } else if (startingWindows) {
    // Soonest first, whatever the zone: minutes from now until the meeting starts.
    sortKey = sql<number>`(select min(extract(epoch from (${meetings.startTime} - w.start_from)) / 60 + w.minutes_ahead)
      from (values ${startingWindows}) as ${startingWindowColumns} where ${inStartingWindow})`;
  } else {
    // Day, then time, as one number: minutes into the week; by-appointment meetings last. The same
    // expression is indexed (meetings_week_order_idx): keep the two alike.
    sortKey = sql<number>`(coalesce(${meetings.day}, 7) * 1440 + coalesce(extract(epoch from ${meetings.startTime}) / 60, 0))`;
  }
  if (parameters.days?.length) conditions.push(sql`${meetings.day} in ${parameters.days}`);
  if (parameters.timeWindows?.length) {
    conditions.push(
      or(
        ...parameters.timeWindows.map(
          (window) =>
            sql`(${meetings.startTime} >= ${window.from}::time and ${meetings.startTime} < ${window.to}::time)`,
        ),
      )!,
    );
  }
  if (parameters.startingIn) {
    if (!startingWindows) return [];
    conditions.push(sql`exists (select 1 from (values ${startingWindows}) as ${startingWindowColumns}
      where ${inStartingWindow})`);
    // Speed only (the exists above decides): the same windows as plain ranges, which the planner
    // reads from meetings_zone_day_time_location_idx instead of testing every meeting in the box.
    // Zones at the same offset now share a window: one range for them all keeps the planning
    // short however many zones there are (it grows faster than the number of ranges).
    const zonesByWindow = new Map<string, { zones: string[]; window: ZoneWindow }>();
    for (const window of parameters.startingIn) {
      const key = `${window.day} ${window.from} ${window.to}`;
      const group = zonesByWindow.get(key);
      if (group) group.zones.push(window.timeZone);
      else zonesByWindow.set(key, { zones: [window.timeZone], window });
    }
    conditions.push(
      or(
        ...[...zonesByWindow.values()].map(
          ({ zones, window }) =>
            sql`(${meetings.timeZone} in ${zones} and ${meetings.day} = ${window.day} and ${meetings.startTime} >= ${window.from}::time and ${meetings.startTime} <= ${window.to}::time)`,
        ),
      )!,
    );
  }
  if (parameters.inProgressAt) {
    if (parameters.inProgressAt.length === 0) return [];
    const moments = valuesList(
      parameters.inProgressAt.map(
        (moment) =>
          sql`(${moment.timeZone}::text, ${moment.day}::smallint, ${(moment.day + 6) % 7}::smallint, ${moment.at}::time,
            ${moment.week.nth}::smallint, ${moment.week.isLast}::boolean, ${moment.previousWeek.nth}::smallint, ${moment.previousWeek.isLast}::boolean)`,
      ),
    );
    // Without an end time a meeting counts as an hour long; an end at or before the start means it
    // runs past midnight (time arithmetic wraps, so 23:30 + 1 hour is 00:30).
    const end = sql`coalesce(${meetings.endTime}, ${meetings.startTime} + interval '1 hour')`;
    conditions.push(sql`exists (select 1 from (values ${moments}) as m(zone, day, previous_day, at, nth, is_last, previous_nth, previous_is_last)
      where ${meetings.timeZone} = m.zone and (
        (${meetings.day} = m.day and ${meetings.startTime} <= m.at and (${end} > m.at or ${end} <= ${meetings.startTime})
          and ${meetsInWeek(sql`m.nth`, sql`m.is_last`)})
        or (${meetings.day} = m.previous_day and ${end} <= ${meetings.startTime} and ${end} > m.at
          and ${meetsInWeek(sql`m.previous_nth`, sql`m.previous_is_last`)})))`);
  }
  conditions.push(ne(meetings.attendance, 'inactive'));
  if (parameters.modes?.length) conditions.push(sql`${meetings.attendance} in ${parameters.modes}`);
  if (parameters.types?.length) conditions.push(arrayContains(meetings.types, parameters.types));
  if (parameters.program) conditions.push(sql`lower(${meetings.program}) = ${parameters.program.toLowerCase()}`);
  if (parameters.region) {
    conditions.push(
      sql`exists (select 1 from unnest(${meetings.regions}) as r(name) where lower(r.name) = ${parameters.region.toLowerCase()})`,
    );
  }
  if (parameters.words) {
    const pattern = likePattern(parameters.words);
    conditions.push(
      or(
        sql`${meetings.name} ilike ${pattern}`,
        sql`${meetings.locationName} ilike ${pattern}`,
        sql`${meetings.groupName} ilike ${pattern}`,
        sql`${meetings.formattedAddress} ilike ${pattern}`,
      )!,
    );
  }
  if (parameters.after) {
    conditions.push(sql`(${sortKey}, ${meetings.id}) > (${parameters.after.sortKey}, ${parameters.after.id}::uuid)`);
  }
  // Plain rows, with the column list written once (summarySelectList): building and mapping the
  // select with the query builder cost about 0.1 ms of CPU per search. Both drivers (node-postgres,
  // PGlite) answer { rows }.
  const result: unknown = await db.execute(
    sql`select ${summarySelectList}, ${sortKey} as "sortKey" from ${meetings} where ${and(...conditions)}
      order by "sortKey", ${meetings.id} limit ${parameters.limit}`,
  );
  const { rows } = result as { rows: Array<SummaryRow & { sortKey: number | string }> };
  // A numeric sort key (day and time) arrives as text.
  return rows.map(({ sortKey: key, ...meeting }) => ({ meeting, sortKey: Number(key) }));
}

/** The zones meetings are in (a short list: "now" becomes one local window per zone). */
async function findMeetingTimeZones(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ timeZone: meetings.timeZone }).from(meetings);
  return rows.map((row) => row.timeZone);
}

const FACTS_TTL_MS = 60_000;

/** What the finder needs to know about the whole meeting list: its zones, fellowships, regions, type codes. */
export type MeetingListFacts = { zones: string[]; programs: string[]; regions: string[]; typeCodes: string[] };

/** Remembered for a minute per database (changes made in this process forget them at once). */
const factsByDatabase = new WeakMap<Database, { facts: Promise<MeetingListFacts>; at: number }>();

/** How many times this process changed each database's meetings: caches of the whole list compare it. */
const generationByDatabase = new WeakMap<Database, number>();

/** Call after meetings change: the next search reads the facts again, and the feed is built again. */
export function forgetMeetingListFacts(db: Database): void {
  factsByDatabase.delete(db);
  generationByDatabase.set(db, meetingListGeneration(db) + 1);
}

export function meetingListGeneration(db: Database): number {
  return generationByDatabase.get(db) ?? 0;
}

async function findMeetingListFacts(db: Database): Promise<MeetingListFacts> {
  const [zones, programs, regions, typeCodes] = await Promise.all([
    findMeetingTimeZones(db),
    db
      .selectDistinct({ program: meetings.program })
      .from(meetings)
      .where(sql`${meetings.program} is not null and ${meetings.attendance} <> 'inactive'`),
    db
      .selectDistinct({ region: sql<string>`unnest(${meetings.regions})` })
      .from(meetings)
      .orderBy(sql`1`)
      .limit(1000),
    db.selectDistinct({ code: sql<string>`unnest(${meetings.types})` }).from(meetings),
  ]);
  return {
    zones,
    programs: programs.map((row) => row.program!).sort((a, b) => a.localeCompare(b)),
    regions: regions.map((row) => row.region),
    typeCodes: typeCodes.map((row) => row.code),
  };
}

export async function meetingListFacts(db: Database): Promise<MeetingListFacts> {
  const cached = factsByDatabase.get(db);
  if (cached && Date.now() - cached.at < FACTS_TTL_MS) return cached.facts;
  const facts = findMeetingListFacts(db);
  factsByDatabase.set(db, { facts, at: Date.now() });
  facts.catch(() => factsByDatabase.delete(db));
  return facts;
}

/** The zones meetings are in. */
export async function meetingTimeZones(db: Database): Promise<string[]> {
  return (await meetingListFacts(db)).zones;
}
