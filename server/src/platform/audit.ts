/** The audit trail: every read of another person's sensitive data, every administrative act. */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditEvents } from './audit.tables.ts';

export type AuditAction =
  | 'profile.recovering_from_viewed'
  | 'recovery.viewed'
  | 'member.made_admin'
  | 'member.role_changed'
  | 'account.deleted'
  | 'account.password_changed'
  | 'meeting.entered'
  | 'meeting.changed'
  | 'meeting.removed';

/** Writes one audit row. Call it inside the transaction of the act it records. */
export async function recordAuditEvent(
  db: Database,
  event: { action: AuditAction; actorId: string | null; subjectId: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditEvents).values({
    action: event.action,
    actorId: event.actorId,
    subjectId: event.subjectId,
    details: event.details ?? {},
  });
}

/** What was recorded about a person (for their own data export). */
export async function listAuditEventsAbout(db: Database, subjectId: string) {
  const rows = await db
    .select({ action: auditEvents.action, createdAt: auditEvents.createdAt, details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.subjectId, subjectId))
    .orderBy(desc(auditEvents.createdAt))
    .limit(1000);
  return rows.map((row) => ({ action: row.action, at: row.createdAt.toISOString(), details: row.details }));
}
