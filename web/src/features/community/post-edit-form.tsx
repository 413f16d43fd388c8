/** Changing one's own post: its words, and for a topic's first post its title and content warnings. */
import { useState, type FormEvent } from 'react';
import {
  POST_BODY_MAX_LENGTH,
  TOPIC_TITLE_MAX_LENGTH,
  postUpdateSchema,
  type ContentWarning,
  type Post,
  type PostUpdate,
  type PostWritten,
  type TopicDetail,
} from '@kindred/common/community';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { CheckboxGroup, TextArea, TextField } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { toApiError } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useEditPost, usePostSource } from './community.api.ts';
import { contentWarningOptions, contentWarningsHint, MarkdownHint } from './post-form-parts.tsx';

const fieldLabels = { title: 'Title', contentWarnings: 'Content warnings', body: 'Your post' } as const;

type EditPostFormProps = {
  topic: TopicDetail;
  post: Post;
  onSaved: (written: PostWritten) => void;
  onCancel: () => void;
};

/** Loads the post's own Markdown, then the form. */
export function EditPostForm(props: EditPostFormProps) {
  const source = usePostSource(props.post.id);
  if (source.isPending) return <Loading label="Loading your post…" />;
  if (source.isError) {
    return (
      <Notice tone="error" title="We could not load your post to change it">
        <p>{toApiError(source.error).message}</p>
        <Button variant="secondary" onClick={props.onCancel}>
          Close
        </Button>
      </Notice>
    );
  }
  return <EditFields {...props} initialTitle={source.data.title ?? props.topic.title} initialBody={source.data.body} />;
}

function EditFields({
  topic,
  post,
  onSaved,
  onCancel,
  initialTitle,
  initialBody,
}: EditPostFormProps & { initialTitle: string; initialBody: string }) {
  const isFirstPost = post.number === 1;
  const hasWarnings = isFirstPost && (topic.kind === 'story' || topic.contentWarnings.length > 0);
  const [title, setTitle] = useState(initialTitle);
  const [warnings, setWarnings] = useState<ContentWarning[]>(topic.contentWarnings);
  const [body, setBody] = useState(initialBody);
  const edit = useEditPost(post);
  const form = useFormErrors(`edit-${post.id}`, fieldLabels);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (edit.isPending) return;
    const update: PostUpdate = {
      body,
      ...(isFirstPost ? { title } : {}),
      ...(hasWarnings ? { contentWarnings: warnings } : {}),
    };
    if (!form.checkWith(postUpdateSchema, update)) return;
    edit.mutate(update, { onSuccess: onSaved, onError: form.showApiError });
  };

  return (
    <>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit} className="edit-post-form" aria-label="Change your post">
        {isFirstPost && (
          <TextField
            id={form.fieldId('title')}
            label="Title"
            error={form.errorFor('title')}
            maxLength={TOPIC_TITLE_MAX_LENGTH}
            autoComplete="off"
            autoFocus
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
        {hasWarnings && (
          <CheckboxGroup
            id={form.fieldId('contentWarnings')}
            label="Content warnings"
            isOptional
            isCompact
            hint={contentWarningsHint}
            error={form.errorFor('contentWarnings')}
            options={contentWarningOptions}
            values={warnings}
            onChange={(values) => setWarnings(values as ContentWarning[])}
          />
        )}
        <TextArea
          id={form.fieldId('body')}
          label="Your post"
          hint={<MarkdownHint />}
          error={form.errorFor('body')}
          maxLength={POST_BODY_MAX_LENGTH}
          rows={8}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          autoFocus={!isFirstPost}
        />
        <div className="actions">
          <Button type="submit" isLoading={edit.isPending}>
            Save changes
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}
