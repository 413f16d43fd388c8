/** /community/preferences: how the community shows things to this member (stories with content warnings). */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { CommunityPreferences, ContentWarning } from '@kindred/common/community';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { CheckboxGroup } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useCommunityPreferences, useSaveCommunityPreferences } from './community.api.ts';
import { CheckboxField } from './community-parts.tsx';
import { contentWarningOptions } from './post-form-parts.tsx';

export function CommunityPreferencesPage() {
  const preferences = useCommunityPreferences();
  return (
    <Page
      title="Community preferences"
      lead="Choose how the community shows things to you. Only you see these choices."
    >
      <p className="back-link">
        <Link to="/community">
          <span aria-hidden="true">← </span>Community
        </Link>
      </p>
      {preferences.isPending ? (
        <Loading label="Loading your preferences…" />
      ) : preferences.isError ? (
        <Notice tone="error" title="We could not load your preferences">
          <p>{toApiError(preferences.error).message}</p>
          <Button variant="secondary" onClick={() => void preferences.refetch()} isLoading={preferences.isFetching}>
            Try again
          </Button>
        </Notice>
      ) : (
        <ContentWarningPreferences initial={preferences.data} />
      )}
    </Page>
  );
}

const fieldLabels = {
  expandWarnedStories: 'Open stories with content warnings right away',
  alwaysCollapsedWarnings: 'Always keep folded',
} as const;

function ContentWarningPreferences({ initial }: { initial: CommunityPreferences }) {
  const [values, setValues] = useState(initial);
  const save = useSaveCommunityPreferences();
  const form = useFormErrors('community-preferences', fieldLabels);
  const showToast = useToast();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate(values, {
      onSuccess: (saved) => {
        setValues(saved);
        showToast('Your preferences are saved');
      },
      onError: form.showApiError,
    });
  };

  return (
    <Card title="Stories with content warnings">
      <p>
        Members can mark a story with what it mentions, such as relapse or overdose. Such a story stays folded until you
        choose to open it, so you can decide whether today is a good day to read it.
      </p>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit}>
        <CheckboxField
          id={form.fieldId('expandWarnedStories')}
          label={fieldLabels.expandWarnedStories}
          hint="You still see the warnings above each story."
          isChecked={values.expandWarnedStories}
          onChange={(isChecked) => setValues((previous) => ({ ...previous, expandWarnedStories: isChecked }))}
        />
        <CheckboxGroup
          id={form.fieldId('alwaysCollapsedWarnings')}
          label={fieldLabels.alwaysCollapsedWarnings}
          isOptional
          isCompact
          hint="Stories that mention any of these stay folded until you open them, even with the choice above."
          error={form.errorFor('alwaysCollapsedWarnings')}
          options={contentWarningOptions}
          values={values.alwaysCollapsedWarnings}
          onChange={(warnings) =>
            setValues((previous) => ({ ...previous, alwaysCollapsedWarnings: warnings as ContentWarning[] }))
          }
        />
        <div className="actions">
          <Button type="submit" isLoading={save.isPending}>
            Save preferences
          </Button>
        </div>
      </form>
    </Card>
  );
}
