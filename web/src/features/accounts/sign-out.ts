import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useToast } from '../../components/toast.tsx';
import { leaveForLanding } from '../../lib/me.ts';
import { useSignOut } from './accounts.api.ts';

/** Forgets the member, goes to the landing page and says a kind word there. */
export function useLeaveForLanding() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const showToast = useToast();
  return async (message: string) => {
    await leaveForLanding(queryClient, () => navigate('/', { replace: true, flushSync: true }));
    showToast(message);
  };
}

/** Signs out of this device and goes to the landing page. */
export function useSignOutAndLeave() {
  const signOut = useSignOut();
  const leave = useLeaveForLanding();
  const showToast = useToast();
  const signOutAndLeave = () => {
    if (signOut.isPending) return;
    signOut.mutate(undefined, {
      onSuccess: () => void leave('You are signed out. Take care of yourself.'),
      onError: (error) => showToast(error.message),
    });
  };
  return { signOutAndLeave, isSigningOut: signOut.isPending };
}
