/** On another member's profile: "Report" (to the moderators) and "Block" / "Unblock". */
import { useState } from 'react';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { ReportDialog } from './report-dialog.tsx';
import { isSameHandle, useBlockMember, useBlocks, useUnblockMember } from './safety.api.ts';

export function ProfileSafetyActions({ handle }: { handle: string }) {
  const [isReporting, setIsReporting] = useState(false);
  const [isConfirmingBlock, setIsConfirmingBlock] = useState(false);
  const blocks = useBlocks();
  const block = useBlockMember();
  const unblock = useUnblockMember();
  const showToast = useToast();
  const isBlocked = blocks.data?.some((each) => isSameHandle(each.handle, handle)) ?? false;

  const closeBlock = () => {
    block.reset();
    setIsConfirmingBlock(false);
  };

  return (
    <section aria-labelledby="profile-safety-heading" className="card profile-safety">
      <h2 id="profile-safety-heading" className="card-title">
        Report or block
      </h2>
      <p className="muted">
        {isBlocked
          ? `You have blocked ${handle}. You don’t see their posts, and they can’t reply to you or mention you.`
          : 'If something about this member worries you, you can tell the moderators, or block them.'}
      </p>
      <div className="actions">
        <Button variant="secondary" onClick={() => setIsReporting(true)}>
          Report
        </Button>
        {isBlocked ? (
          <Button
            variant="secondary"
            isLoading={unblock.isPending}
            onClick={() =>
              unblock.mutate(handle, {
                onSuccess: () => showToast(`You unblocked ${handle}.`),
                onError: (error) => showToast(toApiError(error).message),
              })
            }
          >
            Unblock
          </Button>
        ) : (
          <Button variant="secondary" disabled={blocks.isPending} onClick={() => setIsConfirmingBlock(true)}>
            Block
          </Button>
        )}
      </div>
      <ReportDialog
        subjectKind="profile"
        subjectId={handle}
        title={`Report ${handle}`}
        isOpen={isReporting}
        onClose={() => setIsReporting(false)}
      />
      <ConfirmDialog
        isOpen={isConfirmingBlock}
        onClose={closeBlock}
        title={`Block ${handle}?`}
        confirmLabel={`Block ${handle}`}
        cancelLabel="Don’t block"
        isPending={block.isPending}
        error={block.error}
        errorTitle={`${handle} could not be blocked`}
        onConfirm={() =>
          block.mutate(handle, {
            onSuccess: () => {
              showToast(`You blocked ${handle}.`);
              setIsConfirmingBlock(false);
            },
          })
        }
      >
        <ul className="block-effects">
          <li>You won’t see their posts or get notifications from them.</li>
          <li>They can’t reply to you or mention you.</li>
          <li>They are not told that you blocked them.</li>
        </ul>
        <p>You can unblock them at any time, here or in your account settings.</p>
      </ConfirmDialog>
    </section>
  );
}
