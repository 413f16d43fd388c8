import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isSpecTypeCode,
  listMeetingTypes,
  meetingTypeName,
  normalizeMeetingType,
  reservedTypeCodes,
  specTypeCodes,
} from './meetings.types.ts';

const fixtureTypes = JSON.parse(
  readFileSync(new URL('../../../../../shared/fixtures/meeting-guide-types.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, string>>;

describe('meeting types', () => {
  it('knows the 87 codes the spec reserves, the same as the shared list, plus ONL', () => {
    expect(specTypeCodes).toHaveLength(87);
    expect([...specTypeCodes].sort()).toEqual(Object.keys(fixtureTypes).sort());
    expect(reservedTypeCodes).toHaveLength(88);
    expect(reservedTypeCodes).toContain('ONL');
    expect(isSpecTypeCode('ONL')).toBe(false);
    expect(isSpecTypeCode('LGBTQ')).toBe(true);
  });

  it('normalises codes case-insensitively', () => {
    expect(normalizeMeetingType('onl')).toBe('ONL');
    expect(normalizeMeetingType('o')).toBe('O');
    expect(normalizeMeetingType(' lgbtq ')).toBe('LGBTQ');
    expect(normalizeMeetingType('12X12')).toBe('12x12');
    expect(normalizeMeetingType('al-an')).toBe('AL-AN');
  });

  it('normalises the English names spreadsheets use', () => {
    expect(normalizeMeetingType('Open')).toBe('O');
    expect(normalizeMeetingType('Women')).toBe('W');
    expect(normalizeMeetingType('Wheelchair Access')).toBe('X');
    expect(normalizeMeetingType('wheelchair-accessible bathroom')).toBe('XB');
    expect(normalizeMeetingType('Location Temporarily Closed')).toBe('TC');
    expect(normalizeMeetingType('Online Meeting')).toBe('ONL');
    expect(normalizeMeetingType('Newcomer')).toBe('BE');
    expect(normalizeMeetingType('12 Steps & 12 Traditions')).toBe('12x12');
  });

  it('every English name in the shared list maps back to its code', () => {
    for (const [code, names] of Object.entries(fixtureTypes)) {
      expect(normalizeMeetingType(names.en ?? '')).toBe(code);
    }
  });

  it('reads names in the spec’s other languages when they are unambiguous', () => {
    expect(normalizeMeetingType('Mujeres')).toBe('W');
    expect(normalizeMeetingType('Abierta')).toBe('O');
    expect(normalizeMeetingType('Español')).toBe('S');
    expect(normalizeMeetingType('Espanol')).toBe('S');
  });

  it('returns null for tokens the spec does not reserve', () => {
    expect(normalizeMeetingType('ASBI')).toBeNull();
    expect(normalizeMeetingType('NA')).toBeNull();
    expect(normalizeMeetingType('')).toBeNull();
  });

  it('lists every reserved code with its name in a language, English when missing', () => {
    const english = listMeetingTypes('en');
    expect(english).toHaveLength(88);
    expect(english).toContainEqual({ code: 'X', name: 'Wheelchair Access' });
    expect(english).toContainEqual({ code: 'ONL', name: 'Online Meeting' });
    expect(listMeetingTypes('es')).toContainEqual({ code: 'W', name: 'Mujeres' });
    expect(listMeetingTypes('xx')).toEqual(english);
    expect(meetingTypeName('ONL', 'sv')).toBe('Online Meeting');
    expect(meetingTypeName('ZZZ')).toBeNull();
  });
});
