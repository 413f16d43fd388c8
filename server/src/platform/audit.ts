/** The audit trail: every read of another person's sensitive data, every administrative act. */
import { desc, eq, like } from 'drizzle-orm';
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
  | 'meeting.removed'
  | 'community.category_created'
  | 'community.category_changed'
  | 'community.category_removed'
  | 'moderation.post_hidden'
  | 'moderation.post_unhidden'
  | 'moderation.post_deleted'
  | 'moderation.topic_changed'
  | 'moderation.member_warned'
  | 'moderation.member_suspended'
  | 'moderation.member_unsuspended'
  | 'moderation.item_resolved'
  | 'moderation.hidden_by_reports';

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

/** The newest events whose action starts with a prefix (the moderation log: "moderation."). */
export async function listAuditEventsByActionPrefix(db: Database, prefix: string, limit: number) {
  return db
    .select()
    .from(auditEvents)
    .where(like(auditEvents.action, `${prefix.replace(/[%_\\]/g, '\\$&')}%`))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit);
}
