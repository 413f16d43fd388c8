/**
 * Community: forums and recovery stories, replies, reactions, follows and unread markers, search,
 * and resource articles whose comments are a topic like any other. Inputs, limits, labels, answers.
 */
import { z } from 'zod';
import { supportContactSchema } from './recovery.ts';
import { helpResourceSchema } from './safety.ts';
import { requiredText } from './text.ts';

export const TOPIC_TITLE_MAX_LENGTH = 150;
export const TOPIC_TITLE_MIN_LENGTH = 3;
export const POST_BODY_MAX_LENGTH = 20_000;
export const CATEGORY_NAME_MAX_LENGTH = 60;
export const CATEGORY_DESCRIPTION_MAX_LENGTH = 300;
export const SEARCH_QUERY_MAX_LENGTH = 200;

/* ----------------------------------------------------------------- labels */

/** Topic kinds: a discussion, a recovery story (may carry content warnings), an article's comments. */
export const topicKinds = ['discussion', 'story'] as const;
export type TopicKind = (typeof topicKinds)[number];

export const contentWarnings = [
  'relapse',
  'overdose',
  'trauma',
  'self_harm',
  'suicide',
  'grief',
  'abuse',
  'violence',
  'drug_use',
  'eating_disorder',
] as const;
export type ContentWarning = (typeof contentWarnings)[number];
export const contentWarningLabels: Record<ContentWarning, string> = {
  relapse: 'Relapse',
  overdose: 'Overdose',
  trauma: 'Trauma',
  self_harm: 'Self-harm',
  suicide: 'Suicide',
  grief: 'Grief and loss',
  abuse: 'Abuse',
  violence: 'Violence',
  drug_use: 'Detailed drug or alcohol use',
  eating_disorder: 'Eating disorder',
};

/** Reactions that fit a support community: one of each per member per post. */
export const postReactions = ['support', 'me_too', 'thank_you', 'celebrate'] as const;
export type PostReaction = (typeof postReactions)[number];
export const postReactionLabels: Record<PostReaction, { emoji: string; label: string }> = {
  support: { emoji: '💛', label: 'Sending support' },
  me_too: { emoji: '🤝', label: 'Me too' },
  thank_you: { emoji: '🙏', label: 'Thank you' },
  celebrate: { emoji: '🎉', label: 'Celebrate' },
};

/* ----------------------------------------------------------------- crisis support */

/**
 * Sent in the same response as a post whose words sound like a crisis: the post is published,
 * and the author sees this at once.
 */
export const crisisSupportSchema = z.object({
  message: z.string(),
  emergencyNumber: z.string(),
  resources: z.array(helpResourceSchema),
  supportContacts: z.array(supportContactSchema).describe("The people from the author's own recovery plan"),
});
export type CrisisSupport = z.infer<typeof crisisSupportSchema>;

/* ----------------------------------------------------------------- categories */

const slugSchema = z
  .string()
  .trim()
  .min(2, 'A short name for the address has at least 2 characters.')
  .max(40, 'A short name for the address has at most 40 characters.')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes, e.g. "early-recovery".');

export const categoryInputSchema = z
  .object({
    name: requiredText(CATEGORY_NAME_MAX_LENGTH, 'A name'),
    slug: slugSchema,
    description: requiredText(CATEGORY_DESCRIPTION_MAX_LENGTH, 'A description'),
    position: z.number().int().min(0).max(1000).default(100),
  })
  .strict();
export type CategoryInput = z.input<typeof categoryInputSchema>;
export const categoryUpdateSchema = categoryInputSchema.partial().strict();
export type CategoryUpdate = z.input<typeof categoryUpdateSchema>;

export const categorySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  position: z.number().int(),
  topicCount: z.number().int(),
  lastActivityAt: z.iso.datetime().nullable(),
});
export type Category = z.infer<typeof categorySchema>;
export const categoryListResponseSchema = z.object({ categories: z.array(categorySchema) });
export type CategoryList = z.infer<typeof categoryListResponseSchema>;
export const categoryResponseSchema = z.object({ category: categorySchema });

/* ----------------------------------------------------------------- authors */

/**
 * Who wrote something, as this viewer may know it. An anonymous post shows no handle to other
 * members; a moderator sees the handle with isAnonymous set.
 */
export const authorSchema = z.object({
  handle: z.string().nullable().describe('Null when the author posted anonymously (or left)'),
  isAnonymous: z.boolean(),
  isYou: z.boolean(),
  isNewMember: z.boolean().describe('Joined in the last few days: others may want to welcome them'),
});
export type Author = z.infer<typeof authorSchema>;

/* ----------------------------------------------------------------- topics and posts */

const bodySchema = requiredText(POST_BODY_MAX_LENGTH, 'The post');

export const topicInputSchema = z
  .object({
    categoryId: z.uuid('Choose a category.'),
    title: z
      .string()
      .trim()
      .min(TOPIC_TITLE_MIN_LENGTH, `A title has at least ${TOPIC_TITLE_MIN_LENGTH} characters.`)
      .max(TOPIC_TITLE_MAX_LENGTH, `A title has at most ${TOPIC_TITLE_MAX_LENGTH} characters.`),
    body: bodySchema,
    kind: z.enum(topicKinds).default('discussion'),
    contentWarnings: z.array(z.enum(contentWarnings)).max(contentWarnings.length).default([]),
    isAnonymous: z.boolean().default(false),
  })
  .strict();
export type TopicInput = z.input<typeof topicInputSchema>;

export const replyInputSchema = z
  .object({
    body: bodySchema,
    parentId: z.uuid('Not found.').nullable().optional().describe('The reply this answers, if any'),
    isAnonymous: z.boolean().default(false),
  })
  .strict();
export type ReplyInput = z.input<typeof replyInputSchema>;

export const postUpdateSchema = z
  .object({
    body: bodySchema,
    title: z
      .string()
      .trim()
      .min(TOPIC_TITLE_MIN_LENGTH, `A title has at least ${TOPIC_TITLE_MIN_LENGTH} characters.`)
      .max(TOPIC_TITLE_MAX_LENGTH, `A title has at most ${TOPIC_TITLE_MAX_LENGTH} characters.`)
      .optional()
      .describe("Only for a topic's first post"),
    contentWarnings: z.array(z.enum(contentWarnings)).max(contentWarnings.length).optional(),
  })
  .strict();
export type PostUpdate = z.input<typeof postUpdateSchema>;

export const postSchema = z.object({
  id: z.uuid(),
  topicId: z.uuid(),
  number: z.number().int().describe('1 is the first post'),
  parentId: z.uuid().nullable(),
  parentAuthorHandle: z.string().nullable().describe('Who the parent reply is by, when it may be shown'),
  author: authorSchema,
  bodyHtml: z.string().nullable().describe('Sanitized HTML; null when deleted or hidden from this viewer'),
  isDeleted: z.boolean(),
  isHidden: z.boolean().describe('Hidden by moderators (or by three reports, until reviewed)'),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  reactionCounts: z.record(z.enum(postReactions), z.number().int()),
  myReactions: z.array(z.enum(postReactions)),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
  canReply: z.boolean(),
});
export type Post = z.infer<typeof postSchema>;

export const topicSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(topicKinds),
  category: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  author: authorSchema,
  contentWarnings: z.array(z.enum(contentWarnings)),
  isCollapsed: z.boolean().describe("Shown behind its warnings until the reader opens it (the reader's choice)"),
  isPinned: z.boolean(),
  isLocked: z.boolean(),
  isHidden: z.boolean(),
  replyCount: z.number().int(),
  createdAt: z.iso.datetime(),
  lastPostedAt: z.iso.datetime(),
  isFollowing: z.boolean(),
  unreadCount: z.number().int().describe('Posts after the last one this member read; all of them if never opened'),
  hasBeenRead: z.boolean(),
});
export type TopicSummary = z.infer<typeof topicSummarySchema>;

export const topicListQuerySchema = z.object({
  category: z.string().max(40).optional(),
  following: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
});
export type TopicListQuery = z.infer<typeof topicListQuerySchema>;
export const topicListResponseSchema = z.object({
  topics: z.array(topicSummarySchema),
  nextCursor: z.string().nullable(),
});
export type TopicList = z.infer<typeof topicListResponseSchema>;

export const topicDetailSchema = topicSummarySchema.extend({
  canModerate: z.boolean(),
  canReply: z.boolean(),
  lastReadNumber: z.number().int().describe('0 when never opened'),
  articleSlug: z.string().nullable().describe('Set when this topic holds the comments on a resource article'),
});
export type TopicDetail = z.infer<typeof topicDetailSchema>;

export const topicPageQuerySchema = z.object({
  after: z.coerce.number().int().min(0).max(10_000_000).optional().describe('Posts after this number'),
});
export const topicResponseSchema = z.object({
  topic: topicDetailSchema,
  posts: z.array(postSchema).describe('In order, at most 100'),
  nextAfter: z.number().int().nullable(),
});
export type TopicResponse = z.infer<typeof topicResponseSchema>;

/** The answer to writing: what was written, and the caring message when the words sounded like a crisis. */
export const topicCreatedResponseSchema = z.object({
  topic: topicDetailSchema,
  post: postSchema,
  crisisSupport: crisisSupportSchema.nullable(),
});
export type TopicCreated = z.infer<typeof topicCreatedResponseSchema>;
export const postWrittenResponseSchema = z.object({
  post: postSchema,
  crisisSupport: crisisSupportSchema.nullable(),
});
export type PostWritten = z.infer<typeof postWrittenResponseSchema>;
export const postResponseSchema = z.object({ post: postSchema });

export const communityIdParamsSchema = z.object({ id: z.uuid('Not found.') });
export const reactionParamsSchema = z.object({ id: z.uuid('Not found.'), reaction: z.enum(postReactions) });
export const markReadInputSchema = z.object({ lastReadNumber: z.number().int().min(0).max(10_000_000) }).strict();

export const postRevisionSchema = z.object({
  title: z.string().nullable(),
  bodyMarkdown: z.string(),
  replacedAt: z.iso.datetime().describe('When this version was replaced by an edit'),
  editorHandle: z.string().nullable(),
});
export const postRevisionListSchema = z.object({
  currentMarkdown: z.string(),
  revisions: z.array(postRevisionSchema).describe('Older versions, newest first'),
});
export type PostRevisionList = z.infer<typeof postRevisionListSchema>;

/** The member's own Markdown, to edit. */
export const postSourceSchema = z.object({ title: z.string().nullable(), body: z.string() });

/* ----------------------------------------------------------------- preferences */

export const communityPreferencesSchema = z
  .object({
    expandWarnedStories: z
      .boolean()
      .describe('Open stories with content warnings at once, except those carrying a warning below'),
    alwaysCollapsedWarnings: z
      .array(z.enum(contentWarnings))
      .max(contentWarnings.length)
      .describe('Stories with any of these stay collapsed until opened, always'),
  })
  .strict();
export type CommunityPreferences = z.infer<typeof communityPreferencesSchema>;
export const communityPreferencesResponseSchema = z.object({ preferences: communityPreferencesSchema });

/* ----------------------------------------------------------------- search */

export const searchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(2, 'Search for at least 2 characters.')
    .max(SEARCH_QUERY_MAX_LENGTH, `A search has at most ${SEARCH_QUERY_MAX_LENGTH} characters.`),
  category: z.string().max(40).optional(),
  author: z.string().max(40).optional(),
  from: z.iso.date('A date is YYYY-MM-DD.').optional(),
  to: z.iso.date('A date is YYYY-MM-DD.').optional(),
  sort: z.enum(['relevant', 'newest']).default('relevant'),
  cursor: z.string().max(200).optional(),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

/** A piece of an excerpt; isMatch pieces are shown highlighted. Plain text, never HTML. */
export const excerptPartSchema = z.object({ text: z.string(), isMatch: z.boolean() });
export type ExcerptPart = z.infer<typeof excerptPartSchema>;

export const searchResultSchema = z.object({
  topicId: z.uuid(),
  topicTitle: z.string(),
  titleParts: z.array(excerptPartSchema),
  postId: z.uuid(),
  postNumber: z.number().int(),
  category: z.object({ slug: z.string(), name: z.string() }),
  author: authorSchema,
  createdAt: z.iso.datetime(),
  excerpt: z.array(excerptPartSchema).describe('Empty when the topic is collapsed behind content warnings'),
  contentWarnings: z.array(z.enum(contentWarnings)),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
export const searchResponseSchema = z.object({
  results: z.array(searchResultSchema),
  nextCursor: z.string().nullable(),
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;

/* ----------------------------------------------------------------- resource articles */

export const articleSummarySchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  topics: z.array(z.string()).describe('e.g. "relapse prevention"'),
  commentCount: z.number().int(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;
export const articleListResponseSchema = z.object({ articles: z.array(articleSummarySchema) });
export const articleSchema = articleSummarySchema.extend({
  bodyHtml: z.string(),
  discussionTopicId: z.uuid(),
  publishedAt: z.iso.datetime(),
});
export type Article = z.infer<typeof articleSchema>;
export const articleResponseSchema = z.object({ article: articleSchema });
export const articleParamsSchema = z.object({ slug: z.string().max(80) });
