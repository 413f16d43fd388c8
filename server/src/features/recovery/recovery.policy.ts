/**
 * Who may see and change a member's private recovery data. Today that is the member alone. When a
 * member grants a mentor or a program access (later issues), the grant is checked here and nowhere
 * else: every read of recovery data by another person passes through `canReadRecoveryData`.
 */

/** The parts of recovery data a member can one day share separately. */
export type RecoveryDataPart = 'counters' | 'check_ins' | 'plan' | 'journal';

/** True when the viewer may read this part of the owner's recovery data. */
export function canReadRecoveryData(viewerId: string, ownerId: string, part: RecoveryDataPart): boolean {
  void part; // No grants exist yet: each part is the owner's alone.
  return viewerId === ownerId;
}

/** True when the viewer may change this part of the owner's recovery data. */
export function canChangeRecoveryData(viewerId: string, ownerId: string, part: RecoveryDataPart): boolean {
  void part;
  return viewerId === ownerId;
}
