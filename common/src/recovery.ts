/**
 * My recovery: counters and milestones, daily check-ins, the recovery plan, the journal, and
 * milestones shared with the community. All of it is the member's private data unless they share it.
 */
import { z } from 'zod';
import { localTimeSchema, plainDateSchema } from './calendar.ts';
import { optionalText, requiredText } from './text.ts';

/* ----------------------------------------------------------------- shared field shapes */

/** A list of short texts from a form: trimmed, blanks dropped, repeats removed. */
const textList = (maxItems: number, maxLength: number, label: string) =>
  z
    .array(z.string().trim().max(maxLength, `Each ${label} has at most ${maxLength} characters.`))
    .max(maxItems, `Add at most ${maxItems} ${label}s.`)
    .transform((items) => [...new Set(items.filter((item) => item !== ''))]);

export const recoveryIdParamsSchema = z.object({ id: z.uuid('Not found.') });

/* ----------------------------------------------------------------- counters and milestones */

export const COUNTER_LABEL_MAX_LENGTH = 60;
export const COUNTER_NOTE_MAX_LENGTH = 500;
export const MAX_COUNTERS = 20;

/** Suggestions offered in the form; a member may use their own words. */
export const counterLabelSuggestions = [
  'Alcohol',
  'Opioids',
  'Stimulants',
  'Cannabis',
  'Benzodiazepines',
  'Nicotine',
  'Gambling',
  'Gaming',
  'Self-harm',
  'Disordered eating',
] as const;

export const counterInputSchema = z
  .object({
    label: requiredText(COUNTER_LABEL_MAX_LENGTH, 'A name'),
    startedOn: plainDateSchema,
    startedAt: localTimeSchema.nullable().optional().describe('Optional start time, HH:MM'),
  })
  .strict();
export type CounterInput = z.input<typeof counterInputSchema>;

/** Corrects a counter (a typo in the name or date); a slip is a reset, not an edit. */
export const counterUpdateSchema = counterInputSchema.partial().strict();
export type CounterUpdate = z.input<typeof counterUpdateSchema>;

export const counterResetInputSchema = z
  .object({
    restartedOn: plainDateSchema.describe('The day the new start begins; usually today'),
    restartedAt: localTimeSchema.nullable().optional(),
    note: optionalText(COUNTER_NOTE_MAX_LENGTH, 'A note').optional().describe('A private note for yourself'),
  })
  .strict();
export type CounterResetInput = z.input<typeof counterResetInputSchema>;

/** Milestone keys: "hours:24", "days:7", "months:6", "years:1" … */
export const milestoneKeySchema = z
  .string()
  .regex(/^(hours:24|days:(7|14|30|60|90)|months:(6|9|18)|years:[1-9]\d{0,2})$/, 'Unknown milestone.');

export const milestoneSchema = z.object({
  key: z.string(),
  label: z.string().describe('"24 hours", "30 days", "6 months", "1 year"'),
  date: z.string().describe('The calendar day it arrives, in the member’s zone'),
  at: z.iso.datetime().describe('The moment it arrives'),
  isReached: z.boolean(),
  daysUntil: z.number().int().describe('0 on the day itself; negative once passed'),
  sharedMilestoneId: z.string().nullable().describe('Set when the member shared it with the community'),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const spanSchema = z.object({
  years: z.number().int(),
  months: z.number().int(),
  days: z.number().int(),
});
export type Span = z.infer<typeof spanSchema>;

export const streakSchema = z.object({
  startedOn: z.string(),
  endedOn: z.string(),
  days: z.number().int(),
  note: z.string().nullable(),
});
export type Streak = z.infer<typeof streakSchema>;

export const counterSchema = z.object({
  id: z.string(),
  label: z.string(),
  startedOn: z.string(),
  startedAt: z.string().nullable(),
  days: z.number().int().describe('Whole days since the start'),
  span: spanSchema.describe('Calendar-true years, months and days'),
  nextMilestone: milestoneSchema,
  reachedMilestones: z.array(milestoneSchema).describe('Milestones of the current start, newest first'),
  upcomingMilestones: z.array(milestoneSchema).describe('The next few milestones'),
  earlierStreaks: z.array(streakSchema).describe('Earlier starts, newest first'),
  totalDays: z.number().int().describe('Days in recovery over every start, this one included'),
  longestStreakDays: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Counter = z.infer<typeof counterSchema>;

export const counterResponseSchema = z.object({ counter: counterSchema });
export const counterListResponseSchema = z.object({
  today: z.string().describe('Today in the member’s time zone'),
  timeZone: z.string(),
  counters: z.array(counterSchema),
});
export type CounterList = z.infer<typeof counterListResponseSchema>;

/* ----------------------------------------------------------------- daily check-ins */

export const MOOD_MIN = 1;
export const MOOD_MAX = 5;
export const CRAVING_MIN = 0;
export const CRAVING_MAX = 10;
export const CUSTOM_TRIGGER_MAX_LENGTH = 40;
export const MAX_TRIGGERS = 20;
export const CHECK_IN_TEXT_MAX_LENGTH = 2000;

export const moodLabels: Record<number, string> = {
  1: 'Very low',
  2: 'Low',
  3: 'Okay',
  4: 'Good',
  5: 'Great',
};

/** Triggers offered as choices; a member may add their own words. */
export const commonTriggers = [
  'stress',
  'loneliness',
  'conflict',
  'places',
  'people',
  'celebrations',
  'boredom',
  'pain',
  'tiredness',
  'hunger',
  'anger',
  'money',
] as const;
export type CommonTrigger = (typeof commonTriggers)[number];

export const triggerLabels: Record<CommonTrigger, string> = {
  stress: 'Stress',
  loneliness: 'Loneliness',
  conflict: 'Conflict',
  places: 'Places',
  people: 'People',
  celebrations: 'Celebrations',
  boredom: 'Boredom',
  pain: 'Pain',
  tiredness: 'Tiredness',
  hunger: 'Hunger',
  anger: 'Anger',
  money: 'Money worries',
};

/** How a trigger reads to a person: the label of a common one, or the member's own words. */
export function triggerLabel(trigger: string): string {
  return (triggerLabels as Record<string, string>)[trigger] ?? trigger;
}

export const dayRatings = ['well', 'mixed', 'hard'] as const;
export type DayRating = (typeof dayRatings)[number];
export const dayRatingLabels: Record<DayRating, string> = {
  well: 'It went well',
  mixed: 'Some ups and downs',
  hard: 'It was hard',
};

export const triggerSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'A trigger cannot be empty.')
  .max(CUSTOM_TRIGGER_MAX_LENGTH, `A trigger has at most ${CUSTOM_TRIGGER_MAX_LENGTH} characters.`);

export const checkInInputSchema = z
  .object({
    mood: z
      .number()
      .int('Choose a mood from 1 to 5.')
      .min(MOOD_MIN, 'Choose a mood from 1 to 5.')
      .max(MOOD_MAX, 'Choose a mood from 1 to 5.')
      .nullable(),
    craving: z
      .number()
      .int('Choose a craving from 0 to 10.')
      .min(CRAVING_MIN, 'Choose a craving from 0 to 10.')
      .max(CRAVING_MAX, 'Choose a craving from 0 to 10.')
      .nullable(),
    triggers: z
      .array(triggerSchema)
      .max(MAX_TRIGGERS, `Choose at most ${MAX_TRIGGERS} triggers.`)
      .transform((triggers) => [...new Set(triggers)]),
    pledged: z.boolean().describe('"Today I commit to my recovery"'),
    dayRating: z.enum(dayRatings).nullable(),
    eveningReview: optionalText(CHECK_IN_TEXT_MAX_LENGTH, 'The evening review'),
    gratitude: optionalText(CHECK_IN_TEXT_MAX_LENGTH, 'Gratitude'),
    notes: optionalText(CHECK_IN_TEXT_MAX_LENGTH, 'Notes'),
  })
  .partial()
  .strict();
export type CheckInInput = z.input<typeof checkInInputSchema>;
export type CheckInValues = z.output<typeof checkInInputSchema>;

export const checkInDayParamsSchema = z.object({ day: plainDateSchema });

export const checkInSchema = z.object({
  day: z.string(),
  mood: z.number().int().nullable(),
  craving: z.number().int().nullable(),
  triggers: z.array(z.string()),
  pledged: z.boolean(),
  dayRating: z.enum(dayRatings).nullable(),
  eveningReview: z.string().nullable(),
  gratitude: z.string().nullable(),
  notes: z.string().nullable(),
  isEditable: z.boolean().describe('True only on its own day'),
  updatedAt: z.iso.datetime(),
});
export type CheckIn = z.infer<typeof checkInSchema>;

export const checkInResponseSchema = z.object({ checkIn: checkInSchema });
export const todayCheckInResponseSchema = z.object({
  today: z.string(),
  checkIn: checkInSchema.nullable(),
});
export type TodayCheckIn = z.infer<typeof todayCheckInResponseSchema>;

export const MAX_CHECK_IN_RANGE_DAYS = 366;
export const checkInRangeQuerySchema = z
  .object({ from: plainDateSchema, to: plainDateSchema })
  .refine((range) => range.from <= range.to, { message: 'The start comes after the end.', path: ['from'] })
  .refine(
    (range) =>
      (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 <
      MAX_CHECK_IN_RANGE_DAYS,
    { message: `Ask for at most ${MAX_CHECK_IN_RANGE_DAYS} days at once.`, path: ['to'] },
  );
export const checkInListResponseSchema = z.object({ checkIns: z.array(checkInSchema) });

export const checkInSummaryQuerySchema = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((days) => days === 30 || days === 90, 'Choose 30 or 90 days.')
    .default(30),
});
export const checkInSummarySchema = z.object({
  today: z.string(),
  from: z.string().describe('First day of the window'),
  days: z.number().int(),
  currentStreak: z.number().int().describe('Days in a row with a check-in, ending today (or yesterday)'),
  longestStreak: z.number().int(),
  checkInCount: z.number().int(),
  averageMood: z.number().nullable(),
  averageCraving: z.number().nullable(),
  series: z
    .array(z.object({ day: z.string(), mood: z.number().int().nullable(), craving: z.number().int().nullable() }))
    .describe('One entry per day of the window, oldest first; null where there was no answer'),
  triggerCounts: z.array(z.object({ trigger: z.string(), label: z.string(), count: z.number().int() })),
});
export type CheckInSummary = z.infer<typeof checkInSummarySchema>;

/* ----------------------------------------------------------------- recovery plan */

/** Well-known coping strategies a member can pick for their plan. */
export const copingStrategies = [
  {
    code: 'urge_surfing',
    name: 'Urge surfing',
    description: 'Notice the craving like a wave: it rises, peaks and passes, usually within 30 minutes.',
  },
  {
    code: 'halt',
    name: 'HALT check',
    description: 'Am I Hungry, Angry, Lonely or Tired? Take care of that first.',
  },
  { code: 'call_someone', name: 'Call someone', description: 'Reach out to a person on my list before acting.' },
  {
    code: 'leave_the_situation',
    name: 'Leave the situation',
    description: 'Walk away from the place or the people that put my recovery at risk.',
  },
  {
    code: 'play_the_tape_forward',
    name: 'Play the tape forward',
    description: 'Picture how it really goes after the first one: tonight, tomorrow, next week.',
  },
  { code: 'go_to_a_meeting', name: 'Go to a meeting', description: 'In person or online, today.' },
  {
    code: 'delay_and_distract',
    name: 'Delay and distract',
    description: 'Wait 15 minutes and do something else; the urge often fades.',
  },
  { code: 'breathing', name: 'Slow breathing', description: 'Breathe in for 4, hold for 4, out for 6, a few times.' },
  {
    code: 'grounding',
    name: '5-4-3-2-1 grounding',
    description: 'Name 5 things I see, 4 I hear, 3 I can touch, 2 I smell, 1 I taste.',
  },
  { code: 'move_my_body', name: 'Move my body', description: 'A walk, a run, stretching: anything that moves.' },
  { code: 'pray_or_meditate', name: 'Pray or meditate', description: 'A few quiet minutes.' },
  { code: 'write_it_down', name: 'Write it down', description: 'Put the feeling into words in my journal.' },
  { code: 'eat_and_rest', name: 'Eat and rest', description: 'A real meal, water, and sleep.' },
  {
    code: 'remember_my_reasons',
    name: 'Remember my reasons',
    description: 'Read my reasons for recovery out loud.',
  },
] as const;
export type CopingStrategyCode = (typeof copingStrategies)[number]['code'];
const copingStrategyCodes = new Set<string>(copingStrategies.map((strategy) => strategy.code));
export function isCopingStrategyCode(text: string): text is CopingStrategyCode {
  return copingStrategyCodes.has(text);
}

export const PLAN_ITEM_MAX_LENGTH = 300;
export const PLAN_MAX_ITEMS = 30;
export const CONTACT_NAME_MAX_LENGTH = 80;
export const CONTACT_PHONE_MAX_LENGTH = 40;
export const CONTACT_NOTE_MAX_LENGTH = 120;

export const supportContactSchema = z
  .object({
    name: requiredText(CONTACT_NAME_MAX_LENGTH, 'A name'),
    phone: z
      .string()
      .trim()
      .max(CONTACT_PHONE_MAX_LENGTH, `A phone number has at most ${CONTACT_PHONE_MAX_LENGTH} characters.`)
      .regex(/^[0-9+()\-.\s#*]*$/, 'A phone number has digits, spaces and + ( ) - only.')
      .transform((text) => (text === '' ? null : text))
      .nullable()
      .optional()
      .transform((text) => text ?? null),
    note: optionalText(CONTACT_NOTE_MAX_LENGTH, 'A note')
      .optional()
      .transform((text) => text ?? null)
      .describe('e.g. "my sponsor", "my counsellor", "call after 6 pm"'),
  })
  .strict();
export type SupportContact = z.output<typeof supportContactSchema>;

export const recoveryPlanInputSchema = z
  .object({
    triggers: textList(PLAN_MAX_ITEMS, PLAN_ITEM_MAX_LENGTH, 'trigger'),
    warningSigns: textList(PLAN_MAX_ITEMS, PLAN_ITEM_MAX_LENGTH, 'warning sign'),
    copingStrategies: z
      .array(z.enum(copingStrategies.map((strategy) => strategy.code) as [CopingStrategyCode]))
      .max(copingStrategies.length)
      .transform((codes) => [...new Set(codes)]),
    ownCopingStrategies: textList(PLAN_MAX_ITEMS, PLAN_ITEM_MAX_LENGTH, 'coping strategy'),
    reasons: textList(PLAN_MAX_ITEMS, PLAN_ITEM_MAX_LENGTH, 'reason'),
    peopleToCall: z.array(supportContactSchema).max(PLAN_MAX_ITEMS, `Add at most ${PLAN_MAX_ITEMS} people.`),
    safePlaces: textList(PLAN_MAX_ITEMS, PLAN_ITEM_MAX_LENGTH, 'safe place'),
    professionalContacts: z.array(supportContactSchema).max(PLAN_MAX_ITEMS, `Add at most ${PLAN_MAX_ITEMS} contacts.`),
  })
  .strict();
export type RecoveryPlanInput = z.input<typeof recoveryPlanInputSchema>;
export type RecoveryPlanValues = z.output<typeof recoveryPlanInputSchema>;

export const recoveryPlanSchema = z.object({
  triggers: z.array(z.string()),
  warningSigns: z.array(z.string()),
  copingStrategies: z.array(z.string()),
  ownCopingStrategies: z.array(z.string()),
  reasons: z.array(z.string()),
  peopleToCall: z.array(z.object({ name: z.string(), phone: z.string().nullable(), note: z.string().nullable() })),
  safePlaces: z.array(z.string()),
  professionalContacts: z.array(
    z.object({ name: z.string(), phone: z.string().nullable(), note: z.string().nullable() }),
  ),
  updatedAt: z.iso.datetime().nullable().describe('Null until the member first saves the plan'),
});
export type RecoveryPlan = z.infer<typeof recoveryPlanSchema>;
export const recoveryPlanResponseSchema = z.object({ plan: recoveryPlanSchema });

/* ----------------------------------------------------------------- journal */

export const JOURNAL_TITLE_MAX_LENGTH = 120;
export const JOURNAL_BODY_MAX_LENGTH = 20_000;
export const JOURNAL_SEARCH_MAX_LENGTH = 200;

export const journalEntryInputSchema = z
  .object({
    writtenOn: plainDateSchema.optional().describe('Defaults to today; never in the future'),
    title: optionalText(JOURNAL_TITLE_MAX_LENGTH, 'A title').optional(),
    body: requiredText(JOURNAL_BODY_MAX_LENGTH, 'The entry'),
  })
  .strict();
export type JournalEntryInput = z.input<typeof journalEntryInputSchema>;
export const journalEntryUpdateSchema = journalEntryInputSchema.partial().strict();
export type JournalEntryUpdate = z.input<typeof journalEntryUpdateSchema>;

export const journalEntrySchema = z.object({
  id: z.string(),
  writtenOn: z.string(),
  title: z.string().nullable(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const journalListQuerySchema = z.object({
  q: z.string().trim().max(JOURNAL_SEARCH_MAX_LENGTH).optional().describe('Words to search for'),
  cursor: z.string().max(200).optional(),
});
export const journalEntryResponseSchema = z.object({ entry: journalEntrySchema });
export const journalListResponseSchema = z.object({
  entries: z.array(journalEntrySchema),
  nextCursor: z.string().nullable(),
});
export type JournalList = z.infer<typeof journalListResponseSchema>;

/* ----------------------------------------------------------------- celebrating together */

export const CONGRATULATION_NOTE_MAX_LENGTH = 280;

export const congratulationReactions = ['congratulations', 'proud_of_you', 'inspired', 'sending_love'] as const;
export type CongratulationReaction = (typeof congratulationReactions)[number];
export const congratulationReactionLabels: Record<CongratulationReaction, { emoji: string; label: string }> = {
  congratulations: { emoji: '🎉', label: 'Congratulations' },
  proud_of_you: { emoji: '🌟', label: 'Proud of you' },
  inspired: { emoji: '💪', label: 'You inspire me' },
  sending_love: { emoji: '💛', label: 'Sending love' },
};

export const shareMilestoneInputSchema = z
  .object({
    note: optionalText(CONGRATULATION_NOTE_MAX_LENGTH, 'A note').optional().describe('A few words to the community'),
  })
  .strict();
export type ShareMilestoneInput = z.input<typeof shareMilestoneInputSchema>;
export const shareMilestoneParamsSchema = z.object({ id: z.uuid('Not found.'), key: milestoneKeySchema });

export const congratulationInputSchema = z
  .object({
    reaction: z.enum(congratulationReactions).nullable().optional(),
    note: optionalText(CONGRATULATION_NOTE_MAX_LENGTH, 'A note').optional(),
  })
  .strict()
  .refine((input) => Boolean(input.reaction) || Boolean(input.note), {
    message: 'Choose a reaction or write a short note.',
    path: ['reaction'],
  });
export type CongratulationInput = z.input<typeof congratulationInputSchema>;

export const congratulationSchema = z.object({
  handle: z.string(),
  reaction: z.enum(congratulationReactions).nullable(),
  note: z.string().nullable(),
});
export type Congratulation = z.infer<typeof congratulationSchema>;

/** A shared milestone as the community sees it: handle, milestone and note, never a date. */
export const sharedMilestoneSchema = z.object({
  id: z.string(),
  handle: z.string(),
  milestone: z.string().describe('"30 days", "1 year"'),
  note: z.string().nullable(),
  isMine: z.boolean(),
  reactionCounts: z.record(z.enum(congratulationReactions), z.number().int()),
  congratulations: z.array(congratulationSchema).describe('Newest first, at most 50'),
  congratulationCount: z.number().int(),
  myCongratulation: congratulationSchema.nullable(),
});
export type SharedMilestone = z.infer<typeof sharedMilestoneSchema>;

export const sharedMilestoneResponseSchema = z.object({ milestone: sharedMilestoneSchema });
export const milestoneFeedQuerySchema = z.object({ cursor: z.string().max(200).optional() });
export const milestoneFeedResponseSchema = z.object({
  milestones: z.array(sharedMilestoneSchema),
  nextCursor: z.string().nullable(),
});
export type MilestoneFeed = z.infer<typeof milestoneFeedResponseSchema>;
