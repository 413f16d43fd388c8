/**
 * Resource articles: short pieces about peer support, triggers and relapse prevention. Each has a
 * comments topic in the unlisted "resources" forum, so comments use the forums' machinery (replies,
 * reactions, reports, crisis language, moderation).
 */
import type { Article, ArticleSummary } from '@kindred/common/community';
import type { Database } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import {
  findArticleBySlug,
  findArticleWithCommentCount,
  findCategoryBySlug,
  insertArticle,
  insertTopic,
  listArticlesWithCommentCounts,
  type ArticleRow,
} from './community.queries.ts';

const RESOURCES_CATEGORY_SLUG = 'resources';

function presentArticleSummary(row: ArticleRow, commentCount: number): ArticleSummary {
  return { slug: row.slug, title: row.title, summary: row.summary, topics: row.subjects, commentCount };
}

/** Every article, by title. */
export async function listArticles(ctx: ServiceContext): Promise<{ articles: ArticleSummary[] }> {
  const rows = await listArticlesWithCommentCounts(ctx.db);
  return { articles: rows.map((row) => presentArticleSummary(row.article, row.commentCount)) };
}

/** One article, with the id of its comments topic. */
export async function getArticle(ctx: ServiceContext, slug: string): Promise<Article> {
  const found = await findArticleWithCommentCount(ctx.db, slug);
  if (!found) throw notFound('We could not find that article.');
  const { article, commentCount } = found;
  return {
    ...presentArticleSummary(article, commentCount),
    bodyHtml: article.bodyHtml,
    discussionTopicId: article.discussionTopicId,
    publishedAt: article.publishedAt.toISOString(),
  };
}

export type ArticleDraft = { slug: string; title: string; summary: string; subjects: string[]; bodyMarkdown: string };

/** Publishes an article with its comments topic; an existing slug is left as it is. Returns whether it was new. */
export async function publishArticle(ctx: ServiceContext, draft: ArticleDraft, db: Database = ctx.db) {
  if (await findArticleBySlug(db, draft.slug)) return false;
  const category = await findCategoryBySlug(db, RESOURCES_CATEGORY_SLUG);
  if (!category) throw new Error('The "resources" forum is missing: run the migrations.');
  const topic = await insertTopic(db, {
    categoryId: category.id,
    authorId: null,
    title: draft.title,
    isArticleDiscussion: true,
  });
  const rendered = renderMarkdown(draft.bodyMarkdown);
  return Boolean(
    await insertArticle(db, {
      slug: draft.slug,
      title: draft.title,
      summary: draft.summary,
      subjects: draft.subjects,
      bodyMarkdown: draft.bodyMarkdown,
      bodyHtml: rendered.html,
      discussionTopicId: topic.id,
    }),
  );
}
