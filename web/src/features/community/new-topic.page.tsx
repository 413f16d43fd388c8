/** /community/new?category=<id>: start a topic, a discussion or a recovery story. */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  POST_BODY_MAX_LENGTH,
  TOPIC_TITLE_MAX_LENGTH,
  topicInputSchema,
  type Category,
  type TopicCreated,
  type TopicInput,
  type TopicKind,
  type ContentWarning,
} from '@kindred/common/community';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { CheckboxGroup, RadioGroup, Select, TextArea, TextField, type Option } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useCategories, useCreateTopic } from './community.api.ts';
import { topicPagePath } from './community-parts.tsx';
import { CrisisSupportPanel } from './crisis-support-panel.tsx';
import { AnonymousCheckbox, contentWarningOptions, contentWarningsHint, MarkdownHint } from './post-form-parts.tsx';

const fieldLabels = {
  categoryId: 'Category',
  kind: 'What are you posting?',
  contentWarnings: 'Content warnings',
  title: 'Title',
  body: 'Your post',
  isAnonymous: 'Post anonymously',
} as const;

const kindOptions: Option[] = [
  { value: 'discussion', label: 'A discussion', hint: 'A question, a thought, something to talk over.' },
  { value: 'story', label: 'A recovery story', hint: 'Your own experience, in your own words.' },
];

export function NewTopicPage() {
  const categories = useCategories();
  const [created, setCreated] = useState<TopicCreated | null>(null);

  if (created?.crisisSupport) {
    return (
      <Page title="Your topic is posted" width="normal">
        <CrisisSupportPanel support={created.crisisSupport}>
          <p>
            Your topic is up, and members can answer it. Whatever you are going through right now, please reach out to
            someone too.
          </p>
          <p>
            <Link to={topicPagePath(created.topic.id)}>Go to your topic: {created.topic.title}</Link>
          </p>
        </CrisisSupportPanel>
      </Page>
    );
  }

  return (
    <Page title="New topic" lead="Ask a question, start a conversation, or share your story.">
      <p className="back-link">
        <Link to="/community">
          <span aria-hidden="true">← </span>Community
        </Link>
      </p>
      {categories.isPending ? (
        <Loading label="Loading categories…" />
      ) : categories.isError ? (
        <Notice tone="error" title="We could not load the categories">
          <p>{toApiError(categories.error).message}</p>
          <Button variant="secondary" onClick={() => void categories.refetch()} isLoading={categories.isFetching}>
            Try again
          </Button>
        </Notice>
      ) : (
        <NewTopicForm categories={categories.data} onCreatedWithCrisis={setCreated} />
      )}
    </Page>
  );
}

type FormValues = {
  categoryId: string;
  kind: TopicKind;
  contentWarnings: ContentWarning[];
  title: string;
  body: string;
  isAnonymous: boolean;
};

function NewTopicForm({
  categories,
  onCreatedWithCrisis,
}: {
  categories: Category[];
  onCreatedWithCrisis: (created: TopicCreated) => void;
}) {
  const [searchParams] = useSearchParams();
  const requested = searchParams.get('category') ?? '';
  const [values, setValues] = useState<FormValues>({
    categoryId: categories.some((category) => category.id === requested) ? requested : '',
    kind: 'discussion',
    contentWarnings: [],
    title: '',
    body: '',
    isAnonymous: false,
  });
  const form = useFormErrors('new-topic', fieldLabels);
  const createTopic = useCreateTopic();
  const navigate = useNavigate();
  const set = <Name extends keyof FormValues>(name: Name, value: FormValues[Name]) =>
    setValues((previous) => ({ ...previous, [name]: value }));

  const categoryOptions: Option[] = [
    { value: '', label: 'Choose a category' },
    ...categories.map((category) => ({ value: category.id, label: category.name })),
  ];

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (createTopic.isPending) return;
    const input: TopicInput = {
      categoryId: values.categoryId,
      kind: values.kind,
      // Warnings belong to stories; a discussion sends none even if some were ticked before switching.
      contentWarnings: values.kind === 'story' ? values.contentWarnings : [],
      title: values.title,
      body: values.body,
      isAnonymous: values.isAnonymous,
    };
    if (!form.checkWith(topicInputSchema, input)) return;
    createTopic.mutate(input, {
      onSuccess: (created) => {
        if (created.crisisSupport) onCreatedWithCrisis(created);
        else void navigate(topicPagePath(created.topic.id));
      },
      onError: form.showApiError,
    });
  };

  return (
    <>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit}>
        <Select
          id={form.fieldId('categoryId')}
          label="Category"
          error={form.errorFor('categoryId')}
          options={categoryOptions}
          value={values.categoryId}
          onChange={(event) => set('categoryId', event.target.value)}
        />
        <RadioGroup
          id={form.fieldId('kind')}
          label={fieldLabels.kind}
          error={form.errorFor('kind')}
          options={kindOptions}
          value={values.kind}
          onChange={(kind) => set('kind', kind as TopicKind)}
        />
        {values.kind === 'story' && (
          <CheckboxGroup
            id={form.fieldId('contentWarnings')}
            label="Content warnings"
            isOptional
            isCompact
            hint={contentWarningsHint}
            error={form.errorFor('contentWarnings')}
            options={contentWarningOptions}
            values={values.contentWarnings}
            onChange={(warnings) => set('contentWarnings', warnings as ContentWarning[])}
          />
        )}
        <TextField
          id={form.fieldId('title')}
          label="Title"
          error={form.errorFor('title')}
          maxLength={TOPIC_TITLE_MAX_LENGTH}
          autoComplete="off"
          value={values.title}
          onChange={(event) => set('title', event.target.value)}
        />
        <TextArea
          id={form.fieldId('body')}
          label="Your post"
          hint={<MarkdownHint />}
          error={form.errorFor('body')}
          maxLength={POST_BODY_MAX_LENGTH}
          rows={10}
          value={values.body}
          onChange={(event) => set('body', event.target.value)}
        />
        <AnonymousCheckbox
          id={form.fieldId('isAnonymous')}
          isChecked={values.isAnonymous}
          onChange={(isAnonymous) => set('isAnonymous', isAnonymous)}
        />
        <div className="actions">
          <Button type="submit" isLoading={createTopic.isPending}>
            Post topic
          </Button>
          <Link to="/community">Cancel</Link>
        </div>
      </form>
    </>
  );
}
