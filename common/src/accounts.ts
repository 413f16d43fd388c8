/** Accounts: handles, passwords, sessions, the signed-in member. */
import { z } from 'zod';

export const HANDLE_MIN_LENGTH = 3;
export const HANDLE_MAX_LENGTH = 30;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Words a handle may not be (compared without regard to case), so nobody can pass
 * as staff or as the platform itself.
 */
export const reservedHandles: ReadonlySet<string> = new Set([
  'about',
  'abuse',
  'account',
  'accounts',
  'admin',
  'administrator',
  'api',
  'anonymous',
  'auth',
  'crisis',
  'deleted',
  'docs',
  'everyone',
  'help',
  'helpline',
  'home',
  'info',
  'kindred',
  'kindred-team',
  'kindred_team',
  'login',
  'logout',
  'me',
  'member',
  'members',
  'mod',
  'moderator',
  'moderators',
  'null',
  'official',
  'operator',
  'owner',
  'privacy',
  'root',
  'security',
  'settings',
  'sign-in',
  'sign-out',
  'sign-up',
  'signin',
  'signout',
  'signup',
  'staff',
  'support',
  'system',
  'team',
  'terms',
  'undefined',
  'staff-team',
  'peer-specialist',
  'webmaster',
]);

export const handleSchema = z
  .string({ error: 'Choose a handle.' })
  .trim()
  .min(1, { error: 'Choose a handle.', abort: true })
  .min(HANDLE_MIN_LENGTH, `A handle has at least ${HANDLE_MIN_LENGTH} characters.`)
  .max(HANDLE_MAX_LENGTH, `A handle has at most ${HANDLE_MAX_LENGTH} characters.`)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use only letters, digits, _ and -.')
  .refine((handle) => !reservedHandles.has(handle.toLowerCase()), 'That handle is reserved. Please choose another.')
  .describe('3–30 letters, digits, _ or -; unique without regard to case');

/** Length only: the common-password check needs the server's list and happens in the service. */
export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

/** A password being checked, not chosen: any non-empty string up to the maximum. */
export const currentPasswordSchema = z
  .string({ error: 'Enter your password.' })
  .min(1, 'Enter your password.')
  .max(PASSWORD_MAX_LENGTH, 'That password is too long.');

export const emailSchema = z
  .email('Enter an email address like name@example.org, or leave it empty.')
  .max(254)
  .transform((email) => email.toLowerCase());

/** An empty string from a form field means "no email". */
const optionalEmailSchema = z
  .union([z.literal('').transform(() => undefined), emailSchema])
  .optional()
  .describe('Optional; used only for account recovery and notifications you ask for; never shown');

export const signUpInputSchema = z.object({
  handle: handleSchema,
  password: newPasswordSchema,
  email: optionalEmailSchema,
  timeZone: z
    .string()
    .max(64)
    .optional()
    .describe("The browser's IANA time zone; the profile starts with it when the runtime knows it"),
});
export type SignUpInput = z.input<typeof signUpInputSchema>;

export const signInInputSchema = z.object({
  handle: z
    .string({ error: 'Enter your handle.' })
    .trim()
    .min(1, 'Enter your handle.')
    .max(HANDLE_MAX_LENGTH, 'No account has that handle.'),
  password: currentPasswordSchema,
});
export type SignInInput = z.input<typeof signInInputSchema>;

export const changePasswordInputSchema = z.object({
  currentPassword: currentPasswordSchema,
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordInputSchema>;

export const deleteAccountInputSchema = z.object({
  password: currentPasswordSchema,
});
export type DeleteAccountInput = z.input<typeof deleteAccountInputSchema>;

export const changeEmailInputSchema = z.object({
  email: z.union([z.literal('').transform(() => null), emailSchema, z.null()]),
});
export type ChangeEmailInput = z.input<typeof changeEmailInputSchema>;

/** An admin runs the site; a meeting editor keeps the meeting list; a moderator keeps the community safe (the queue, hide, lock, warn, suspend). */
export const memberRoles = ['member', 'meeting-editor', 'moderator', 'admin'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** The signed-in member, as they see themselves. */
export const meSchema = z.object({
  id: z.uuid(),
  handle: z.string(),
  email: z.string().nullable().describe('Visible only to the member'),
  role: z.enum(memberRoles),
  createdAt: z.iso.datetime(),
});
export type Me = z.infer<typeof meSchema>;

export const meResponseSchema = z.object({ member: meSchema });
export type MeResponse = z.infer<typeof meResponseSchema>;

export const sessionSchema = z.object({
  id: z.uuid(),
  isCurrent: z.boolean(),
  userAgent: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Session = z.infer<typeof sessionSchema>;

export const sessionListSchema = z.object({ sessions: z.array(sessionSchema) });
export type SessionList = z.infer<typeof sessionListSchema>;

export const sessionIdParamsSchema = z.object({ sessionId: z.uuid('Unknown session.') });
