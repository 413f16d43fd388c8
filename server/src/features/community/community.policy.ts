/** Who may see and do what with community content. One place, so every route answers the same. */
import type { MemberRole } from '@kindred/common/accounts';
import { canModerate } from '../safety/safety.policy.ts';
import type { PostRow, TopicRow } from './community.queries.ts';

export type Viewer = { id: string; role: MemberRole };

/** An anonymous author is known to themself and to moderators, to nobody else. */
export function canSeeAuthor(viewer: Viewer, content: { authorId: string | null; isAnonymous: boolean }): boolean {
  return !content.isAnonymous || content.authorId === viewer.id || canModerate(viewer);
}

/** Hidden or deleted content is read only by its author (hidden) and moderators. */
export function canReadPostBody(viewer: Viewer, post: PostRow): boolean {
  if (canModerate(viewer)) return true;
  if (post.deletedAt) return false;
  return !post.hiddenAt || post.authorId === viewer.id;
}

/** A topic a member may open: not deleted, and not hidden unless they moderate (or wrote it). */
export function canReadTopic(viewer: Viewer, topic: TopicRow): boolean {
  if (topic.deletedAt) return canModerate(viewer);
  return !topic.hiddenAt || topic.authorId === viewer.id || canModerate(viewer);
}

export function canReplyToTopic(viewer: Viewer, topic: TopicRow): boolean {
  if (topic.deletedAt || topic.hiddenAt) return false;
  return !topic.isLocked || canModerate(viewer);
}

export function canEditPost(viewer: Viewer, post: PostRow): boolean {
  return post.authorId === viewer.id && !post.deletedAt && !post.hiddenAt;
}

export function canDeletePost(viewer: Viewer, post: PostRow): boolean {
  return !post.deletedAt && (post.authorId === viewer.id || canModerate(viewer));
}
