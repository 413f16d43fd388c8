/**
 * The Meeting Guide type vocabulary: the reserved codes of code4recovery/spec (from the maintained
 * `@code4recovery/spec` package) and how the tokens real sources write map onto them.
 */
import { getTypesForLanguage, isSupportedLanguage, type Language, type MeetingType } from '@code4recovery/spec';

/** The languages the spec names its types in ("en", "es", "fr", "ja", "nl", "pt", "sk", "sv", "th"). */
export const meetingTypeLanguages: readonly Language[] = ['en', 'es', 'fr', 'ja', 'nl', 'pt', 'sk', 'sv', 'th'];

/**
 * `ONL` ("Online Meeting") is not in the spec package's list, but the whole ecosystem writes it: the
 * 12 Step Meeting List plugin adds it to every meeting with a conference URL or phone, tsml-ui reads
 * it, and most real feeds carry it. We keep it as a reserved code so "onl" normalises to it instead
 * of becoming a custom type; attendance is still derived from the join details, never from `ONL`.
 */
const ecosystemTypeNames: Record<string, Partial<Record<Language, string>> & { en: string }> = {
  ONL: { en: 'Online Meeting', es: 'Reunión en línea', fr: 'Réunion en ligne', pt: 'Reunião online' },
};

const englishNames = getTypesForLanguage('en');

/** The 87 codes the spec itself reserves (what a published feed may carry as `types`). */
export const specTypeCodes: readonly string[] = Object.keys(englishNames);

/** Every reserved code Kindred understands: the spec's codes plus the ecosystem's `ONL`. */
export const reservedTypeCodes: readonly string[] = [...specTypeCodes, ...Object.keys(ecosystemTypeNames)];

const canonicalByUpperCode = new Map(reservedTypeCodes.map((code) => [code.toUpperCase(), code]));

/** Folds a name for matching: lower case, no accents, single spaces, "&" spelled "and". */
function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/**
 * Name → code, built from the package's names. English first; another language's name is added only
 * when it does not already mean something else (so no language can shadow an English name).
 */
const codeByFoldedName: Map<string, string> = (() => {
  const byName = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (name: string, code: string) => {
    const folded = foldName(name);
    if (!folded || ambiguous.has(folded)) return;
    const existing = byName.get(folded);
    if (existing === undefined) byName.set(folded, code);
    else if (existing !== code) ambiguous.add(folded);
  };
  for (const [code, name] of Object.entries(englishNames)) add(name, code);
  for (const [code, names] of Object.entries(ecosystemTypeNames)) add(names.en, code);
  // Names spreadsheets write that differ from the spec's wording.
  for (const [name, code] of Object.entries(extraEnglishNames())) add(name, code);
  const englishOnly = new Map(byName);
  for (const language of meetingTypeLanguages) {
    if (language === 'en') continue;
    const names = getTypesForLanguage(language);
    for (const [code, name] of Object.entries(names)) {
      const folded = foldName(name);
      if (englishOnly.has(folded)) continue;
      add(name, code);
    }
    for (const [code, ecosystemNames] of Object.entries(ecosystemTypeNames)) {
      const name = ecosystemNames[language];
      if (name && !englishOnly.has(foldName(name))) add(name, code);
    }
  }
  for (const name of ambiguous) if (!englishOnly.has(name)) byName.delete(name);
  return byName;
})();

/** Common alternative English wordings (the 12 Step Meeting List's older names and sheet habits). */
function extraEnglishNames(): Record<string, string> {
  return {
    Online: 'ONL',
    Beginner: 'BE',
    Beginners: 'BE',
    Newcomers: 'BE',
    'Wheelchair Accessible': 'X',
    'Temporarily Closed': 'TC',
    'Child Care Available': 'BA',
    'Step Meeting': 'ST',
    'Young Adults': 'Y',
    'Big Book Study': 'B',
    'Speaker Meeting': 'SP',
  };
}

/**
 * The reserved code a source's type token stands for, or null when it is not reserved (the caller
 * keeps it as a custom type). Case-insensitive on codes ("onl" → "ONL", "12X12" → "12x12") and on
 * the spec's names in any of its languages ("Open" → "O", "Wheelchair Access" → "X", "Mujeres" → "W").
 */
export function normalizeMeetingType(token: string): string | null {
  const trimmed = token.trim();
  if (!trimmed) return null;
  const byCode = canonicalByUpperCode.get(trimmed.toUpperCase());
  if (byCode) return byCode;
  return codeByFoldedName.get(foldName(trimmed)) ?? null;
}

const specTypeCodeSet = new Set(specTypeCodes);

/** True when a code is one the spec reserves (what a published feed may carry). */
export function isSpecTypeCode(code: string): code is MeetingType {
  return specTypeCodeSet.has(code);
}

export type MeetingTypeName = { code: string; name: string };

/** Every reserved code with its name in a language (English for a language the spec lacks). */
export function listMeetingTypes(language = 'en'): MeetingTypeName[] {
  const chosen: Language = isSupportedLanguage(language) ? language : 'en';
  const names = getTypesForLanguage(chosen);
  const english = englishNames as Record<string, string>;
  const local = names as Record<string, string>;
  return reservedTypeCodes.map((code) => ({
    code,
    name: local[code] ?? ecosystemTypeNames[code]?.[chosen] ?? ecosystemTypeNames[code]?.en ?? english[code] ?? code,
  }));
}

/** Names by code, per language, built once: every meeting in every answer names its types. */
const namesByLanguage = new Map<string, Map<string, string>>();

/** The name of one reserved code in a language, or null when the code is not reserved. */
export function meetingTypeName(code: string, language = 'en'): string | null {
  let names = namesByLanguage.get(language);
  if (!names) {
    names = new Map(listMeetingTypes(language).map((type) => [type.code, type.name]));
    namesByLanguage.set(language, names);
  }
  return names.get(code) ?? null;
}

/** The reserved codes that name a language (a meeting held in Spanish carries "S"). */
export const languageTypeCodes: readonly string[] = [
  'AF',
  'AM',
  'AR',
  'ASL',
  'BG',
  'DA',
  'DE',
  'EL',
  'EN',
  'FA',
  'FI',
  'FR',
  'HE',
  'HI',
  'HR',
  'HU',
  'IS',
  'ITA',
  'JA',
  'KA',
  'KOR',
  'LT',
  'ML',
  'MT',
  'NE',
  'NL',
  'NO',
  'POL',
  'POR',
  'PUN',
  'RUS',
  'S',
  'SK',
  'SL',
  'SV',
  'TH',
  'TL',
  'TUR',
  'UK',
];
const languageTypeCodeSet = new Set(languageTypeCodes);

export function isLanguageTypeCode(code: string): boolean {
  return languageTypeCodeSet.has(code);
}
