import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ModerationItemKind, ReportReason, ReportSubjectKind } from '@kindred/common/moderation';
import { users } from '../accounts/accounts.tables.ts';

/** A member blocking another: silent to the blocked one. */
export const memberBlocks = pgTable(
  'member_blocks',
  {
    blockerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.blockerId, table.blockedId] }),
    index('member_blocks_blocked_idx').on(table.blockedId),
  ],
);

/**
 * One item in the moderators' queue: the reports about one subject, a crisis alert, or content that
 * three members flagged. At most one open item per subject and kind.
 */
export const moderationItems = pgTable(
  'moderation_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().$type<ModerationItemKind>().notNull(),
    subjectKind: text().$type<ReportSubjectKind>().notNull(),
    /** A post id, or a member's user id for a profile. */
    subjectId: uuid().notNull(),
    /** Whose content or profile it is. */
    memberId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    isPriority: boolean().notNull().default(false),
    crisisKinds: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isOpen: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    resolution: text(),
  },
  (table) => [
    uniqueIndex('moderation_items_open_subject_unique')
      .on(table.subjectKind, table.subjectId, table.kind)
      .where(sql`is_open`),
    index('moderation_items_queue_idx').on(table.isOpen, table.isPriority, table.createdAt, table.id),
  ],
);

/** One member's report about a subject; several reports gather in one queue item. */
export const reports = pgTable(
  'reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => moderationItems.id, { onDelete: 'cascade' }),
    reporterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text().$type<ReportReason>().notNull(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('reports_item_reporter_unique').on(table.itemId, table.reporterId)],
);
