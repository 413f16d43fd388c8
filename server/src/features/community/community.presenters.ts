import {
  postReactions,
  type Author,
  type Category,
  type CommunityPreferences,
  type Post,
  type PostReaction,
  type TopicDetail,
  type TopicSummary,
} from '@kindred/common/community';
import type { MemberCard } from '../accounts/accounts.service.ts';
import { canModerate } from '../safety/safety.policy.ts';
import {
  canDeletePost,
  canEditPost,
  canReadPostBody,
  canReplyToTopic,
  canSeeAuthor,
  type Viewer,
} from './community.policy.ts';
import type { CategoryRow, PostRow, TopicRow } from './community.queries.ts';

/** What the presenters need to know beyond the rows: the authors, the viewer's choices. */
export type PresentingContext = {
  viewer: Viewer;
  members: ReadonlyMap<string, MemberCard>;
  preferences: CommunityPreferences;
  newMemberDays: number;
};

export function presentCategory(row: CategoryRow, topicCount: number, lastActivityAt: string | Date | null): Category {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    position: row.position,
    topicCount,
    lastActivityAt: lastActivityAt ? new Date(lastActivityAt).toISOString() : null,
  };
}

/** The author as this viewer may know them: an anonymous author's handle never leaves for others. */
export function presentAuthor(
  content: { authorId: string | null; isAnonymous: boolean },
  context: PresentingContext,
): Author {
  const { viewer } = context;
  const card = content.authorId ? context.members.get(content.authorId) : undefined;
  const isKnown = canSeeAuthor(viewer, content);
  const newSince = Date.now() - context.newMemberDays * 24 * 60 * 60 * 1000;
  return {
    handle: isKnown && card ? card.handle : null,
    isAnonymous: content.isAnonymous,
    isYou: content.authorId !== null && content.authorId === viewer.id,
    // Whether someone is new says something about who they are: not shown for anonymous posts.
    isNewMember: !content.isAnonymous && card !== undefined && card.createdAt.getTime() > newSince,
  };
}

/** Whether a story stays folded behind its warnings for this reader. */
export function isCollapsedFor(topic: TopicRow, preferences: CommunityPreferences): boolean {
  if (topic.contentWarnings.length === 0) return false;
  if (!preferences.expandWarnedStories) return true;
  return topic.contentWarnings.some((warning) => preferences.alwaysCollapsedWarnings.includes(warning));
}

export function presentTopicSummary(
  row: { topic: TopicRow; lastReadNumber: number | null; isFollowing: boolean },
  category: CategoryRow,
  context: PresentingContext,
): TopicSummary {
  const { topic } = row;
  return {
    id: topic.id,
    title: topic.title,
    kind: topic.kind,
    category: { id: category.id, slug: category.slug, name: category.name },
    author: presentAuthor(topic, context),
    contentWarnings: topic.contentWarnings,
    isCollapsed: isCollapsedFor(topic, context.preferences),
    isPinned: topic.isPinned,
    isLocked: topic.isLocked,
    isHidden: topic.hiddenAt !== null,
    replyCount: Math.max(0, topic.postCount - (topic.isArticleDiscussion ? 0 : 1)),
    createdAt: topic.createdAt.toISOString(),
    lastPostedAt: topic.lastPostedAt.toISOString(),
    isFollowing: row.isFollowing,
    unreadCount: Math.max(0, topic.postCount - (row.lastReadNumber ?? 0)),
    hasBeenRead: row.lastReadNumber !== null,
  };
}

export function presentTopicDetail(
  row: { topic: TopicRow; lastReadNumber: number | null; isFollowing: boolean },
  category: CategoryRow,
  articleSlug: string | null,
  context: PresentingContext,
): TopicDetail {
  return {
    ...presentTopicSummary(row, category, context),
    canModerate: canModerate(context.viewer),
    canReply: canReplyToTopic(context.viewer, row.topic),
    lastReadNumber: row.lastReadNumber ?? 0,
    articleSlug,
  };
}

export type ReactionSummary = { counts: Map<PostReaction, number>; mine: Set<PostReaction> };

function emptyReactionCounts(): Record<PostReaction, number> {
  return Object.fromEntries(postReactions.map((reaction) => [reaction, 0])) as Record<PostReaction, number>;
}

export function presentPost(
  post: PostRow,
  options: {
    topic: TopicRow;
    parent: PostRow | null;
    reactions: ReactionSummary | undefined;
    context: PresentingContext;
  },
): Post {
  const { context, parent, topic } = options;
  const { viewer } = context;
  const reactionCounts = emptyReactionCounts();
  for (const [reaction, count] of options.reactions?.counts ?? []) reactionCounts[reaction] = count;
  const isVisible = !post.deletedAt && !post.hiddenAt;
  return {
    id: post.id,
    topicId: post.topicId,
    number: post.number,
    parentId: post.parentId,
    parentAuthorHandle: parent ? presentAuthor(parent, context).handle : null,
    author: presentAuthor(post, context),
    bodyHtml: canReadPostBody(viewer, post) ? post.bodyHtml : null,
    isDeleted: post.deletedAt !== null,
    isHidden: post.hiddenAt !== null,
    createdAt: post.createdAt.toISOString(),
    editedAt: post.editedAt?.toISOString() ?? null,
    reactionCounts,
    myReactions: [...(options.reactions?.mine ?? [])],
    canEdit: canEditPost(viewer, post),
    canDelete: canDeletePost(viewer, post),
    canReply: isVisible && canReplyToTopic(viewer, topic),
  };
}
