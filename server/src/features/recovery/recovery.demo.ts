/**
 * Demo recovery data for `seed-demo`: counters with earlier starts, two months of check-ins, a plan
 * and journal entries. Past check-ins cannot be written through the API (only today's can), so the
 * demo writes them here, inside the recovery area.
 */
import { commonTriggers, type RecoveryPlanInput } from '@kindred/common/recovery';
import { recoveryPlanInputSchema } from '@kindred/common/recovery';
import type { ServiceContext } from '../../platform/context.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import { findMemberTimeZone } from '../profiles/profiles.service.ts';
import { insertCounter, insertJournalEntry, insertStreak, upsertCheckIn } from './recovery.queries.ts';
import { saveOwnPlan } from './recovery.service.ts';
import { addDays, todayIn } from './recovery.time.ts';

export type DemoRecovery = {
  counters: Array<{ label: string; daysAgo: number; earlierStreak?: { startedDaysAgo: number } }>;
  /** How many of the last 60 days have a check-in, roughly (0 for none). */
  checkInsOutOf60?: number;
  plan?: RecoveryPlanInput;
  journal?: Array<{ daysAgo: number; title?: string; body: string }>;
};

const gratitudes = [
  'My morning walk',
  'A call from my sister',
  'Coffee after the meeting',
  'Sleeping through the night',
  'My dog',
];
const reviews = [
  'Busy day, but I stayed close to my plan.',
  'Hard afternoon. Called someone and it passed.',
  'Good day.',
];

/** Writes one demo member's recovery data; returns their counter ids, oldest first. */
export async function seedMemberRecovery(
  ctx: ServiceContext,
  auth: Auth,
  demo: DemoRecovery,
  memberIndex: number,
): Promise<string[]> {
  const userId = auth.user.id;
  const today = todayIn(await findMemberTimeZone(ctx, userId));
  const counterIds: string[] = [];
  for (const counter of demo.counters) {
    const startedOn = addDays(today, -counter.daysAgo);
    const earlier = counter.earlierStreak;
    const row = await insertCounter(ctx.db, { userId, label: counter.label, startedOn, startedAt: null });
    if (earlier) {
      await insertStreak(ctx.db, {
        counterId: row.id,
        userId,
        startedOn: addDays(today, -earlier.startedDaysAgo),
        endedOn: startedOn,
      });
    }
    counterIds.push(row.id);
  }
  const wanted = demo.checkInsOutOf60 ?? 0;
  for (let daysAgo = 59; wanted > 0 && daysAgo >= 0; daysAgo -= 1) {
    // A steady, believable pattern: mostly checked in, cravings easing over the weeks.
    if (((daysAgo + memberIndex) * 7) % 60 >= wanted) continue;
    const wave = (daysAgo + memberIndex) % 5;
    await upsertCheckIn(ctx.db, userId, addDays(today, -daysAgo), {
      mood: Math.min(5, 2 + (wave % 4) + (daysAgo < 20 ? 1 : 0)),
      craving: Math.max(0, Math.round(daysAgo / 10) + (wave % 3) - 1),
      triggers: wave === 0 ? [] : [commonTriggers[(daysAgo + memberIndex) % commonTriggers.length]!],
      pledged: wave !== 4,
      dayRating: wave === 3 ? 'hard' : wave === 1 ? 'mixed' : 'well',
      eveningReview: reviews[wave % reviews.length]!,
      gratitude: gratitudes[(daysAgo + memberIndex) % gratitudes.length]!,
    });
  }
  if (demo.plan) await saveOwnPlan(ctx, auth, recoveryPlanInputSchema.parse(demo.plan));
  for (const entry of demo.journal ?? []) {
    await insertJournalEntry(ctx.db, {
      userId,
      writtenOn: addDays(today, -entry.daysAgo),
      title: entry.title ?? null,
      body: entry.body,
    });
  }
  return counterIds;
}
