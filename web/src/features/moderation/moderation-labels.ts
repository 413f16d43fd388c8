/** Words for the moderation pages: item kinds, crisis kinds, what a moderator did. */
import type { ModerationItemKind } from '@kindred/common/moderation';

export const itemKindLabels: Record<ModerationItemKind, string> = {
  report: 'Reported by members',
  crisis: 'Crisis words in a post',
  flagged: 'Flagged automatically',
};

const crisisKindLabels: Partial<Record<string, string>> = {
  suicide: 'suicide',
  self_harm: 'self-harm',
  overdose: 'overdose',
};

/** "suicide, self-harm": the kinds of crisis the words sounded like. */
export function crisisKindsInWords(kinds: readonly string[]): string {
  return kinds.map((kind) => crisisKindLabels[kind] ?? humanize(kind)).join(', ');
}

/** "post_hidden" or "post.hidden" → "post hidden". */
export function humanize(code: string): string {
  return code.replace(/[._-]+/g, ' ').trim();
}

const actionWords: Partial<Record<string, string>> = {
  'moderation.post_hidden': 'hid a post',
  'moderation.post_unhidden': 'showed a hidden post again',
  'moderation.post_deleted': 'deleted a post',
  'moderation.hidden_by_reports': 'hid a post',
  'moderation.member_warned': 'warned',
  'moderation.member_suspended': 'suspended',
  'moderation.member_unsuspended': 'ended the suspension of',
  'moderation.item_resolved': 'resolved a queue item',
};

/** What a topic change did, from the fields that changed. */
function topicChangeInWords(details: Record<string, unknown>): string {
  const changes = [
    details.isLocked === true && 'locked',
    details.isLocked === false && 'unlocked',
    details.isPinned === true && 'pinned',
    details.isPinned === false && 'unpinned',
    details.isHidden === true && 'hid',
    details.isHidden === false && 'unhid',
    typeof details.categoryId === 'string' && 'moved',
  ].filter((change): change is string => typeof change === 'string');
  return changes.length === 0 ? 'changed a topic' : `${changes.join(' and ')} a topic`;
}

/** What a logged action was, as "hid a post"; an action this page does not know yet reads as its name. */
export function actionInWords(action: string, details: Record<string, unknown>): string {
  if (action === 'moderation.topic_changed') return topicChangeInWords(details);
  return actionWords[action] ?? humanize(action.replace(/^moderation\./, ''));
}

/** The log's reason is what was done for a resolved item, and why for everything else. */
export const reasonLabel = (action: string) => (action === 'moderation.item_resolved' ? 'What was done: ' : 'Why: ');

const memberActions = new Set([
  'moderation.member_warned',
  'moderation.member_suspended',
  'moderation.member_unsuspended',
]);

/** How the member comes into the sentence: "warned @x", "resolved a queue item about @x", "hid a post by @x". */
export const memberJoiner = (action: string): '' | 'about' | 'by' =>
  memberActions.has(action) ? '' : action === 'moderation.item_resolved' ? 'about' : 'by';
