/** A topic's moderator tools: pin or unpin, lock or unlock, move to another category; each with a reason. */
import { useState } from 'react';
import type { TopicDetail } from '@kindred/common/community';
import type { TopicModerationInput } from '@kindred/common/moderation';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { Select } from '../../components/fields.tsx';
import { useToast } from '../../components/toast.tsx';
import { useCategories, useModerateTopic } from './community.api.ts';
import { ReasonDialog } from './post-dialogs.tsx';

type Action = 'pin' | 'lock' | 'move';

export function TopicModeratorTools({ topic }: { topic: TopicDetail }) {
  const [action, setAction] = useState<Action | null>(null);
  const [categoryId, setCategoryId] = useState(topic.category.id);
  const [categoryError, setCategoryError] = useState<string | undefined>(undefined);
  const moderate = useModerateTopic(topic.id);
  const categories = useCategories();
  const showToast = useToast();

  const close = () => {
    moderate.reset();
    setAction(null);
    setCategoryError(undefined);
  };

  const run = (input: Omit<TopicModerationInput, 'reason'>, done: string) =>
    function confirm(reason: string, callbacks: { onError: (error: unknown) => void }) {
      moderate.mutate(
        { ...input, reason },
        {
          onSuccess: () => {
            close();
            showToast(done);
          },
          onError: callbacks.onError,
        },
      );
    };

  const categoryOptions = (categories.data ?? []).map((category) => ({ value: category.id, label: category.name }));

  return (
    <Card title="Moderator tools" className="moderator-tools">
      <div className="actions">
        <Button variant="secondary" onClick={() => setAction('pin')}>
          {topic.isPinned ? 'Unpin topic' : 'Pin topic'}
        </Button>
        <Button variant="secondary" onClick={() => setAction('lock')}>
          {topic.isLocked ? 'Unlock topic' : 'Lock topic'}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setCategoryId(topic.category.id);
            setAction('move');
          }}
        >
          Move topic
        </Button>
      </div>

      <ReasonDialog
        isOpen={action === 'pin'}
        onClose={close}
        idPrefix="moderate-pin"
        title={topic.isPinned ? 'Unpin this topic' : 'Pin this topic'}
        description={
          <p>
            {topic.isPinned
              ? 'It will take its place among the other topics again.'
              : 'It will stay at the top of its category.'}
          </p>
        }
        confirmLabel={topic.isPinned ? 'Unpin topic' : 'Pin topic'}
        isPending={moderate.isPending}
        onConfirm={run({ isPinned: !topic.isPinned }, topic.isPinned ? 'Topic unpinned' : 'Topic pinned')}
      />
      <ReasonDialog
        isOpen={action === 'lock'}
        onClose={close}
        idPrefix="moderate-lock"
        title={topic.isLocked ? 'Unlock this topic' : 'Lock this topic'}
        description={
          <p>
            {topic.isLocked
              ? 'Members will be able to reply again.'
              : 'Members can still read it, but nobody can reply any more.'}
          </p>
        }
        confirmLabel={topic.isLocked ? 'Unlock topic' : 'Lock topic'}
        isPending={moderate.isPending}
        onConfirm={run({ isLocked: !topic.isLocked }, topic.isLocked ? 'Topic unlocked' : 'Topic locked')}
      />
      <ReasonDialog
        isOpen={action === 'move'}
        onClose={close}
        idPrefix="moderate-move"
        title="Move this topic"
        description={<p>It will show in the category you choose, with its replies.</p>}
        confirmLabel="Move topic"
        isPending={moderate.isPending}
        onConfirm={(reason, callbacks) => {
          if (categoryId === topic.category.id) {
            setCategoryError('Choose a different category.');
            return;
          }
          setCategoryError(undefined);
          run({ categoryId }, 'Topic moved')(reason, callbacks);
        }}
      >
        <Select
          id="moderate-move-category"
          label="Move to"
          error={categoryError}
          options={categoryOptions}
          value={categoryId}
          onChange={(event) => setCategoryId(event.target.value)}
        />
      </ReasonDialog>
    </Card>
  );
}
