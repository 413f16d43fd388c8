import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CongratulationReaction, DayRating, SupportContact } from '@kindred/common/recovery';
import { users } from '../accounts/accounts.tables.ts';
import { tsvector } from '../../db/column-types.ts';

// Every table here holds one member's private recovery data and carries user_id, so that who may
// read it is decided by one policy (recovery.policy.ts) on the owner, and deleting a member removes it.

/** A recovery counter: one thing a member counts days away from, and when the current start began. */
export const recoveryCounters = pgTable(
  'recovery_counters',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    /** The local calendar day in the member's zone, not an instant: it must not move when they travel. */
    startedOn: date({ mode: 'string' }).notNull(),
    startedAt: time({ precision: 0 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('recovery_counters_user_idx').on(table.userId, table.createdAt)],
);

/** Earlier starts of a counter, kept when a member starts again after a slip. */
export const recoveryCounterStreaks = pgTable(
  'recovery_counter_streaks',
  {
    id: uuid().primaryKey().defaultRandom(),
    counterId: uuid()
      .notNull()
      .references(() => recoveryCounters.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startedOn: date({ mode: 'string' }).notNull(),
    startedAt: time({ precision: 0 }),
    endedOn: date({ mode: 'string' }).notNull(),
    endedAt: time({ precision: 0 }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('recovery_counter_streaks_counter_idx').on(table.counterId)],
);

/** One daily check-in per member and local day; the primary key makes two tabs write one row. */
export const checkIns = pgTable(
  'check_ins',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    mood: smallint(),
    craving: smallint(),
    triggers: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    pledged: boolean().notNull().default(false),
    dayRating: text().$type<DayRating>(),
    eveningReview: text(),
    gratitude: text(),
    notes: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.day] }),
    check('check_ins_mood_range', sql`${table.mood} between 1 and 5`),
    check('check_ins_craving_range', sql`${table.craving} between 0 and 10`),
  ],
);

const textList = () =>
  text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);

/** A member's relapse-prevention plan: one per member. */
export const recoveryPlans = pgTable('recovery_plans', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  triggers: textList(),
  warningSigns: textList(),
  copingStrategies: textList(),
  ownCopingStrategies: textList(),
  reasons: textList(),
  peopleToCall: jsonb().$type<SupportContact[]>().notNull().default([]),
  safePlaces: textList(),
  professionalContacts: jsonb().$type<SupportContact[]>().notNull().default([]),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** PostgreSQL's full-text document type (Drizzle has no built-in for it). */
/** Private journal entries. */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    writtenOn: date({ mode: 'string' }).notNull(),
    title: text(),
    body: text().notNull(),
    /**
     * The English full-text document of the entry, kept by PostgreSQL. Search reads one member's
     * entries (by the user index), so this saves re-parsing every entry on every search; a GIN
     * index would not be used beside the user filter and would only slow writes.
     */
    searchDocument: tsvector().generatedAlwaysAs(sql`to_tsvector('english', coalesce(title, '') || ' ' || body)`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('journal_entries_user_idx').on(table.userId, table.writtenOn, table.createdAt)],
);

/**
 * A milestone the member chose to share with the community. The start date stays private: the
 * feed shows handle, milestone and note; streak_started_on only stops the same milestone of the
 * same start being shared twice.
 */
export const sharedMilestones = pgTable(
  'shared_milestones',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    counterId: uuid()
      .notNull()
      .references(() => recoveryCounters.id, { onDelete: 'cascade' }),
    streakStartedOn: date({ mode: 'string' }).notNull(),
    milestoneKey: text().notNull(),
    milestoneLabel: text().notNull(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('shared_milestones_once').on(table.counterId, table.streakStartedOn, table.milestoneKey),
    index('shared_milestones_feed_idx').on(table.createdAt.desc(), table.id.desc()),
  ],
);

/** One congratulation per member per shared milestone: a reaction, a short note, or both. */
export const milestoneCongratulations = pgTable(
  'milestone_congratulations',
  {
    sharedMilestoneId: uuid()
      .notNull()
      .references(() => sharedMilestones.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reaction: text().$type<CongratulationReaction>(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.sharedMilestoneId, table.userId] }),
    index('milestone_congratulations_user_idx').on(table.userId),
  ],
);
