/** On the account page: the members this member has blocked, since when, and "Unblock". */
import { useRef, type RefObject } from 'react';
import { Link } from 'react-router';
import type { Block } from '@kindred/common/moderation';
import { Button } from '../../components/button.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { useBlocks, useUnblockMember } from './safety.api.ts';

/** The blocked members, as a card; its title takes focus when an unblocked member leaves the list. */
export function BlockedMembersCard() {
  const blocks = useBlocks();
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <section className="card" aria-labelledby="blocked-members-heading">
      <h2 id="blocked-members-heading" ref={headingRef} tabIndex={-1} className="card-title">
        Blocked members
      </h2>
      <p>
        You don’t see posts or get notifications from members you block, and they can’t reply to you or mention you.
        They are not told. To block someone, open their profile and choose “Block”.
      </p>
      {blocks.isPending ? (
        <Loading label="Loading the members you blocked…" />
      ) : blocks.isError ? (
        <Notice tone="error" title="We could not load the members you blocked">
          <p>{toApiError(blocks.error).message}</p>
        </Notice>
      ) : blocks.data.length === 0 ? (
        <p className="muted">You haven’t blocked anyone.</p>
      ) : (
        <ul className="session-list">
          {blocks.data.map((block) => (
            <BlockedMember key={block.handle} block={block} headingRef={headingRef} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BlockedMember({ block, headingRef }: { block: Block; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const unblock = useUnblockMember();
  const showToast = useToast();
  return (
    <li className="session">
      <div className="session-details">
        <p className="session-device">
          <Link to={`/members/${encodeURIComponent(block.handle)}`}>{block.handle}</Link>
        </p>
        <p className="session-meta muted">
          Blocked since <time dateTime={block.blockedAt}>{formatDate(block.blockedAt)}</time>
        </p>
      </div>
      <Button
        variant="secondary"
        isLoading={unblock.isPending}
        onClick={() =>
          unblock.mutate(block.handle, {
            onSuccess: () => {
              showToast(`You unblocked ${block.handle}.`);
              // This row is gone: keep the keyboard in the card.
              headingRef.current?.focus();
            },
            onError: (error) => showToast(toApiError(error).message),
          })
        }
      >
        Unblock<span className="visually-hidden"> {block.handle}</span>
      </Button>
    </li>
  );
}
