import { languageOptions, recoveryPathwayLabels, type RecoveryPathway } from '@kindred/common/profiles';

const languageNames = new Map<string, string>(languageOptions.map((language) => [language.code, language.name]));

/** A language's own name ("Español"), or its code when Kindred does not list it. */
export const languageName = (code: string) => languageNames.get(code) ?? code;

/** The lang attribute for a language's name: its code, except sign languages named in English. */
export const languageNameLang = (code: string) => (code === 'ase' ? 'en' : code);

export const pathwayLabel = (pathway: RecoveryPathway) => recoveryPathwayLabels[pathway];
