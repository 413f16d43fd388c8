/**
 * The finder's filters as URL search params (shareable; the back button works) and as the API query.
 * The URL uses the API's own parameter names, plus `place` (the label of the point) and `view`.
 */
import {
  distanceUnits,
  searchableAttendanceModes,
  timeOfDayWindows,
  timesOfDay,
  type DistanceUnit,
  type TimeOfDay,
} from '@kindred/common/meetings';
import type { Option } from '../../components/fields.tsx';
import { weekdayName } from './meeting-times.ts';

export type SearchableMode = (typeof searchableAttendanceModes)[number];
export type NowFilter = '' | 'in_progress' | 'starting_soon';

export type FinderFilters = {
  /** The point searched near, with the words that name it ("Philadelphia, Pennsylvania, US"). */
  near: { latitude: number; longitude: number; label: string } | null;
  radius: number;
  unit: DistanceUnit;
  days: number[];
  timesOfDay: TimeOfDay[];
  now: NowFilter;
  within: number;
  modes: SearchableMode[];
  types: string[];
  /** A language's type code ("S" Spanish). */
  language: string;
  program: string;
  region: string;
  q: string;
};

export const defaultFilters: FinderFilters = {
  near: null,
  radius: 10,
  unit: 'mi',
  days: [],
  timesOfDay: [],
  now: '',
  within: 60,
  modes: [],
  types: [],
  language: '',
  program: '',
  region: '',
  q: '',
};

/** Common meeting types, by name (the Meeting Guide codes stay out of sight). */
export const commonTypeOptions: Option[] = [
  { value: 'O', label: 'Open' },
  { value: 'C', label: 'Closed' },
  { value: 'BE', label: 'Newcomer' },
  { value: 'W', label: 'Women' },
  { value: 'M', label: 'Men' },
  { value: 'LGBTQ', label: 'LGBTQ' },
  { value: 'Y', label: 'Young People' },
  { value: 'SP', label: 'Speaker' },
  { value: 'D', label: 'Discussion' },
  { value: 'ST', label: 'Step Study' },
  { value: 'B', label: 'Big Book' },
  { value: 'MED', label: 'Meditation' },
  { value: 'X', label: 'Wheelchair Access' },
  { value: 'ASL', label: 'American Sign Language' },
  { value: 'S', label: 'Spanish' },
];

export const modeOptions: Option[] = [
  { value: 'in_person', label: 'In person' },
  { value: 'online', label: 'Online' },
  { value: 'hybrid', label: 'Hybrid (in person and online)' },
];

export const dayOptions: Option[] = [0, 1, 2, 3, 4, 5, 6].map((day) => ({
  value: String(day),
  label: weekdayName(day, 'long'),
}));

export const timeOfDayOptions: Option[] = timesOfDay.map((time) => ({
  value: time,
  label: timeOfDayWindows[time].label,
}));

export const radiusOptions: Option[] = [1, 2, 5, 10, 25, 50, 100].map((radius) => ({
  value: String(radius),
  label: String(radius),
}));

export const unitOptions: Option[] = [
  { value: 'mi', label: 'miles' },
  { value: 'km', label: 'kilometres' },
];

export const withinOptions: Option[] = [15, 30, 60, 120, 240].map((minutes) => ({
  value: String(minutes),
  label: minutes < 60 ? `${minutes} minutes` : minutes === 60 ? '1 hour' : `${minutes / 60} hours`,
}));

/** Every value of a list parameter, repeated or comma-separated. */
function listParam(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

const numberIn = (value: string | null, min: number, max: number): number | null => {
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max ? number : null;
};

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** The filters a URL asks for; anything unreadable is left out rather than refused. */
export function filtersFromParams(params: URLSearchParams): FinderFilters {
  const latitude = numberIn(params.get('latitude'), -90, 90);
  const longitude = numberIn(params.get('longitude'), -180, 180);
  const unit = params.get('unit') ?? '';
  const now = params.get('now') ?? '';
  return {
    near:
      latitude !== null && longitude !== null
        ? { latitude, longitude, label: params.get('place')?.trim() || 'the chosen point' }
        : null,
    radius: numberIn(params.get('radius'), 1, 100) ?? defaultFilters.radius,
    unit: isOneOf(distanceUnits, unit) ? unit : defaultFilters.unit,
    days: [
      ...new Set(
        listParam(params, 'day')
          .map(Number)
          .filter((day) => Number.isInteger(day) && day >= 0 && day <= 6),
      ),
    ].sort((a, b) => a - b),
    timesOfDay: timesOfDay.filter((time) => listParam(params, 'timeOfDay').includes(time)),
    now: now === 'in_progress' || now === 'starting_soon' ? now : '',
    within: numberIn(params.get('within'), 5, 240) ?? defaultFilters.within,
    modes: searchableAttendanceModes.filter((mode) => listParam(params, 'mode').includes(mode)),
    types: [...new Set(listParam(params, 'types'))].slice(0, 20),
    language: params.get('language')?.trim() ?? '',
    program: params.get('program')?.trim() ?? '',
    region: params.get('region')?.trim() ?? '',
    q: params.get('q')?.trim() ?? '',
  };
}

/** The API's query for these filters: lists as repeated params, and no defaults spelled out, so URLs stay short. */
export function searchParamsFor(filters: FinderFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.near) {
    params.set('latitude', String(Number(filters.near.latitude.toFixed(5))));
    params.set('longitude', String(Number(filters.near.longitude.toFixed(5))));
    params.set('radius', String(filters.radius));
    params.set('unit', filters.unit);
  }
  for (const value of filters.days) params.append('day', String(value));
  for (const value of filters.timesOfDay) params.append('timeOfDay', String(value));
  if (filters.now) {
    params.set('now', filters.now);
    if (filters.now === 'starting_soon') params.set('within', String(filters.within));
  }
  for (const value of filters.modes) params.append('mode', String(value));
  for (const value of filters.types) params.append('types', String(value));
  if (filters.language) params.set('language', filters.language);
  if (filters.program) params.set('program', filters.program);
  if (filters.region) params.set('region', filters.region);
  if (filters.q) params.set('q', filters.q);
  return params;
}

/** The page's URL params: the API query, plus the place's words and the chosen view. */
export function urlParamsFor(filters: FinderFilters, options: { isMapShown: boolean }): URLSearchParams {
  const params = searchParamsFor(filters);
  if (filters.near) params.set('place', filters.near.label);
  if (options.isMapShown) params.set('view', 'map');
  return params;
}

/** True when the person has narrowed the search in any way. */
export const hasAnyFilter = (filters: FinderFilters) => searchParamsFor(filters).size > 0;
