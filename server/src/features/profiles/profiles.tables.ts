import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProfileVisibility, RecoveringFromVisibility, RecoveryPathway } from '@kindred/common/profiles';
import { users } from '../accounts/accounts.tables.ts';

/** One profile per member; the handle lives on users (accounts own identity). */
export const profiles = pgTable('profiles', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  displayName: text(),
  pronouns: text(),
  bio: text(),
  recoveryPathways: text()
    .array()
    .$type<RecoveryPathway[]>()
    .notNull()
    .default(sql`'{}'::text[]`),
  recoveringFrom: text(),
  recoveringFromVisibility: text().$type<RecoveringFromVisibility>().notNull().default('private'),
  languages: text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  timeZone: text().notNull().default('UTC'),
  profileVisibility: text().$type<ProfileVisibility>().notNull().default('members'),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
