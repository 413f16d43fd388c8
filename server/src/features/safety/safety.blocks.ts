/**
 * Blocking: the blocker no longer sees the blocked member's content or notifications, and the
 * blocked member cannot reply to, mention or (later) message them. Silent to the blocked member.
 */
import type { BlockList } from '@kindred/common/moderation';
import type { Database } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { findHandlesByIds, findMemberByHandle } from '../accounts/accounts.service.ts';
import type { Auth } from '../accounts/accounts.sessions.ts';
import { deleteBlock, findBlockersAmong, hasBlock, insertBlock, listBlocksBy } from './safety.queries.ts';

async function loadMemberToBlock(ctx: ServiceContext, auth: Auth, handle: string) {
  const member = await findMemberByHandle(ctx, handle);
  if (!member) throw notFound('We could not find that member.');
  if (member.id === auth.user.id) throw invalidField('handle', 'You cannot block yourself.');
  return member;
}

/** Blocks a member (again is fine). */
export async function blockMember(ctx: ServiceContext, auth: Auth, handle: string): Promise<void> {
  const member = await loadMemberToBlock(ctx, auth, handle);
  await insertBlock(ctx.db, auth.user.id, member.id);
}

/** Unblocks a member (not blocked is fine). */
export async function unblockMember(ctx: ServiceContext, auth: Auth, handle: string): Promise<void> {
  const member = await loadMemberToBlock(ctx, auth, handle);
  await deleteBlock(ctx.db, auth.user.id, member.id);
}

/** The members I blocked. */
export async function listOwnBlocks(ctx: ServiceContext, auth: Auth): Promise<BlockList> {
  const rows = await listBlocksBy(ctx.db, auth.user.id);
  const handles = await findHandlesByIds(
    ctx,
    rows.map((row) => row.blockedId),
  );
  return {
    blocks: rows.flatMap((row) => {
      const handle = handles.get(row.blockedId);
      return handle ? [{ handle, blockedAt: row.createdAt.toISOString() }] : [];
    }),
  };
}

/** The ids of the members this member blocked: whose content they no longer see. */
export async function findBlockedIds(ctx: ServiceContext, blockerId: string): Promise<Set<string>> {
  const rows = await listBlocksBy(ctx.db, blockerId);
  return new Set(rows.map((row) => row.blockedId));
}

/** Whether `blockerId` blocked `blockedId`. */
export async function hasBlocked(
  ctx: ServiceContext,
  blockerId: string,
  blockedId: string,
  db: Database = ctx.db,
): Promise<boolean> {
  return hasBlock(db, blockerId, blockedId);
}

/** Of these would-be recipients of something the actor did, those who blocked the actor. */
export async function findWhoBlocked(
  ctx: ServiceContext,
  actorId: string,
  recipientIds: readonly string[],
  db: Database = ctx.db,
): Promise<Set<string>> {
  return findBlockersAmong(db, actorId, recipientIds);
}
