/**
 * The safety platform's shared shapes: reports, blocks, the moderation queue and moderators'
 * actions. Groups and mentorship reuse them (a message is one more subject kind).
 */
import { z } from 'zod';
import { optionalText, requiredText } from './text.ts';

export const REPORT_NOTE_MAX_LENGTH = 1000;
export const MODERATION_REASON_MAX_LENGTH = 500;

/** What can be reported. Later areas add message kinds here. */
export const reportSubjectKinds = ['post', 'profile'] as const;
export type ReportSubjectKind = (typeof reportSubjectKinds)[number];

export const reportReasons = ['harassment', 'hate', 'spam', 'selling', 'unsafe_advice', 'crisis', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];
export const reportReasonLabels: Record<ReportReason, string> = {
  harassment: 'Harassment or bullying',
  hate: 'Hate or discrimination',
  spam: 'Spam or advertising',
  selling: 'Offering or selling drugs or alcohol',
  unsafe_advice: 'Dangerous or unsafe advice',
  crisis: 'Someone may be in danger',
  other: 'Something else',
};

export const reportInputSchema = z
  .object({
    subjectKind: z.enum(reportSubjectKinds),
    subjectId: z.string().trim().min(1).max(100).describe('A post id, or a member handle'),
    reason: z.enum(reportReasons),
    note: optionalText(REPORT_NOTE_MAX_LENGTH, 'A note')
      .optional()
      .transform((note) => note ?? null),
  })
  .strict();
export type ReportInput = z.input<typeof reportInputSchema>;
export const reportCreatedResponseSchema = z.object({
  report: z.object({ id: z.uuid(), message: z.string() }),
});

export const blockSchema = z.object({ handle: z.string(), blockedAt: z.iso.datetime() });
export type Block = z.infer<typeof blockSchema>;
export const blockListResponseSchema = z.object({ blocks: z.array(blockSchema) });
export type BlockList = z.infer<typeof blockListResponseSchema>;

/* ----------------------------------------------------------------- the queue */

export const moderationItemKinds = ['report', 'crisis', 'flagged'] as const;
export type ModerationItemKind = (typeof moderationItemKinds)[number];

export const moderationQueueQuerySchema = z.object({
  status: z.enum(['open', 'resolved']).default('open'),
  cursor: z.string().max(200).optional(),
});

export const moderationReportSchema = z.object({
  reason: z.enum(reportReasons),
  note: z.string().nullable(),
  reporterHandle: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const moderationSubjectSchema = z.object({
  kind: z.enum(reportSubjectKinds),
  id: z.string(),
  memberHandle: z
    .string()
    .nullable()
    .describe('Who wrote it or whose profile it is (moderators see anonymous authors)'),
  memberSuspendedUntil: z.iso.datetime().nullable(),
  postedAnonymously: z.boolean(),
  bodyHtml: z.string().nullable(),
  topic: z.object({ id: z.uuid(), title: z.string(), isLocked: z.boolean(), categoryId: z.uuid() }).nullable(),
  postNumber: z.number().int().nullable(),
  isHidden: z.boolean(),
  isDeleted: z.boolean(),
  link: z.string().nullable(),
});

export const moderationItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(moderationItemKinds),
  isPriority: z.boolean().describe('Crisis language or a report that someone may be in danger'),
  crisisKinds: z.array(z.string()),
  subject: moderationSubjectSchema,
  reports: z.array(moderationReportSchema),
  createdAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().nullable(),
  resolvedByHandle: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type ModerationItem = z.infer<typeof moderationItemSchema>;
export const moderationQueueResponseSchema = z.object({
  items: z.array(moderationItemSchema),
  nextCursor: z.string().nullable(),
  openCount: z.number().int(),
});
export type ModerationQueue = z.infer<typeof moderationQueueResponseSchema>;

export const resolveItemInputSchema = z
  .object({ resolution: requiredText(MODERATION_REASON_MAX_LENGTH, 'What was done') })
  .strict();

const reasonSchema = requiredText(MODERATION_REASON_MAX_LENGTH, 'A reason');
export const moderationReasonInputSchema = z.object({ reason: reasonSchema }).strict();
export type ModerationReasonInput = z.input<typeof moderationReasonInputSchema>;

export const topicModerationInputSchema = z
  .object({
    reason: reasonSchema,
    isLocked: z.boolean().optional(),
    isPinned: z.boolean().optional(),
    isHidden: z.boolean().optional(),
    categoryId: z.uuid('Choose a category.').optional().describe('Move the topic'),
  })
  .strict();
export type TopicModerationInput = z.input<typeof topicModerationInputSchema>;

export const warnMemberInputSchema = z
  .object({ reason: reasonSchema, message: requiredText(MODERATION_REASON_MAX_LENGTH, 'A message to the member') })
  .strict();
export type WarnMemberInput = z.input<typeof warnMemberInputSchema>;

export const suspendMemberInputSchema = z
  .object({
    reason: reasonSchema,
    days: z.number().int().min(1, 'At least 1 day.').max(365, 'At most 365 days.'),
  })
  .strict();
export type SuspendMemberInput = z.input<typeof suspendMemberInputSchema>;

export const moderationActionSchema = z.object({
  action: z.string(),
  moderatorHandle: z.string().nullable(),
  memberHandle: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.iso.datetime(),
  details: z.record(z.string(), z.unknown()),
});
export const moderationLogResponseSchema = z.object({ actions: z.array(moderationActionSchema) });
export type ModerationLog = z.infer<typeof moderationLogResponseSchema>;
