import { useState, type FormEvent } from 'react';
import {
  changeEmailInputSchema,
  changePasswordInputSchema,
  PASSWORD_MIN_LENGTH,
  type Me,
} from '@kindred/common/accounts';
import { Button, ButtonAnchor } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useMe } from '../../lib/me.ts';
import { BlockedMembersCard } from '../safety/blocked-members.tsx';
import { useChangeEmail, useChangePassword } from './accounts.api.ts';
import { DeleteAccount } from './delete-account.tsx';
import { SessionList } from './session-list.tsx';
import { useSignOutAndLeave } from './sign-out.ts';

/** Email, password, signed-in devices, the member's data, signing out and deleting the account. */
export function AccountSettingsPage() {
  const me = useMe();
  const { signOutAndLeave, isSigningOut } = useSignOutAndLeave();
  return (
    <Page title="Account" lead="Your sign-in details, your devices and your data. Only you can see this page.">
      {!me.data ? (
        <Loading />
      ) : (
        <div className="stack">
          <EmailCard me={me.data} />
          <PasswordCard />
          <Card title="Where you are signed in">
            <SessionList />
          </Card>
          <BlockedMembersCard />
          <Card title="Your data">
            <p>
              Download everything Kindred holds about you — your account, profile and sign-ins — as a JSON file. You can
              do this as often as you like.
            </p>
            <ButtonAnchor variant="secondary" href="/api/me/export" download>
              Download my data
            </ButtonAnchor>
          </Card>
          <Card title="Sign out">
            <p>Sign out of Kindred on this device. Your other devices stay signed in.</p>
            <Button variant="secondary" onClick={signOutAndLeave} isLoading={isSigningOut}>
              Sign out of this device
            </Button>
          </Card>
          <DeleteAccount handle={me.data.handle} />
        </div>
      )}
    </Page>
  );
}

const emailFields = { email: 'Email' } as const;

function EmailCard({ me }: { me: Me }) {
  const [email, setEmail] = useState(me.email ?? '');
  const form = useFormErrors('account-email', emailFields);
  const changeEmail = useChangeEmail();
  const showToast = useToast();

  const save = (nextEmail: string) => {
    if (!form.checkWith(changeEmailInputSchema, { email: nextEmail })) return;
    changeEmail.mutate(
      { email: nextEmail },
      {
        onSuccess: ({ member }) => {
          setEmail(member.email ?? '');
          showToast(member.email ? 'Email saved' : 'Email removed');
        },
        onError: form.showApiError,
      },
    );
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!changeEmail.isPending) save(email.trim());
  };

  return (
    <Card title="Email">
      <p>
        {me.email ? (
          <>
            Your email is <strong>{me.email}</strong>.
          </>
        ) : (
          'You have not added an email. Without one, nobody can help you back in if you forget your password.'
        )}
      </p>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit}>
        <TextField
          id={form.fieldId('email')}
          type="email"
          label={me.email ? 'New email' : 'Email'}
          hint="Never shown to anyone. Only used to help you get back into your account."
          error={form.errorFor('email')}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
        />
        <div className="actions">
          <Button type="submit" isLoading={changeEmail.isPending && changeEmail.variables.email !== ''}>
            Save email
          </Button>
          {me.email && (
            <Button
              variant="quiet"
              onClick={() => save('')}
              isLoading={changeEmail.isPending && changeEmail.variables.email === ''}
            >
              Remove my email
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

const passwordFields = { currentPassword: 'Current password', newPassword: 'New password' } as const;

function PasswordCard() {
  const emptyValues = { currentPassword: '', newPassword: '' };
  const [values, setValues] = useState(emptyValues);
  const form = useFormErrors('account-password', passwordFields);
  const changePassword = useChangePassword();
  const showToast = useToast();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (changePassword.isPending) return;
    if (!form.checkWith(changePasswordInputSchema, values)) return;
    changePassword.mutate(values, {
      onSuccess: () => {
        setValues(emptyValues);
        showToast('Password changed. Your other devices have been signed out.');
      },
      onError: form.showApiError,
    });
  };

  return (
    <Card title="Password">
      <p>Changing your password signs you out everywhere else.</p>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit}>
        <TextField
          id={form.fieldId('currentPassword')}
          type="password"
          label="Current password"
          error={form.errorFor('currentPassword')}
          value={values.currentPassword}
          onChange={(event) => setValues((previous) => ({ ...previous, currentPassword: event.target.value }))}
          autoComplete="current-password"
        />
        <TextField
          id={form.fieldId('newPassword')}
          type="password"
          label="New password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          error={form.errorFor('newPassword')}
          value={values.newPassword}
          onChange={(event) => setValues((previous) => ({ ...previous, newPassword: event.target.value }))}
          autoComplete="new-password"
        />
        <Button type="submit" isLoading={changePassword.isPending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
