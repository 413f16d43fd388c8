import { useState, type FormEvent } from 'react';
import { deleteAccountInputSchema } from '@kindred/common/accounts';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useDeleteAccount } from './accounts.api.ts';
import { useLeaveForLanding } from './sign-out.ts';

/** The danger zone: delete the account, after the password, in a dialog that says what it means. */
export function DeleteAccount({ handle }: { handle: string }) {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Card title="Delete my account" tone="danger">
      <p>
        This permanently deletes your account, your profile, your recovery data and everything you wrote in the
        community, including topics you started and the replies in them. It cannot be undone. You may want to download
        your data first.
      </p>
      <Button variant="danger" onClick={() => setIsOpen(true)}>
        Delete my account
      </Button>
      <Dialog isOpen={isOpen} onClose={() => setIsOpen(false)} title="Delete your account?">
        <DeleteAccountForm handle={handle} onCancel={() => setIsOpen(false)} />
      </Dialog>
    </Card>
  );
}

const fields = { password: 'Your password' } as const;

function DeleteAccountForm({ handle, onCancel }: { handle: string; onCancel: () => void }) {
  const [password, setPassword] = useState('');
  const form = useFormErrors('delete-account', fields);
  const deleteAccount = useDeleteAccount();
  const leave = useLeaveForLanding();

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (deleteAccount.isPending) return;
    if (!form.checkWith(deleteAccountInputSchema, { password })) return;
    deleteAccount.mutate(
      { password },
      {
        onSuccess: () =>
          void leave('Your account has been deleted. Thank you for being part of Kindred. Take good care.'),
        onError: form.showApiError,
      },
    );
  };

  return (
    <>
      <p>
        This is permanent. Your account, your profile and everything connected to them are deleted straight away and
        cannot be brought back. Your handle <strong>{handle}</strong> becomes free for someone else to use.
      </p>
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit}>
        <TextField
          id={form.fieldId('password')}
          type="password"
          label="Your password"
          hint="To make sure it is really you."
          error={form.errorFor('password')}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
          data-autofocus
        />
        <div className="actions">
          <Button type="submit" variant="danger" isLoading={deleteAccount.isPending}>
            Delete my account forever
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Keep my account
          </Button>
        </div>
      </form>
    </>
  );
}
