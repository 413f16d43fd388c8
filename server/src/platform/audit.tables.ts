import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../features/accounts/accounts.tables.ts';

/**
 * Who did what to whom: every read of another person's sensitive data and every
 * administrative act. Rows outlive their people (the ids become null on deletion).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    subjectId: uuid().references(() => users.id, { onDelete: 'set null' }),
    action: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_events_subject_id_idx').on(table.subjectId),
    index('audit_events_actor_id_idx').on(table.actorId),
  ],
);
