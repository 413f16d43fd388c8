import type { Notification } from '@kindred/common/notifications';
import type { NotificationRow } from './notifications.queries.ts';

/** Who did it, as the recipient may know: never the handle of someone who acted anonymously. */
function describeActor(row: NotificationRow, handles: ReadonlyMap<string, string>): string {
  if (row.isActorAnonymous) return 'An anonymous member';
  const handle = row.actorId ? handles.get(row.actorId) : undefined;
  return handle ? `@${handle}` : 'A member';
}

function sentenceFor(row: NotificationRow, actor: string): string {
  const title = `“${row.subjectTitle ?? 'a topic'}”`;
  switch (row.kind) {
    case 'topic_replied':
      return `${actor} replied to your topic ${title}`;
    case 'followed_topic_replied':
      return `${actor} replied in ${title}, a topic you follow`;
    case 'post_replied':
      return `${actor} replied to your post in ${title}`;
    case 'post_reacted':
      return `${actor} sent “${row.message ?? 'a reaction'}” on your post in ${title}`;
    case 'mentioned':
      return `${actor} mentioned you in ${title}`;
    case 'moderator_warning':
      return `A message from the moderators: ${row.message ?? ''}`.trim();
    case 'content_hidden':
      return `A moderator hid your post in ${title}${row.message ? `: ${row.message}` : ''}`;
  }
}

export function presentNotification(row: NotificationRow, handles: ReadonlyMap<string, string>): Notification {
  return {
    id: row.id,
    kind: row.kind,
    text: sentenceFor(row, describeActor(row, handles)),
    link: row.link,
    isRead: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}
