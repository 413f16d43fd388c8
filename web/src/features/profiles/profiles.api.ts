/** The profiles API as queries and mutations. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberProfile, OwnProfile, ProfileUpdateInput } from '@kindred/common/profiles';
import { api } from '../../lib/api.ts';
import { meQueryKey } from '../../lib/me.ts';

export const ownProfileQueryKey = ['me', 'profile'] as const;
export const memberProfileQueryKey = (handle: string) => ['profiles', handle.toLowerCase()] as const;

export function useOwnProfile() {
  return useQuery({
    queryKey: ownProfileQueryKey,
    queryFn: async () => (await api.get<{ profile: OwnProfile }>('/api/me/profile')).profile,
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: ProfileUpdateInput) =>
      (await api.patch<{ profile: OwnProfile }>('/api/me/profile', changes)).profile,
    onSuccess: (profile) => {
      queryClient.setQueryData(ownProfileQueryKey, profile);
      // The handle may have changed: the header and member pages read it.
      void queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
    },
  });
}

export function useMemberProfile(handle: string) {
  return useQuery({
    queryKey: memberProfileQueryKey(handle),
    queryFn: async () =>
      (await api.get<{ profile: MemberProfile }>(`/api/profiles/${encodeURIComponent(handle)}`)).profile,
  });
}
