import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { NotificationKind } from '@kindred/common/notifications';
import { users } from '../accounts/accounts.tables.ts';

/**
 * In-app notifications for every area. The sentence is written when read (the actor's handle may
 * change, or they may leave), from the kind, the actor and the subject title kept here.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    recipientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().$type<NotificationKind>().notNull(),
    /** Who caused it; kept even when they acted anonymously (for blocks), never shown then. */
    actorId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    isActorAnonymous: boolean().notNull().default(false),
    subjectTitle: text(),
    /** Free text written by a person for the recipient (a moderator's warning). */
    message: text(),
    link: text().notNull(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('notifications_recipient_idx').on(table.recipientId, table.createdAt, table.id)],
);
