/** Meetings entered by hand and "request a change" messages (for the people who keep the meeting list). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeRequestItem, HandMeeting, HandMeetingInput } from '@kindred/common/meetings';
import { api } from '../../lib/api.ts';

const handMeetingsKey = ['meetings', 'hand-entered'] as const;
const changeRequestsKey = ['meetings', 'change-requests'] as const;
const handMeetingsPath = '/api/admin/meetings';
const handMeetingPath = (slug: string) => `${handMeetingsPath}/${encodeURIComponent(slug)}`;

/** Every meeting entered by hand, by name. */
export function useHandMeetings(isEnabled = true) {
  return useQuery({
    queryKey: handMeetingsKey,
    queryFn: async () => (await api.get<{ meetings: HandMeeting[] }>(handMeetingsPath)).meetings,
    enabled: isEnabled,
  });
}

/** One hand-entered meeting, to edit. */
export function useHandMeeting(slug: string, isEnabled = true) {
  return useQuery({
    queryKey: [...handMeetingsKey, slug],
    queryFn: async () => (await api.get<{ meeting: HandMeeting }>(handMeetingPath(slug))).meeting,
    enabled: isEnabled,
  });
}

/** Enters a meeting (no slug) or changes one (its slug). */
export function useSaveHandMeeting(slug: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: HandMeetingInput) =>
      slug === null
        ? (await api.post<{ meeting: HandMeeting }>(handMeetingsPath, input)).meeting
        : (await api.put<{ meeting: HandMeeting }>(handMeetingPath(slug), input)).meeting,
    onSuccess: () => {
      // The list, the finder and the meeting's own page all show it.
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
}

export function useRemoveHandMeeting(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<undefined>(handMeetingPath(slug)),
    onSuccess: () => {
      queryClient.setQueryData<HandMeeting[]>(handMeetingsKey, (meetings) =>
        meetings?.filter((meeting) => meeting.slug !== slug),
      );
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
}

/** The change requests waiting for an editor, newest first. */
export function useOpenChangeRequests(isEnabled = true) {
  return useQuery({
    queryKey: changeRequestsKey,
    queryFn: async () =>
      (await api.get<{ requests: ChangeRequestItem[] }>('/api/admin/meeting-change-requests?status=open')).requests,
    enabled: isEnabled,
  });
}

export function useResolveChangeRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<undefined>(`/api/admin/meeting-change-requests/${encodeURIComponent(id)}/resolve`, {}),
    onSuccess: (_result, id) => {
      queryClient.setQueryData<ChangeRequestItem[]>(changeRequestsKey, (requests) =>
        requests?.filter((request) => request.id !== id),
      );
      void queryClient.invalidateQueries({ queryKey: handMeetingsKey });
    },
  });
}

/** Every meeting type with its name (the spec's reserved codes), for the form. */
export function useMeetingTypes() {
  return useQuery({
    queryKey: ['meetings', 'types'],
    queryFn: async () => (await api.get<{ types: Array<{ code: string; name: string }> }>('/api/meetings/types')).types,
    staleTime: Infinity,
  });
}
