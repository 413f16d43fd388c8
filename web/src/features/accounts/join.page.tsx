import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { HANDLE_MAX_LENGTH, HANDLE_MIN_LENGTH, PASSWORD_MIN_LENGTH, signUpInputSchema } from '@kindred/common/accounts';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { safeNextPath } from '../../lib/navigation.ts';
import { browserTimeZone, useSignUp } from './accounts.api.ts';

const fields = { handle: 'Handle', password: 'Password', email: 'Email' } as const;

/** Create an account: a handle and a password; email optional. */
export function JoinPage() {
  const [values, setValues] = useState({ handle: '', password: '', email: '' });
  const form = useFormErrors('join', fields);
  const signUp = useSignUp();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const showToast = useToast();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signUp.isPending) return;
    const input = { ...values, timeZone: browserTimeZone() };
    if (!form.checkWith(signUpInputSchema, input)) return;
    signUp.mutate(input, {
      onSuccess: ({ member }) => {
        showToast(`Welcome to Kindred, ${member.handle}. We are glad you are here.`);
        void navigate(safeNextPath(searchParams.get('next')), { replace: true });
      },
      onError: form.showApiError,
    });
  };

  const update = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [name]: event.target.value }));

  return (
    <Page title="Join Kindred" lead="It takes a minute. You stay anonymous: no real name needed." width="narrow">
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit} className="card">
        <TextField
          id={form.fieldId('handle')}
          label="Handle"
          hint={`How other members will see you. ${HANDLE_MIN_LENGTH}–${HANDLE_MAX_LENGTH} letters, digits, _ or -. Not your real name.`}
          error={form.errorFor('handle')}
          value={values.handle}
          onChange={update('handle')}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
        />
        <TextField
          id={form.fieldId('password')}
          type="password"
          label="Password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few words you will remember works well.`}
          error={form.errorFor('password')}
          value={values.password}
          onChange={update('password')}
          autoComplete="new-password"
          required
        />
        <TextField
          id={form.fieldId('email')}
          type="email"
          label="Email"
          isOptional
          hint="Never shown to anyone. Only used to help you get back into your account."
          error={form.errorFor('email')}
          value={values.email}
          onChange={update('email')}
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
        />
        <Button type="submit" className="button-block" isLoading={signUp.isPending}>
          Create my account
        </Button>
      </form>
      <p className="form-footnote">
        Already have an account?{' '}
        <Link to={searchParams.has('next') ? `/sign-in?${searchParams}` : '/sign-in'}>Sign in</Link>
      </p>
    </Page>
  );
}
