/** Who is signed in: the one query every page and the header share. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Me, MeResponse } from '@kindred/common/accounts';
import { api, ApiError } from './api.ts';

export const meQueryKey = ['me'] as const;

/** True for the who-is-signed-in query itself (not the member's other data, e.g. ['me', 'profile']). */
export const isMeQueryKey = (queryKey: readonly unknown[] | undefined) =>
  queryKey?.length === 1 && queryKey[0] === meQueryKey[0];

/** The signed-in member, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return (await api.get<MeResponse>('/api/me')).member;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthenticated') return null;
    throw error;
  }
}

/** The signed-in member (data: Me), nobody (data: null), or still asking (isPending). */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60 * 1000 });
}

/** After sign-in or sign-up: remember the member, drop anything cached for someone else. */
export function rememberMember(queryClient: QueryClient, member: Me): void {
  queryClient.removeQueries({ predicate: (query) => !isMeQueryKey(query.queryKey) });
  queryClient.setQueryData(meQueryKey, member);
}

let isLeavingOnPurpose = false;

/** True while a member who chose to leave (sign out, delete) is on their way to the landing page. */
export const isLeaving = () => isLeavingOnPurpose;

/**
 * Forgets the member and goes to the landing page. Members-only pages stay quiet meanwhile instead
 * of sending the person to sign in, which they just chose not to be.
 */
export async function leaveForLanding(queryClient: QueryClient, goHome: () => Promise<void> | void): Promise<void> {
  isLeavingOnPurpose = true;
  try {
    forgetMember(queryClient);
    await goHome();
  } finally {
    isLeavingOnPurpose = false;
  }
}

/** After sign-out, account deletion or a session ending: forget the member and their data. */
export function forgetMember(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => !isMeQueryKey(query.queryKey) });
  queryClient.setQueryData(meQueryKey, null);
}
