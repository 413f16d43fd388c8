import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MemberRole } from '@kindred/common/accounts';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    handle: text().notNull(),
    /** Optional, never shown to anyone but the member. */
    email: text(),
    passwordHash: text().notNull(),
    role: text().$type<MemberRole>().notNull().default('member'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set by a moderator: no sign-in until then (every session ended when it was set). */
    suspendedUntil: timestamp({ withTimezone: true }),
  },
  (table) => [uniqueIndex('users_handle_lower_unique').on(sql`lower(${table.handle})`)],
);

/** Sign-in sessions. Only a SHA-256 hash of the cookie's token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_user_id_idx').on(table.userId)],
);
