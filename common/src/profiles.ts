/** Profiles: how a member presents themselves to other members. */
import { z } from 'zod';
import { optionalText } from './text.ts';
import { handleSchema } from './accounts.ts';

export const recoveryPathways = [
  'twelve_step',
  'smart_recovery',
  'recovery_dharma',
  'faith_based',
  'secular',
  'medication_assisted',
  'harm_reduction',
  'other',
] as const;
export type RecoveryPathway = (typeof recoveryPathways)[number];

export const recoveryPathwayLabels: Record<RecoveryPathway, string> = {
  twelve_step: '12-step',
  smart_recovery: 'SMART Recovery',
  recovery_dharma: 'Recovery Dharma / Refuge Recovery',
  faith_based: 'Faith-based',
  secular: 'Secular',
  medication_assisted: 'Medication-assisted recovery',
  harm_reduction: 'Harm reduction',
  other: 'Other',
};

/** Who may see a profile at all. */
export const profileVisibilities = ['members', 'nobody'] as const;
export type ProfileVisibility = (typeof profileVisibilities)[number];

/** Who may see what someone is recovering from. Private unless they choose otherwise. */
export const recoveringFromVisibilities = ['private', 'members'] as const;
export type RecoveringFromVisibility = (typeof recoveringFromVisibilities)[number];

/** Languages offered in the profile form: BCP 47 codes with their own names. */
export const languageOptions = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
  { code: 'pt', name: 'Português' },
  { code: 'de', name: 'Deutsch' },
  { code: 'it', name: 'Italiano' },
  { code: 'pl', name: 'Polski' },
  { code: 'ru', name: 'Русский' },
  { code: 'uk', name: 'Українська' },
  { code: 'ar', name: 'العربية' },
  { code: 'fa', name: 'فارسی' },
  { code: 'hi', name: 'हिन्दी' },
  { code: 'zh', name: '中文' },
  { code: 'ja', name: '日本語' },
  { code: 'ko', name: '한국어' },
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'tl', name: 'Tagalog' },
  { code: 'ase', name: 'American Sign Language' },
] as const;
export const languageCodes = languageOptions.map((language) => language.code) as [string, ...string[]];

export const DISPLAY_NAME_MAX_LENGTH = 50;
export const PRONOUNS_MAX_LENGTH = 30;
export const BIO_MAX_LENGTH = 500;
export const RECOVERING_FROM_MAX_LENGTH = 100;

/** True when the runtime knows this IANA time zone (e.g. "America/Chicago"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, 'Choose a time zone from the list.')
  .describe('IANA time zone, e.g. America/Chicago');

export const profileUpdateInputSchema = z
  .object({
    handle: handleSchema,
    displayName: optionalText(DISPLAY_NAME_MAX_LENGTH, 'A display name'),
    pronouns: optionalText(PRONOUNS_MAX_LENGTH, 'Pronouns'),
    bio: optionalText(BIO_MAX_LENGTH, 'A bio'),
    recoveryPathways: z
      .array(z.enum(recoveryPathways, { error: 'Choose pathways from the list.' }))
      .max(recoveryPathways.length)
      .transform((pathways) => [...new Set(pathways)]),
    recoveringFrom: optionalText(RECOVERING_FROM_MAX_LENGTH, 'This answer'),
    recoveringFromVisibility: z.enum(recoveringFromVisibilities),
    languages: z
      .array(z.enum(languageCodes, { error: 'Choose languages from the list.' }))
      .max(languageCodes.length)
      .transform((languages) => [...new Set(languages)]),
    timeZone: timeZoneSchema,
    profileVisibility: z.enum(profileVisibilities),
  })
  .partial()
  .strict();
export type ProfileUpdateInput = z.input<typeof profileUpdateInputSchema>;
/** A validated profile update: trimmed, empty text as null, lists without repeats. */
export type ProfileUpdate = z.output<typeof profileUpdateInputSchema>;

/** The member's own profile, every field. */
export const ownProfileSchema = z.object({
  handle: z.string(),
  displayName: z.string().nullable(),
  pronouns: z.string().nullable(),
  bio: z.string().nullable(),
  recoveryPathways: z.array(z.enum(recoveryPathways)),
  recoveringFrom: z.string().nullable(),
  recoveringFromVisibility: z.enum(recoveringFromVisibilities),
  languages: z.array(z.string()),
  timeZone: z.string(),
  profileVisibility: z.enum(profileVisibilities),
  updatedAt: z.iso.datetime(),
});
export type OwnProfile = z.infer<typeof ownProfileSchema>;

/** Another member's profile, as a signed-in member may see it. */
export const memberProfileSchema = z.object({
  handle: z.string(),
  displayName: z.string().nullable(),
  pronouns: z.string().nullable(),
  bio: z.string().nullable(),
  recoveryPathways: z.array(z.enum(recoveryPathways)),
  recoveringFrom: z.string().nullable().describe('Present only when the member shares it with members'),
  languages: z.array(z.string()),
  memberSince: z.iso.datetime(),
});
export type MemberProfile = z.infer<typeof memberProfileSchema>;

export const ownProfileResponseSchema = z.object({ profile: ownProfileSchema });
export const memberProfileResponseSchema = z.object({ profile: memberProfileSchema });
export const handleParamsSchema = z.object({ handle: z.string().max(100) });
