import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { AppError } from '../../platform/errors.ts';
import { parseSource } from './meetings.import.ts';
import { countMeetingsOfSource } from './meetings.queries.ts';
import { importMeetings } from './meetings.service.ts';
import type { MeetingSourceKind } from './meetings.tables.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const fixtures = new URL('../../../../../shared/fixtures/', import.meta.url);
const fixture = (path: string) => readFileSync(new URL(path, fixtures), 'utf8');

let sourceCount = 0;
/** Imports text as a new source (a unique name per call) or into the named one. */
function importText(text: string, options: { kind?: MeetingSourceKind; timeZone?: string; sourceName?: string } = {}) {
  sourceCount += 1;
  return importMeetings(t.ctx, {
    sourceName: options.sourceName ?? `Test source ${sourceCount} ${Math.random().toString(36).slice(2, 8)}`,
    kind: options.kind ?? 'meeting-guide-json',
    defaultTimeZone: options.timeZone ?? 'America/New_York',
    program: 'Alcoholics Anonymous',
    text,
  });
}

describe('importing a Meeting Guide feed', () => {
  it('imports the largest real feed, and a second import of the same feed changes nothing', async () => {
    const text = fixture('meeting-feeds/se-pennsylvania-aa.json');
    const parsed = parseSource('meeting-guide-json', text, 'America/New_York');
    const first = await importText(text);
    expect(first.report).toMatchObject({
      rowsRead: 2038,
      created: parsed.meetings.length,
      updated: 0,
      unchanged: 0,
      removed: 0,
    });
    expect(first.report.rejected).toEqual(parsed.rejected);
    expect(await countMeetingsOfSource(t.ctx.db, first.source.id)).toBe(parsed.meetings.length);

    const again = await importText(text, { sourceName: first.source.name });
    expect(again.report).toMatchObject({ created: 0, updated: 0, unchanged: parsed.meetings.length, removed: 0 });
  });

  it('updates what changed and removes what left the source', async () => {
    const rows = JSON.parse(fixture('meeting-feeds/kansas-city-aa.json')) as Array<Record<string, unknown>>;
    const { source, report } = await importText(JSON.stringify(rows), { timeZone: 'America/Chicago' });
    const kept = rows.slice(3);
    kept[0] = { ...kept[0], name: 'A new name for this meeting' };
    const next = await importText(JSON.stringify(kept), { sourceName: source.name, timeZone: 'America/Chicago' });
    const parsedRemoved = parseSource('meeting-guide-json', JSON.stringify(rows.slice(0, 3)), 'America/Chicago');
    expect(next.report).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: report.created - parsedRemoved.meetings.length - 1,
      removed: parsedRemoved.meetings.length,
    });
    const renamed = await t.ctx.db.select().from(meetings).where(eq(meetings.name, 'A new name for this meeting'));
    expect(renamed).toHaveLength(1);
  });

  it('refuses a malformed file whole and leaves the stored meetings exactly as they were', async () => {
    const { source } = await importText(fixture('meeting-feeds/edge-times.json'));
    const before = await t.ctx.db.select().from(meetings).where(eq(meetings.sourceId, source.id));
    const refused = importText(fixture('meeting-feeds/edge-malformed.json'), { sourceName: source.name });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toThrow(/refused and nothing changed/);
    const after = await t.ctx.db.select().from(meetings).where(eq(meetings.sourceId, source.id));
    expect(after).toEqual(before);
  });

  it("keeps each meeting's own zone, else the zone at its coordinates, else the source's", async () => {
    const zones = await importText(fixture('meeting-feeds/edge-timezones.json'), { timeZone: 'Europe/London' });
    const stored = await t.ctx.db
      .select({ name: meetings.name, timeZone: meetings.timeZone })
      .from(meetings)
      .where(eq(meetings.sourceId, zones.source.id));
    expect(Object.fromEntries(stored.map((row) => [row.name, row.timeZone]))).toEqual({
      'San Francisco meeting at 9:00': 'America/Los_Angeles',
      'PA meeting at 11:45': 'America/New_York',
    });
    // Orange County rows carry coordinates: they land in Los Angeles even from a source set to New York.
    const oc = await importText(fixture('meeting-feeds/orange-county-ca-aa.json'), { timeZone: 'America/New_York' });
    const ocZones = await t.ctx.db
      .selectDistinct({ timeZone: meetings.timeZone })
      .from(meetings)
      .where(eq(meetings.sourceId, oc.source.id));
    expect(ocZones.map((row) => row.timeZone)).toContain('America/Los_Angeles');
  });

  it('refuses an unknown time zone or kind before reading anything', async () => {
    await expect(importText('[]', { timeZone: 'Mars/Base' })).rejects.toThrow(/not a time zone/);
    await expect(importText('[]', { kind: 'xml' as MeetingSourceKind })).rejects.toThrow(/kind is one of/);
  });

  it('gives every meeting a unique public slug, prefixed by its source', async () => {
    const { source } = await importText(fixture('meeting-feeds/edmonton-aa.json'), { timeZone: 'America/Edmonton' });
    const slugs = (
      await t.ctx.db.select({ slug: meetings.slug }).from(meetings).where(eq(meetings.sourceId, source.id))
    ).map((row) => row.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug.startsWith(`${source.slug}--`)).toBe(true);
  });
});
