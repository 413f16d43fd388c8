import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import {
  CONGRATULATION_NOTE_MAX_LENGTH,
  congratulationInputSchema,
  congratulationReactionLabels,
  congratulationReactions,
  type CongratulationInput,
  type CongratulationReaction,
  type SharedMilestone,
} from '@kindred/common/recovery';
import { Button, ButtonLink } from '../../components/button.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextArea } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useCongratulate, useMilestoneFeed, useTakeBackCongratulation, useUnshareMilestone } from './milestones.api.ts';

/** The community's milestones: who reached what, in their own words, and everyone's congratulations. Never a date. */
export function MilestonesPage() {
  const feed = useMilestoneFeed();
  const milestones = feed.data?.pages.flatMap((page) => page.milestones) ?? [];
  return (
    <Page
      title="Milestones"
      lead="Members celebrating their time in recovery. Every day counts: cheer them on."
      width="normal"
    >
      {feed.isPending ? (
        <Loading label="Loading milestones…" />
      ) : feed.isLoadingError ? (
        <Notice tone="error" title="We could not load the milestones">
          <p>{toApiError(feed.error).message}</p>
        </Notice>
      ) : milestones.length === 0 ? (
        <EmptyState
          title="No milestones shared yet"
          action={
            <ButtonLink to="/recovery" variant="secondary">
              Go to My recovery
            </ButtonLink>
          }
        >
          <p>
            When members share a milestone, it shows up here so everyone can cheer them on. You can share yours from My
            recovery once you reach one.
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="milestone-feed">
            {milestones.map((milestone) => (
              <li key={milestone.id}>
                <SharedMilestoneItem milestone={milestone} />
              </li>
            ))}
          </ul>
          {feed.hasNextPage && (
            <div className="actions feed-more">
              <Button variant="secondary" isLoading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
                Load more
              </Button>
            </div>
          )}
          {feed.isFetchNextPageError && (
            <Notice tone="error" title="We could not load more">
              <p>{toApiError(feed.error).message}</p>
            </Notice>
          )}
        </>
      )}
    </Page>
  );
}

const memberPath = (handle: string) => `/members/${encodeURIComponent(handle)}`;

function SharedMilestoneItem({ milestone }: { milestone: SharedMilestone }) {
  const headingId = useId();
  const notes = milestone.congratulations.filter((congratulation) => congratulation.note).slice(0, 3);
  const counted = congratulationReactions.filter((reaction) => (milestone.reactionCounts[reaction] ?? 0) > 0);
  return (
    <article className="card shared-milestone" aria-labelledby={headingId}>
      <h2 id={headingId} className="shared-milestone-title">
        <Link to={memberPath(milestone.handle)}>{milestone.handle}</Link> celebrates{' '}
        <span className="shared-milestone-label">{milestone.milestone}</span>
      </h2>
      {milestone.note && <p className="shared-milestone-note">{milestone.note}</p>}
      {counted.length > 0 && (
        <ul className="reaction-counts" aria-label="Reactions">
          {counted.map((reaction) => (
            <li key={reaction}>
              <span aria-hidden="true">{congratulationReactionLabels[reaction].emoji}</span>{' '}
              {congratulationReactionLabels[reaction].label}: {milestone.reactionCounts[reaction]}
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="congratulation-notes" aria-label="Congratulations">
          {notes.map((congratulation) => (
            <li key={congratulation.handle}>
              <Link to={memberPath(congratulation.handle)}>{congratulation.handle}</Link>: {congratulation.note}
            </li>
          ))}
        </ul>
      )}
      {milestone.isMine ? <Unshare milestone={milestone} /> : <Congratulate milestone={milestone} />}
    </article>
  );
}

function Unshare({ milestone }: { milestone: SharedMilestone }) {
  const unshare = useUnshareMilestone(milestone.id);
  const showToast = useToast();
  return (
    <div className="shared-milestone-actions">
      <p className="muted">You shared this milestone.</p>
      {unshare.isError && (
        <Notice tone="error" title="That did not work">
          <p>{toApiError(unshare.error).message}</p>
        </Notice>
      )}
      <Button
        variant="quiet"
        isLoading={unshare.isPending}
        onClick={() => unshare.mutate(undefined, { onSuccess: () => showToast(`${milestone.milestone} unshared`) })}
      >
        Unshare<span className="visually-hidden"> {milestone.milestone}</span>
      </Button>
    </div>
  );
}

const congratulationFields = { reaction: 'Reaction', note: 'Your note' } as const;

function Congratulate({ milestone }: { milestone: SharedMilestone }) {
  const mine = milestone.myCongratulation;
  const congratulate = useCongratulate(milestone.id);
  const takeBack = useTakeBackCongratulation(milestone.id);
  const form = useFormErrors(`congratulate-${milestone.id}`, congratulationFields);
  const [note, setNote] = useState(mine?.note ?? '');
  const [isWriting, setIsWriting] = useState(false);
  const showToast = useToast();
  const isBusy = congratulate.isPending || takeBack.isPending;

  const send = (input: CongratulationInput, message: string) => {
    if (isBusy) return;
    if (!form.checkWith(congratulationInputSchema, input)) return;
    congratulate.mutate(input, {
      onSuccess: (updated) => {
        showToast(message);
        setNote(updated.myCongratulation?.note ?? '');
        setIsWriting(false);
      },
      onError: form.showApiError,
    });
  };

  const takeBackAll = () => {
    if (isBusy) return;
    takeBack.mutate(undefined, {
      onSuccess: () => {
        showToast('Congratulation taken back');
        setNote('');
        setIsWriting(false);
      },
      onError: form.showApiError,
    });
  };

  const toggleReaction = (reaction: CongratulationReaction) => {
    const isPressed = mine?.reaction === reaction;
    if (isPressed && !mine?.note) return takeBackAll();
    send(
      { reaction: isPressed ? null : reaction, note: mine?.note ?? null },
      isPressed ? 'Reaction taken back' : `You sent “${congratulationReactionLabels[reaction].label}”`,
    );
  };

  const handleNoteSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (note.trim() === '' && !mine?.reaction) {
      form.showErrors({ note: 'Write a few words, or choose a reaction.' });
      return;
    }
    send({ reaction: mine?.reaction ?? null, note }, 'Your note was sent');
  };

  return (
    <div className="shared-milestone-actions">
      <ErrorSummary {...form.summary} />
      <div
        id={form.fieldId('reaction')}
        tabIndex={-1}
        role="group"
        aria-label={`Congratulate ${milestone.handle}`}
        className="reaction-buttons"
      >
        {congratulationReactions.map((reaction) => (
          <Button
            key={reaction}
            variant="secondary"
            className="reaction-button"
            aria-pressed={mine?.reaction === reaction}
            onClick={() => toggleReaction(reaction)}
            isLoading={congratulate.isPending && congratulate.variables?.reaction === reaction}
          >
            <span aria-hidden="true">{congratulationReactionLabels[reaction].emoji}</span>
            {congratulationReactionLabels[reaction].label}
          </Button>
        ))}
      </div>
      {mine?.note && !isWriting && (
        <p className="my-congratulation">
          Your note: <span className="my-congratulation-note">{mine.note}</span>
        </p>
      )}
      {isWriting ? (
        <form noValidate onSubmit={handleNoteSubmit} className="congratulation-form">
          <TextArea
            id={form.fieldId('note')}
            label={`Your note to ${milestone.handle}`}
            error={form.errorFor('note')}
            maxLength={CONGRATULATION_NOTE_MAX_LENGTH}
            rows={2}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            autoFocus
          />
          <div className="actions">
            <Button type="submit" isLoading={congratulate.isPending}>
              Send note
            </Button>
            <Button variant="quiet" onClick={() => setIsWriting(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <Button variant="quiet" onClick={() => setIsWriting(true)}>
            {mine?.note ? 'Change your note' : 'Write a note'}
            <span className="visually-hidden"> to {milestone.handle}</span>
          </Button>
          {mine && (
            <Button variant="quiet" onClick={takeBackAll} isLoading={takeBack.isPending}>
              Take back my congratulation<span className="visually-hidden"> to {milestone.handle}</span>
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
