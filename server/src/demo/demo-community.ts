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
import { seedMemberRecovery, type DemoRecovery } from '../features/recovery/recovery.demo.ts';
import { congratulateMilestone, shareMilestone } from '../features/recovery/recovery.service.ts';
import { seedDemoForums } from '../features/community/community.demo.ts';
import type { Auth } from '../features/accounts/accounts.sessions.ts';
import type { CongratulationInput, RecoveryPlanInput } from '@kindred/common/recovery';

type DemoMember = {
  handle: string;
  profile: ProfileUpdateInput;
  recovery?: DemoRecovery;
  /** Milestones this member shares (by counter index), with a note. */
  shares?: Array<{ counter: number; milestone: string; note?: string }>;
};

const demoPlan: RecoveryPlanInput = {
  triggers: ['Payday Fridays', 'Driving past my old bar'],
  warningSigns: ['Skipping meals and sleep', 'Keeping secrets', 'Thinking "just one won’t hurt"'],
  copingStrategies: ['halt', 'call_someone', 'play_the_tape_forward', 'go_to_a_meeting', 'urge_surfing'],
  ownCopingStrategies: ['Walk the dog around the lake'],
  reasons: ['Being there for my kids', 'Waking up without shame', 'My health'],
  peopleToCall: [
    { name: 'My sponsor', phone: '555-0101', note: 'any time' },
    { name: 'Jess from the Tuesday meeting', phone: '555-0147' },
  ],
  safePlaces: ['The Tuesday night meeting', 'The public library', 'My sister’s kitchen'],
  professionalContacts: [{ name: 'My counsellor at the clinic', phone: '555-0190', note: 'weekdays 9–5' }],
};

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

/** Each demo member's recovery data and the milestones they share, by handle. */
const demoRecovery: Record<string, Pick<DemoMember, 'recovery' | 'shares'>> = {
  morning_coffee: {
    recovery: {
      counters: [{ label: 'Alcohol', daysAgo: 400 }],
      checkInsOutOf60: 52,
      plan: demoPlan,
      journal: [
        {
          daysAgo: 2,
          title: 'Coffee duty',
          body: 'Made the coffee for the Tuesday meeting again. A newcomer said it was her first night. I remembered mine.',
        },
        { daysAgo: 9, body: 'Payday. Drove the long way home so I would not pass the bar. It worked.' },
      ],
    },
    shares: [{ counter: 0, milestone: 'years:1', note: 'A year ago I could not imagine a week. Thank you all.' }],
  },
  'steady-oak': {
    recovery: {
      counters: [{ label: 'Alcohol', daysAgo: 95, earlierStreak: { startedDaysAgo: 300 } }],
      checkInsOutOf60: 40,
    },
    shares: [{ counter: 0, milestone: 'days:90', note: 'Ninety days. The tools work if you use them.' }],
  },
  luz_del_dia: {
    recovery: { counters: [{ label: 'Alcohol', daysAgo: 2600 }], checkInsOutOf60: 20 },
    shares: [{ counter: 0, milestone: 'years:7', note: 'Siete años. Un día a la vez.' }],
  },
  quiet_river: {
    recovery: {
      counters: [{ label: 'Opioids', daysAgo: 32 }],
      checkInsOutOf60: 30,
      plan: { ...demoPlan, peopleToCall: [] },
    },
    shares: [{ counter: 0, milestone: 'days:30', note: 'Thirty days. Grateful for this sangha.' }],
  },
  one_day_at_a_time: {
    recovery: { counters: [{ label: 'Opioids', daysAgo: 760 }], checkInsOutOf60: 45 },
    shares: [{ counter: 0, milestone: 'years:2' }],
  },
  northern_lights: {
    recovery: {
      counters: [{ label: 'Gambling', daysAgo: 8, earlierStreak: { startedDaysAgo: 130 } }],
      checkInsOutOf60: 50,
      journal: [
        {
          daysAgo: 8,
          title: 'Starting again',
          body: 'I slipped. I told my group the same night. 122 days still happened.',
        },
      ],
    },
    shares: [{ counter: 0, milestone: 'days:7', note: 'Starting again, and it still counts.' }],
  },
  peer_coach_ray: {
    recovery: {
      counters: [
        { label: 'Methamphetamine', daysAgo: 3300 },
        { label: 'Alcohol', daysAgo: 3290 },
      ],
      checkInsOutOf60: 35,
    },
  },
  trail_mix: { recovery: { counters: [{ label: 'Cannabis', daysAgo: 3 }], checkInsOutOf60: 3 } },
  kintsugi: {
    recovery: {
      counters: [
        { label: 'Alcohol', daysAgo: 200 },
        { label: 'Disordered eating', daysAgo: 61 },
      ],
      checkInsOutOf60: 55,
    },
    shares: [{ counter: 1, milestone: 'days:60', note: 'Sixty days of feeding myself with kindness.' }],
  },
};

/** Who congratulates whom: [from, to (the sharer), reaction and note]. */
const demoCongratulations: Array<[string, string, CongratulationInput]> = [
  ['steady-oak', 'morning_coffee', { reaction: 'congratulations', note: 'A whole year! See you Tuesday.' }],
  ['luz_del_dia', 'morning_coffee', { reaction: 'proud_of_you' }],
  ['peer_coach_ray', 'morning_coffee', { reaction: 'inspired', note: 'This is what recovery looks like.' }],
  ['morning_coffee', 'quiet_river', { reaction: 'sending_love', note: 'Keep coming back.' }],
  ['grateful_grace', 'quiet_river', { reaction: 'congratulations' }],
  ['peer_coach_ray', 'northern_lights', { reaction: 'sending_love', note: 'Proud of you for starting again.' }],
  ['kintsugi', 'northern_lights', { reaction: 'proud_of_you' }],
  ['one_day_at_a_time', 'steady-oak', { reaction: 'congratulations' }],
  ['northern_lights', 'luz_del_dia', { reaction: 'inspired', note: '¡Felicidades!' }],
  ['morning_coffee', 'kintsugi', { reaction: 'proud_of_you', note: 'Gold in the cracks.' }],
];

/** Fills an empty database with the demo community; returns the shared demo password. */
export async function seedDemoCommunity(ctx: ServiceContext): Promise<{ password: string; handles: string[] }> {
  if ((await countMembers(ctx)) > 0) {
    throw new AppError('conflict', 'The database already has members; seed-demo only fills an empty database.');
  }
  // Random per seed, so no demo deployment shares a known password.
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const authByHandle = new Map<string, Auth>();
  const sharedIdByHandle = new Map<string, string>();
  for (const [index, member] of demoMembers.entries()) {
    const { user, session } = await signUp(ctx, { handle: member.handle, password }, 'seed-demo');
    const auth = { user, session };
    authByHandle.set(member.handle, auth);
    await updateOwnProfile(ctx, auth, profileUpdateInputSchema.parse(member.profile));
    const { recovery, shares } = demoRecovery[member.handle] ?? {};
    if (!recovery) continue;
    const counterIds = await seedMemberRecovery(ctx, auth, recovery, index);
    for (const share of shares ?? []) {
      const shared = await shareMilestone(ctx, auth, counterIds[share.counter]!, share.milestone, share.note ?? null);
      sharedIdByHandle.set(member.handle, shared.id);
    }
  }
  for (const [from, to, congratulation] of demoCongratulations) {
    await congratulateMilestone(ctx, authByHandle.get(from)!, sharedIdByHandle.get(to)!, congratulation);
  }
  await seedDemoForums(ctx, authByHandle);
  return { password, handles: demoMembers.map((member) => member.handle) };
}
