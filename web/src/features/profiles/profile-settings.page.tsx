import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { HANDLE_MAX_LENGTH, HANDLE_MIN_LENGTH } from '@kindred/common/accounts';
import {
  BIO_MAX_LENGTH,
  languageOptions,
  profileUpdateInputSchema,
  recoveryPathwayLabels,
  recoveryPathways,
  type OwnProfile,
} from '@kindred/common/profiles';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { CheckboxGroup, RadioGroup, Select, TextArea, TextField } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { browserTimeZone } from '../accounts/accounts.api.ts';
import { languageNameLang } from './profile-labels.ts';
import { useOwnProfile, useUpdateProfile } from './profiles.api.ts';

/** Edit how other members see you. */
export function ProfileSettingsPage() {
  const profile = useOwnProfile();
  return (
    <Page
      title="Your profile"
      lead="Share as much or as little as you like. Everything here is optional except your handle."
    >
      {profile.isPending ? (
        <Loading label="Loading your profile…" />
      ) : profile.isError ? (
        <Notice tone="error" title="We could not load your profile">
          <p>{toApiError(profile.error).message}</p>
        </Notice>
      ) : (
        <ProfileForm profile={profile.data} />
      )}
    </Page>
  );
}

type ProfileFormValues = {
  handle: string;
  displayName: string;
  pronouns: string;
  bio: string;
  recoveryPathways: string[];
  recoveringFrom: string;
  recoveringFromVisibility: string;
  languages: string[];
  timeZone: string;
  profileVisibility: string;
};

const fieldLabels = {
  handle: 'Handle',
  displayName: 'Display name',
  pronouns: 'Pronouns',
  bio: 'About me',
  recoveryPathways: 'Recovery pathways',
  recoveringFrom: 'What you are recovering from',
  recoveringFromVisibility: 'Who can see what you are recovering from',
  languages: 'Languages you speak',
  timeZone: 'Time zone',
  profileVisibility: 'Who can see your profile',
} as const satisfies Record<keyof ProfileFormValues, string>;
const fields = Object.keys(fieldLabels) as (keyof ProfileFormValues)[];

function toFormValues(profile: OwnProfile): ProfileFormValues {
  return {
    handle: profile.handle,
    displayName: profile.displayName ?? '',
    pronouns: profile.pronouns ?? '',
    bio: profile.bio ?? '',
    recoveryPathways: [...profile.recoveryPathways],
    recoveringFrom: profile.recoveringFrom ?? '',
    recoveringFromVisibility: profile.recoveringFromVisibility,
    languages: [...profile.languages],
    timeZone: profile.timeZone,
    profileVisibility: profile.profileVisibility,
  };
}

/** Only what changed, so saving never touches a field the member did not edit. */
function changesBetween(saved: ProfileFormValues, edited: ProfileFormValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const name of fields) {
    const before = saved[name];
    const after = edited[name];
    const isSame = Array.isArray(before) && Array.isArray(after) ? before.join() === after.join() : before === after;
    if (!isSame) changes[name] = after;
  }
  return changes;
}

const pathwayOptions = recoveryPathways.map((pathway) => ({ value: pathway, label: recoveryPathwayLabels[pathway] }));
const languageChoiceOptions = languageOptions.map((language) => ({
  value: language.code,
  label: language.name,
  lang: languageNameLang(language.code),
}));

function timeZoneOptions(current: string): { value: string; label: string }[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set([...zones, 'UTC', current]);
  const deviceZone = browserTimeZone();
  if (deviceZone) all.add(deviceZone);
  return [...all].sort().map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}

function ProfileForm({ profile }: { profile: OwnProfile }) {
  const [values, setValues] = useState(() => toFormValues(profile));
  const form = useFormErrors('profile', fieldLabels);
  const updateProfile = useUpdateProfile();
  const showToast = useToast();
  const zones = useMemo(() => timeZoneOptions(profile.timeZone), [profile.timeZone]);
  const deviceZone = browserTimeZone();

  const set = useCallback(
    <Name extends keyof ProfileFormValues>(name: Name, value: ProfileFormValues[Name]) =>
      setValues((previous) => ({ ...previous, [name]: value })),
    [],
  );
  const text = (name: 'handle' | 'displayName' | 'pronouns' | 'bio' | 'recoveringFrom') => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) => set(name, event.target.value),
  });

  // Hundreds of time zones: build the select once per change of its own value, not on every keystroke elsewhere.
  const timeZoneError = form.errorFor('timeZone');
  const timeZoneId = form.fieldId('timeZone');
  const timeZoneSelect = useMemo(
    () => (
      <Select
        id={timeZoneId}
        label="Time zone"
        hint={
          deviceZone && deviceZone !== values.timeZone
            ? `Used for dates and times. This device is set to ${deviceZone.replaceAll('_', ' ')}.`
            : 'Used for dates and times.'
        }
        error={timeZoneError}
        options={zones}
        value={values.timeZone}
        onChange={(event) => set('timeZone', event.target.value)}
      />
    ),
    [timeZoneId, deviceZone, values.timeZone, timeZoneError, zones, set],
  );

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (updateProfile.isPending) return;
    const changes = changesBetween(toFormValues(profile), values);
    if (!form.checkWith(profileUpdateInputSchema, changes)) return;
    updateProfile.mutate(changes, {
      onSuccess: (saved) => {
        setValues(toFormValues(saved));
        showToast('Profile saved');
      },
      onError: form.showApiError,
    });
  };

  return (
    <>
      <p>
        <Link to={`/members/${encodeURIComponent(profile.handle)}`}>See your profile as other members see it</Link>
      </p>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit} className="stack">
        <Card title="About you">
          <TextField
            id={form.fieldId('handle')}
            label="Handle"
            hint={`How other members see you. ${HANDLE_MIN_LENGTH}–${HANDLE_MAX_LENGTH} letters, digits, _ or -. Not your real name.`}
            error={form.errorFor('handle')}
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            {...text('handle')}
          />
          <TextField
            id={form.fieldId('displayName')}
            label="Display name"
            isOptional
            hint="A name to show with your handle. A first name, a nickname, or nothing at all."
            error={form.errorFor('displayName')}
            autoComplete="nickname"
            {...text('displayName')}
          />
          <TextField
            id={form.fieldId('pronouns')}
            label="Pronouns"
            isOptional
            hint="For example: she/her, he/him, they/them."
            error={form.errorFor('pronouns')}
            {...text('pronouns')}
          />
          <TextArea
            id={form.fieldId('bio')}
            label="About me"
            isOptional
            hint="A few words for other members: where you are in your journey, what helps you, what you enjoy."
            error={form.errorFor('bio')}
            maxLength={BIO_MAX_LENGTH}
            {...text('bio')}
          />
        </Card>

        <Card title="Your recovery">
          <CheckboxGroup
            id={form.fieldId('recoveryPathways')}
            label="Recovery pathways"
            isOptional
            hint="Choose any that are part of your recovery. Every path is welcome here."
            error={form.errorFor('recoveryPathways')}
            options={pathwayOptions}
            values={values.recoveryPathways}
            onChange={(next) => set('recoveryPathways', next)}
          />
          <TextField
            id={form.fieldId('recoveringFrom')}
            label="What you are recovering from"
            isOptional
            hint="In your own words, for example alcohol, opioids or gambling."
            error={form.errorFor('recoveringFrom')}
            {...text('recoveringFrom')}
          />
          <RadioGroup
            id={form.fieldId('recoveringFromVisibility')}
            label="Who can see what you are recovering from?"
            error={form.errorFor('recoveringFromVisibility')}
            options={[
              { value: 'private', label: 'Only me' },
              { value: 'members', label: 'Members of Kindred', hint: 'Shown on your profile to signed-in members.' },
            ]}
            value={values.recoveringFromVisibility}
            onChange={(next) => set('recoveringFromVisibility', next)}
          />
        </Card>

        <Card title="Languages and time">
          <CheckboxGroup
            id={form.fieldId('languages')}
            label="Languages you speak"
            isOptional
            hint="So members can find someone to talk to in their language."
            error={form.errorFor('languages')}
            options={languageChoiceOptions}
            values={values.languages}
            onChange={(next) => set('languages', next)}
            isCompact
          />
          {timeZoneSelect}
        </Card>

        <Card title="Privacy">
          <RadioGroup
            id={form.fieldId('profileVisibility')}
            label="Who can see your profile?"
            error={form.errorFor('profileVisibility')}
            options={[
              { value: 'members', label: 'Members of Kindred', hint: 'Signed-in members can see your profile.' },
              { value: 'nobody', label: 'Nobody', hint: 'Your profile is hidden from everyone but you.' },
            ]}
            value={values.profileVisibility}
            onChange={(next) => set('profileVisibility', next)}
          />
        </Card>

        <div className="actions">
          <Button type="submit" isLoading={updateProfile.isPending}>
            Save profile
          </Button>
        </div>
      </form>
    </>
  );
}
