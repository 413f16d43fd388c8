/** Writing a reply: to the topic (at its end) or to one post (under it). */
import { useState, type FormEvent } from 'react';
import {
  POST_BODY_MAX_LENGTH,
  replyInputSchema,
  type CrisisSupport,
  type Post,
  type ReplyInput,
  type TopicDetail,
} from '@kindred/common/community';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextArea } from '../../components/fields.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useReply } from './community.api.ts';
import { authorName } from './community-parts.tsx';
import { CrisisSupportPanel } from './crisis-support-panel.tsx';
import { AnonymousCheckbox, MarkdownHint } from './post-form-parts.tsx';

const fieldLabels = { body: 'Your reply', isAnonymous: 'Post anonymously' } as const;

type ReplyComposerProps = {
  topic: TopicDetail;
  /** The post answered (under it), or null for a reply to the topic. */
  parent: Post | null;
  idPrefix: string;
  /** After a reply is posted (and any crisis message put away). */
  onPosted: (post: Post) => void;
  /** Offers Cancel (an inline reply). */
  onCancel?: () => void;
  /** Takes the focus when it opens (an inline reply the member just asked for). */
  shouldFocus?: boolean;
};

export function ReplyComposer({
  topic,
  parent,
  idPrefix,
  onPosted,
  onCancel,
  shouldFocus = false,
}: ReplyComposerProps) {
  const [body, setBody] = useState('');
  const [isAnonymous, setIsAnonymous] = useState(false);
  const [crisis, setCrisis] = useState<{ support: CrisisSupport; post: Post } | null>(null);
  const reply = useReply(topic.id);
  const form = useFormErrors(idPrefix, fieldLabels);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reply.isPending) return;
    // A reply to the first post is a reply to the topic.
    const input: ReplyInput = { body, isAnonymous, parentId: parent && parent.number !== 1 ? parent.id : null };
    if (!form.checkWith(replyInputSchema, input)) return;
    reply.mutate(input, {
      onSuccess: ({ post, crisisSupport }) => {
        setBody('');
        setIsAnonymous(false);
        if (crisisSupport) setCrisis({ support: crisisSupport, post });
        else onPosted(post);
      },
      onError: form.showApiError,
    });
  };

  if (crisis) {
    return (
      <CrisisSupportPanel
        support={crisis.support}
        headingLevel={parent ? 3 : 2}
        onDismiss={() => {
          const { post } = crisis;
          setCrisis(null);
          onPosted(post);
        }}
      >
        <p>Your reply is posted. Thank you for sharing it. Right now, it matters more that you are safe.</p>
      </CrisisSupportPanel>
    );
  }

  return (
    <>
      <ErrorSummary {...form.summary} />
      <form
        noValidate
        onSubmit={handleSubmit}
        className="reply-form"
        aria-label={parent ? `Reply to ${authorName(parent.author)}` : 'Reply to this topic'}
      >
        <TextArea
          id={form.fieldId('body')}
          label="Your reply"
          hint={
            <>
              {parent && parent.number !== 1 && <p>Replying to {authorName(parent.author)}.</p>}
              <MarkdownHint />
            </>
          }
          error={form.errorFor('body')}
          maxLength={POST_BODY_MAX_LENGTH}
          rows={5}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          autoFocus={shouldFocus}
        />
        <AnonymousCheckbox id={form.fieldId('isAnonymous')} isChecked={isAnonymous} onChange={setIsAnonymous} />
        <div className="actions">
          <Button type="submit" isLoading={reply.isPending}>
            Post reply
          </Button>
          {onCancel && (
            <Button variant="quiet" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </div>
      </form>
    </>
  );
}
