/** Factories: members built through the real services, each with a unique handle. */
import { randomBytes } from 'node:crypto';
import { signUp } from '../src/features/accounts/accounts.service.ts';
import type { Auth } from '../src/features/accounts/accounts.sessions.ts';
import { updateOwnProfile } from '../src/features/profiles/profiles.service.ts';
import { profileUpdateInputSchema, type ProfileUpdateInput } from '@kindred/common/profiles';
import type { ServiceContext } from '../src/platform/context.ts';
import { sessionCookieName } from '../src/features/accounts/accounts.sessions.ts';

export const TEST_PASSWORD = 'a calm and steady river 42';

export function uniqueHandle(prefix = 'member'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`.slice(0, 30);
}

export type BuiltMember = Auth & { handle: string; password: string; token: string; cookie: string };

export async function buildMember(
  ctx: ServiceContext,
  overrides: { handle?: string; password?: string; email?: string; profile?: ProfileUpdateInput } = {},
): Promise<BuiltMember> {
  const handle = overrides.handle ?? uniqueHandle();
  const password = overrides.password ?? TEST_PASSWORD;
  const { user, session, token } = await signUp(ctx, { handle, password, email: overrides.email }, 'vitest');
  if (overrides.profile)
    await updateOwnProfile(ctx, { user, session }, profileUpdateInputSchema.parse(overrides.profile));
  return { user, session, handle, password, token, cookie: `${sessionCookieName(ctx.config)}=${token}` };
}
