/**
 * What every area does with member text that sounds like a crisis: the author sees a caring message
 * with help in the same response, the text is still published, and the moderators get a priority item.
 */
import type { CrisisSupport } from '@kindred/common/community';
import type { Database } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { findOwnSupportContacts } from '../recovery/recovery.service.ts';
import { upsertOpenItem } from './safety.queries.ts';
import { assessCrisisLanguage, type CrisisAssessment, type CrisisKind } from './safety.crisis-language.ts';

/** Whether these words (a title and a text, or a message) sound like a crisis, and which kind. */
export function assessMemberText(...parts: readonly (string | null | undefined)[]): CrisisAssessment {
  return assessCrisisLanguage(parts.filter(Boolean).join('\n'));
}

const CARING_MESSAGE =
  "Your words are posted. It sounds like you may be going through something really hard right now, and you don't have to face it alone. " +
  'If you are thinking about ending your life, hurting yourself, or you have taken too much, please reach out now: ' +
  'the people below are there at any hour, free and confidential. A moderator from this community may also check in with you.';

/** The caring message with the crisis lines and the member's own people, shown to them at once. */
export async function buildCrisisSupport(ctx: ServiceContext, memberId: string): Promise<CrisisSupport> {
  let supportContacts: CrisisSupport['supportContacts'] = [];
  try {
    supportContacts = await findOwnSupportContacts(ctx, memberId);
  } catch {
    // The crisis lines matter more than the personal list: never fail the answer over it.
  }
  return {
    message: CARING_MESSAGE,
    emergencyNumber: ctx.config.help.emergencyNumber,
    resources: ctx.config.help.resources,
    supportContacts,
  };
}

/** A priority item: someone's words sounded like a crisis. Call inside the transaction that wrote them. */
export async function raiseCrisisItem(
  ctx: ServiceContext,
  subject: { kind: 'post'; id: string; memberId: string; crisisKinds: readonly CrisisKind[] },
  db: Database = ctx.db,
): Promise<void> {
  await upsertOpenItem(db, {
    kind: 'crisis',
    subjectKind: subject.kind,
    subjectId: subject.id,
    memberId: subject.memberId,
    isPriority: true,
    crisisKinds: [...subject.crisisKinds],
  });
}
