/** Meeting sources (for the people who keep the meeting list): the list, adding, changing, importing, removing. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberRole } from '@kindred/common/accounts';
import type { ImportReport, MeetingSource, MeetingSourceInput } from '@kindred/common/meetings';
import { api } from '../../lib/api.ts';

export const meetingSourcesQueryKey = ['meetings', 'sources'] as const;

const sourcesPath = '/api/admin/meeting-sources';
const sourcePath = (id: string) => `${sourcesPath}/${encodeURIComponent(id)}`;

/** Every meeting source with its last import. */
export function useMeetingSources(isEnabled = true) {
  return useQuery({
    queryKey: meetingSourcesQueryKey,
    queryFn: async () => (await api.get<{ sources: MeetingSource[] }>(sourcesPath)).sources,
    enabled: isEnabled,
  });
}

/** Puts a changed source in the cached list (or adds a new one at the end). */
function useRememberSource() {
  const queryClient = useQueryClient();
  return (source: MeetingSource) => {
    queryClient.setQueryData<MeetingSource[]>(meetingSourcesQueryKey, (sources) => {
      if (!sources) return sources;
      return sources.some((each) => each.id === source.id)
        ? sources.map((each) => (each.id === source.id ? source : each))
        : [...sources, source];
    });
    void queryClient.invalidateQueries({ queryKey: meetingSourcesQueryKey });
  };
}

/** Adds a source. */
export function useAddMeetingSource() {
  const rememberSource = useRememberSource();
  return useMutation({
    mutationFn: async (input: MeetingSourceInput) =>
      (await api.post<{ source: MeetingSource }>(sourcesPath, input)).source,
    onSuccess: rememberSource,
  });
}

/** Changes a source's settings. */
export function useUpdateMeetingSource(id: string) {
  const rememberSource = useRememberSource();
  return useMutation({
    mutationFn: async (input: Partial<MeetingSourceInput>) =>
      (await api.patch<{ source: MeetingSource }>(sourcePath(id), input)).source,
    onSuccess: rememberSource,
  });
}

/** Imports now: an uploaded file's text, or (without text) the source's web address. */
export function useImportMeetingSource(id: string) {
  const rememberSource = useRememberSource();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text?: string) =>
      api.post<{ source: MeetingSource; report: ImportReport }>(
        `${sourcePath(id)}/import`,
        text === undefined ? {} : { text },
      ),
    onSuccess: ({ source }) => {
      rememberSource(source);
      // The finder's results and meeting pages may have changed.
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
}

/** Removes a source and every meeting that came from it. */
export function useRemoveMeetingSource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<undefined>(sourcePath(id)),
    onSuccess: () => {
      queryClient.setQueryData<MeetingSource[]>(meetingSourcesQueryKey, (sources) =>
        sources?.filter((source) => source.id !== id),
      );
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
}

/** True for the people who keep the meeting list: meeting editors and admins. */
export const canKeepMeetingList = (role: MemberRole | undefined) => role === 'meeting-editor' || role === 'admin';
