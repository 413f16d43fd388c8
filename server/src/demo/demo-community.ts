/**
 * A small, realistic demo community for an empty database: members on different recovery
 * pathways, in different languages and time zones. Later features add their own demo data here.
 */
import { randomBytes } from 'node:crypto';
import type { ProfileUpdateInput } from '@kindred/common/profiles';
import { profileUpdateInputSchema } from '@kindred/common/profiles';
import type { ServiceContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { countMembers, signUp } from '../features/accounts/accounts.service.ts';
import { updateOwnProfile } from '../features/profiles/profiles.service.ts';

type DemoMember = { handle: string; profile: ProfileUpdateInput };

export const demoMembers: DemoMember[] = [
  {
    handle: 'morning_coffee',
    profile: {
      displayName: 'Dana',
      pronouns: 'she/her',
      bio: 'Sober since a rainy March. I make the coffee at the Tuesday night meeting and I like long walks with my dog.',
      recoveryPathways: ['twelve_step'],
      recoveringFrom: 'Alcohol',
      recoveringFromVisibility: 'members',
      languages: ['en'],
      timeZone: 'America/Chicago',
    },
  },
  {
    handle: 'steady-oak',
    profile: {
      displayName: 'Marcus',
      pronouns: 'he/him',
      bio: 'SMART Recovery facilitator in training. Cost-benefit analysis saved my life. Happy to talk tools and urges.',
      recoveryPathways: ['smart_recovery', 'secular'],
      languages: ['en'],
      timeZone: 'America/New_York',
    },
  },
  {
    handle: 'luz_del_dia',
    profile: {
      displayName: 'Luz',
      pronouns: 'ella',
      bio: 'Madre, abuela y en recuperación. Aquí para escuchar. Here to listen, in English or Spanish.',
      recoveryPathways: ['twelve_step', 'faith_based'],
      languages: ['es', 'en'],
      timeZone: 'America/Los_Angeles',
    },
  },
  {
    handle: 'quiet_river',
    profile: {
      pronouns: 'they/them',
      bio: 'Recovery Dharma sangha member. Meditation, inquiry and a lot of tea.',
      recoveryPathways: ['recovery_dharma'],
      recoveringFrom: 'Opioids',
      recoveringFromVisibility: 'private',
      languages: ['en'],
      timeZone: 'America/Denver',
    },
  },
  {
    handle: 'one_day_at_a_time',
    profile: {
      displayName: 'Sam',
      bio: 'On buprenorphine and doing well. Medication is recovery too. Ask me anything about starting MAT.',
      recoveryPathways: ['medication_assisted', 'harm_reduction'],
      recoveringFrom: 'Opioids',
      recoveringFromVisibility: 'members',
      languages: ['en'],
      timeZone: 'America/Phoenix',
    },
  },
  {
    handle: 'northern_lights',
    profile: {
      displayName: 'Aino',
      bio: 'Gambling recovery. Finnish and English. Night owl, so I am often around late.',
      recoveryPathways: ['twelve_step', 'secular'],
      recoveringFrom: 'Gambling',
      recoveringFromVisibility: 'members',
      languages: ['en'],
      timeZone: 'Europe/Helsinki',
    },
  },
  {
    handle: 'grateful_grace',
    profile: {
      displayName: 'Grace',
      pronouns: 'she/her',
      bio: 'Celebrate Recovery leader. Faith, fellowship and a good potluck.',
      recoveryPathways: ['faith_based'],
      languages: ['en'],
      timeZone: 'America/Chicago',
    },
  },
  {
    handle: 'trail_mix',
    profile: {
      bio: 'Early days. Just listening for now.',
      recoveryPathways: [],
      languages: ['en', 'fr'],
      timeZone: 'America/Toronto',
      profileVisibility: 'nobody',
    },
  },
  {
    handle: 'peer_coach_ray',
    profile: {
      displayName: 'Ray',
      pronouns: 'he/him',
      bio: 'Certified peer recovery specialist, 9 years in recovery. I believe in every pathway that works for you.',
      recoveryPathways: ['twelve_step', 'medication_assisted', 'harm_reduction', 'other'],
      recoveringFrom: 'Methamphetamine and alcohol',
      recoveringFromVisibility: 'members',
      languages: ['en', 'es'],
      timeZone: 'America/New_York',
    },
  },
  {
    handle: 'kintsugi',
    profile: {
      displayName: 'Mei',
      pronouns: 'she/they',
      bio: 'Broken and mended with gold. Eating disorder and alcohol recovery. 中文 / English.',
      recoveryPathways: ['smart_recovery', 'other'],
      languages: ['zh', 'en'],
      timeZone: 'America/Los_Angeles',
    },
  },
];

/** Fills an empty database with the demo community; returns the shared demo password. */
export async function seedDemoCommunity(ctx: ServiceContext): Promise<{ password: string; handles: string[] }> {
  if ((await countMembers(ctx)) > 0) {
    throw new AppError('conflict', 'The database already has members; seed-demo only fills an empty database.');
  }
  // Random per seed, so no demo deployment shares a known password.
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  for (const member of demoMembers) {
    const { user, session } = await signUp(ctx, { handle: member.handle, password }, 'seed-demo');
    await updateOwnProfile(ctx, { user, session }, profileUpdateInputSchema.parse(member.profile));
  }
  return { password, handles: demoMembers.map((member) => member.handle) };
}
