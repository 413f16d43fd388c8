import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { findPlaces, geocodeOnline, loadPlaceIndex, normalizePlaceName, type Place } from './meetings.places.ts';

beforeAll(() => {
  loadPlaceIndex();
});

const first = (query: string, options?: Parameters<typeof findPlaces>[1]): Place | undefined =>
  findPlaces(query, options)[0];

describe('finding a place offline', () => {
  it('reads a US ZIP code as its centroid', () => {
    expect(findPlaces('19094')).toEqual([
      {
        label: 'Woodlyn, PA 19094',
        latitude: expect.closeTo(39.876, 2),
        longitude: expect.closeTo(-75.346, 2),
        kind: 'postal_code',
        country: 'US',
        region: 'Pennsylvania',
        population: null,
      },
    ]);
    expect(findPlaces('64105')).toEqual([
      expect.objectContaining({ label: 'Kansas City, MO 64105', kind: 'postal_code', region: 'Missouri' }),
    ]);
    expect(first('64105')?.latitude).toBeCloseTo(39.1, 1);
    expect(first('64105')?.longitude).toBeCloseTo(-94.59, 1);
  });

  it('reads ZIP+4 as its ZIP, and an unknown ZIP as nothing', () => {
    expect(first('19094-1234')?.label).toBe('Woodlyn, PA 19094');
    expect(first(' 190941234 ')?.label).toBe('Woodlyn, PA 19094');
    expect(findPlaces('00000')).toEqual([]);
  });

  it('puts the ZIP first when a city, state and ZIP are typed together', () => {
    const places = findPlaces('Woodlyn, PA 19094');
    expect(places[0]).toMatchObject({ kind: 'postal_code', label: 'Woodlyn, PA 19094' });
    expect(places[1]).toMatchObject({ kind: 'city', label: 'Woodlyn, PA' });
  });

  it('does not read a bare 5-digit number as a US ZIP for an instance in another country', () => {
    expect(findPlaces('75001', { country: 'FR' })).toEqual([]);
    expect(first('75001', { country: 'US' })?.label).toMatch(/TX 75001$/);
  });

  it('reads a Canadian postal code as its area', () => {
    expect(first('T5J 0N3')).toMatchObject({ kind: 'postal_code', country: 'CA', region: 'Alberta' });
    expect(first('t5j')?.label).toMatch(/^Edmonton/);
  });

  it('ranks Philadelphia, PA first for "Philadelphia", however it is written', () => {
    for (const query of [
      'Philadelphia',
      'philadelphia pa',
      'PHILADELPHIA, PA',
      'Philadelphia, Pennsylvania',
      'philadel',
    ]) {
      expect(first(query), query).toMatchObject({
        label: 'Philadelphia, PA',
        kind: 'city',
        country: 'US',
        region: 'Pennsylvania',
        latitude: expect.closeTo(39.95, 1),
        longitude: expect.closeTo(-75.16, 1),
      });
    }
    expect(first('Philadelphia')?.population).toBeGreaterThan(1_000_000);
  });

  it('finds a small town by "Town, ST"', () => {
    expect(findPlaces('Woodlyn, PA')).toEqual([
      expect.objectContaining({ label: 'Woodlyn, PA', region: 'Pennsylvania' }),
    ]);
  });

  it('puts the most populous Paris first, and Paris, Texas when the state is named', () => {
    const paris = findPlaces('Paris');
    expect(paris[0]).toMatchObject({ label: 'Paris, France', country: 'FR' });
    expect(paris.map((place) => place.label)).toContain('Paris, TX');
    for (const query of ['Paris, TX', 'Paris, Texas', 'paris texas', 'Paris TX, USA']) {
      expect(first(query), query).toMatchObject({ label: 'Paris, TX', country: 'US', region: 'Texas' });
    }
    expect(findPlaces('Paris, France')).toEqual([expect.objectContaining({ label: 'Paris, France' })]);
  });

  it("ranks the instance's country first among equal matches, unless the query names another", () => {
    expect(first('Paris', { country: 'US' })?.label).toBe('Paris, TX');
    expect(first('Paris, France', { country: 'us' })?.label).toBe('Paris, France');
  });

  it('ignores case and diacritics', () => {
    for (const query of ['montreal', 'MONTRÉAL', 'Montreal, QC', 'montreal quebec']) {
      expect(first(query), query).toMatchObject({ label: 'Montréal, Quebec, Canada', region: 'Quebec' });
    }
    expect(first('sao paulo')).toMatchObject({ label: 'São Paulo, Brazil', country: 'BR' });
    expect(first('koln')?.label).toBe('Köln, Germany');
  });

  it('finds Edmonton in Alberta and London in England', () => {
    expect(first('Edmonton')).toMatchObject({ label: 'Edmonton, Alberta, Canada', country: 'CA', region: 'Alberta' });
    expect(first('London')).toMatchObject({ country: 'GB', region: 'England' });
    expect(first('London, Ontario')).toMatchObject({ country: 'CA', region: 'Ontario' });
  });

  it('treats Saint/St., Fort/Ft. and "Washington, D.C." as people write them', () => {
    expect(first('saint louis')?.label).toBe('St. Louis, MO');
    expect(first('ft worth')?.label).toBe('Fort Worth, TX');
    expect(first('Washington')?.region).toBe('District of Columbia');
    expect(first('Washington, DC')?.region).toBe('District of Columbia');
    expect(first('new york')?.label).toBe('New York City, NY');
  });

  it('finds nothing for empty or nonsense text', () => {
    for (const query of ['', '   ', 'zzqxv blorp', 'asdfghjkl', '!!!', 'x', ', , ,', '12', 'Paris, Germany']) {
      expect(findPlaces(query), query).toEqual([]);
    }
  });

  it('keeps to the limit', () => {
    expect(findPlaces('Springfield', { limit: 2 })).toHaveLength(2);
    expect(findPlaces('Springfield')).toHaveLength(10);
    expect(findPlaces('san', { limit: 1000 })).toHaveLength(50);
    expect(findPlaces('Springfield', { limit: 0 })).toHaveLength(1);
  });

  it('normalizes names for comparison', () => {
    expect(normalizePlaceName('São Paulo')).toBe('sao paulo');
    expect(normalizePlaceName("St. John's")).toBe('st johns');
    expect(normalizePlaceName('Saint-Jean-sur-Richelieu')).toBe('st jean sur richelieu');
    expect(normalizePlaceName('  Kraków  ')).toBe('krakow');
    expect(normalizePlaceName('Münster')).toBe('munster');
    expect(normalizePlaceName('Łódź')).toBe('lodz');
  });

  it('answers a warm lookup in well under a millisecond', () => {
    const queries = [
      'Philadelphia',
      'philadelphia pa',
      'Woodlyn, PA',
      '19094',
      'Edmonton',
      'Paris, France',
      'London',
      'san',
    ];
    const started = performance.now();
    for (let round = 0; round < 250; round += 1) for (const query of queries) findPlaces(query);
    const averageMs = (performance.now() - started) / (250 * queries.length);
    // Measured around 0.02 ms; the bound leaves room for a busy machine.
    expect(averageMs).toBeLessThan(1);
  });

  it('never throws, and answers only well-formed places, whatever is typed', () => {
    const fragments = fc.constantFrom(
      'Paris',
      'PA',
      'TX',
      ',',
      ' ',
      '19094',
      '-1234',
      'São',
      'new',
      'st.',
      'France',
      '(',
      '/',
    );
    const query = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ maxLength: 40 }),
      fc.array(fragments, { maxLength: 8 }).map((parts) => parts.join('')),
    );
    const options = fc.record(
      {
        limit: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN)),
        country: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('US', 'fr', 'ZZ')),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(query, options, (text, findOptions) => {
        const places = findPlaces(text, findOptions);
        expect(places.length).toBeLessThanOrEqual(50);
        for (const place of places) {
          expect(Math.abs(place.latitude)).toBeLessThanOrEqual(90);
          expect(Math.abs(place.longitude)).toBeLessThanOrEqual(180);
          expect(place.label).not.toBe('');
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('finding a place online', () => {
  // The shape of Nominatim's /search?format=jsonv2&addressdetails=1&extratags=1 answer.
  const philadelphia = {
    place_id: 331417498,
    licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
    osm_type: 'relation',
    osm_id: 188022,
    lat: '39.9527237',
    lon: '-75.1635262',
    category: 'boundary',
    type: 'administrative',
    place_rank: 16,
    importance: 0.8347,
    addresstype: 'city',
    name: 'Philadelphia',
    display_name: 'Philadelphia, Philadelphia County, Pennsylvania, United States',
    address: {
      city: 'Philadelphia',
      county: 'Philadelphia County',
      state: 'Pennsylvania',
      'ISO3166-2-lvl4': 'US-PA',
      country: 'United States',
      country_code: 'us',
    },
    extratags: { population: '1603797', wikidata: 'Q1345' },
    boundingbox: ['39.8670050', '40.1379593', '-75.2802977', '-74.9558314'],
  };
  const woodlynPostcode = {
    place_id: 318012345,
    licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
    lat: '39.8759',
    lon: '-75.3463',
    category: 'place',
    type: 'postcode',
    place_rank: 21,
    importance: 0.12,
    addresstype: 'postcode',
    name: '19094',
    display_name: '19094, Woodlyn, Delaware County, Pennsylvania, United States',
    address: { postcode: '19094', state: 'Pennsylvania', country: 'United States', country_code: 'us' },
    extratags: null,
    boundingbox: ['39.8259', '39.9259', '-75.3963', '-75.2963'],
  };

  let server: Server;
  let baseUrl: string;
  const requests: IncomingMessage[] = [];
  let answer: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([philadelphia]));
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request);
      answer(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/nominatim`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const settings = () => ({ url: baseUrl, contact: 'admin@example.org', minIntervalMs: 0, timeoutMs: 2_000 });

  it('asks the search API in its documented shape and names Kindred', async () => {
    const places = await geocodeOnline('Philadelphia', settings(), { limit: 5 });
    const request = requests.at(-1)!;
    const url = new URL(request.url!, baseUrl);
    expect(url.pathname).toBe('/nominatim/search');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ format: 'jsonv2', q: 'Philadelphia', limit: '5' });
    expect(request.headers['user-agent']).toBe('Kindred meeting finder (admin@example.org)');
    expect(places).toEqual([
      {
        label: 'Philadelphia, Philadelphia County, Pennsylvania, United States',
        latitude: 39.9527237,
        longitude: -75.1635262,
        kind: 'city',
        country: 'US',
        region: 'Pennsylvania',
        population: 1603797,
      },
    ]);
  });

  it('reads postcodes, skips results it cannot read, and remembers answers', async () => {
    answer = (_request, response) =>
      response.end(JSON.stringify([{ display_name: 'Nowhere', lat: 'north', lon: '1' }, woodlynPostcode]));
    const before = requests.length;
    const places = await geocodeOnline('19094', settings());
    expect(places).toEqual([
      expect.objectContaining({ kind: 'postal_code', country: 'US', region: 'Pennsylvania', population: null }),
    ]);
    expect(await geocodeOnline('19094', settings())).toEqual(places);
    expect(requests.length - before).toBe(1);
  });

  it('answers unavailable when the service fails, answers nonsense or is too slow', async () => {
    const cases: Array<(request: IncomingMessage, response: ServerResponse) => void> = [
      (_request, response) => response.writeHead(503).end('Service Unavailable'),
      (_request, response) => response.end('<html>not json</html>'),
      (_request, response) => response.end(JSON.stringify({ error: 'Unable to geocode' })),
      () => undefined, // never answers
    ];
    for (const [position, failure] of cases.entries()) {
      answer = failure;
      const attempt = geocodeOnline(`failing ${position}`, { ...settings(), timeoutMs: 300 });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: 'unavailable' });
    }
  });

  it('spaces requests to one service by the minimum interval', async () => {
    answer = (_request, response) => response.end('[]');
    const times: number[] = [];
    await Promise.all(
      ['spaced one', 'spaced two'].map(async (query) => {
        await geocodeOnline(query, { ...settings(), minIntervalMs: 250 });
        times.push(performance.now());
      }),
    );
    expect(Math.abs(times[1]! - times[0]!)).toBeGreaterThanOrEqual(200);
  });

  it('sends nothing for an empty query', async () => {
    const before = requests.length;
    expect(await geocodeOnline('   ', settings())).toEqual([]);
    expect(requests.length).toBe(before);
  });
});
