/** The accounts API as queries and mutations: sign up/in/out, email, password, sessions, deletion. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeEmailInput,
  ChangePasswordInput,
  DeleteAccountInput,
  MeResponse,
  SessionList,
  SignInInput,
  SignUpInput,
} from '@kindred/common/accounts';
import { api } from '../../lib/api.ts';
import { meQueryKey, rememberMember } from '../../lib/me.ts';

export const sessionsQueryKey = ['me', 'sessions'] as const;

/** The browser's IANA time zone, for a new member's profile. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignUpInput) => api.post<MeResponse>('/api/auth/sign-up', input),
    onSuccess: ({ member }) => rememberMember(queryClient, member),
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.post<MeResponse>('/api/auth/sign-in', input),
    onSuccess: ({ member }) => rememberMember(queryClient, member),
  });
}

/** Ends this session. The caller leaves the members-only page first, then forgets the member. */
export function useSignOut() {
  return useMutation({ mutationFn: () => api.post<void>('/api/auth/sign-out') });
}

export function useChangeEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangeEmailInput) => api.put<MeResponse>('/api/me/email', input),
    onSuccess: ({ member }) => queryClient.setQueryData(meQueryKey, member),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post<void>('/api/me/password', input),
    // Every other session has ended.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: async () => (await api.get<SessionList>('/api/me/sessions')).sessions,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api.delete<void>(`/api/me/sessions/${encodeURIComponent(sessionId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

export function useDeleteAccount() {
  return useMutation({
    mutationFn: (input: DeleteAccountInput) => api.delete<void>('/api/me', input),
  });
}
