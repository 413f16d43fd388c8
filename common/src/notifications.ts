/**
 * In-app notifications: one mechanism every area uses (replies, reactions, mentions, moderators'
 * warnings; later groups, mentorship, events). The server writes the sentence; the app shows it.
 */
import { z } from 'zod';

export const notificationKinds = [
  'topic_replied',
  'followed_topic_replied',
  'post_replied',
  'post_reacted',
  'mentioned',
  'moderator_warning',
  'content_hidden',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  text: z.string().describe('A sentence to show, e.g. "@river replied to “First week”"'),
  link: z.string().describe('An address inside Kindred, starting with /'),
  isRead: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({ cursor: z.string().max(200).optional() });
export const notificationListResponseSchema = z.object({
  notifications: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListResponseSchema>;

export const unreadCountResponseSchema = z.object({ unreadCount: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountResponseSchema>;

export const markNotificationsReadSchema = z
  .object({
    ids: z.array(z.uuid('Not found.')).max(100).optional().describe('These; or every one when left out'),
  })
  .strict();
export type MarkNotificationsRead = z.input<typeof markNotificationsReadSchema>;
