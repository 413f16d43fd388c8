import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { signInInputSchema } from '@kindred/common/accounts';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { safeNextPath } from '../../lib/navigation.ts';
import { useSignIn } from './accounts.api.ts';

const fields = { handle: 'Handle', password: 'Password' } as const;

/** Sign in with handle and password, then go on to `next` (or home). */
export function SignInPage() {
  const [values, setValues] = useState({ handle: '', password: '' });
  const form = useFormErrors('sign-in', fields);
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    if (!form.checkWith(signInInputSchema, values)) return;
    signIn.mutate(values, {
      onSuccess: () => void navigate(safeNextPath(searchParams.get('next')), { replace: true }),
      onError: form.showApiError,
    });
  };

  const update = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [name]: event.target.value }));

  return (
    <Page title="Sign in" lead="Welcome back. It is good to see you." width="narrow">
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit} className="card">
        <TextField
          id={form.fieldId('handle')}
          label="Handle"
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
          error={form.errorFor('password')}
          value={values.password}
          onChange={update('password')}
          autoComplete="current-password"
          required
        />
        <Button type="submit" className="button-block" isLoading={signIn.isPending}>
          Sign in
        </Button>
      </form>
      <p className="form-footnote">
        New to Kindred? <Link to={searchParams.has('next') ? `/join?${searchParams}` : '/join'}>Join for free</Link>
      </p>
    </Page>
  );
}
