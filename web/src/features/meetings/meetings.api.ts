/** The meeting finder, one meeting, and a member's favorites and "I went" as queries and mutations. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FinderChoices,
  CalendarLinkResponse,
  ChangeRequestInput,
  AttendanceInput,
  AttendanceProgress,
  FinderSettings,
  MeetingDetail,
  MeetingSearchResponse,
  MeetingSummary,
  Place,
} from '@kindred/common/meetings';
import { api } from '../../lib/api.ts';

export const meetingSearchQueryKey = (query: string) => ['meetings', 'search', query] as const;
export const meetingQueryKey = (slug: string) => ['meetings', 'one', slug] as const;
export const placesQueryKey = (words: string) => ['meetings', 'places', words] as const;
export const finderSettingsQueryKey = ['meetings', 'settings'] as const;
// Under ['me', …] so they are dropped with the rest of a member's data at sign-in and sign-out.
export const favoriteMeetingsQueryKey = ['me', 'meetings', 'favorites'] as const;
export const attendanceQueryKey = ['me', 'meetings', 'attendance'] as const;

const meetingPath = (slug: string) => `/api/meetings/${encodeURIComponent(slug)}`;

/** The calendar file of one meeting (a plain link: the browser or phone opens it). */
export const meetingCalendarUrl = (slug: string) => `${meetingPath(slug)}/calendar.ics`;
/** The calendar file of the member's favorites. */
export const favoritesCalendarUrl = '/api/me/meetings/favorites.ics';

/** Search results, page by page ("Load more"). `query` is the API's query string (no leading "?"). */
export function useMeetingSearch(query: string) {
  return useInfiniteQuery({
    queryKey: meetingSearchQueryKey(query),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(query);
      if (pageParam) params.set('cursor', pageParam);
      const search = params.toString();
      return api.get<MeetingSearchResponse>(`/api/meetings${search ? `?${search}` : ''}`);
    },
    initialPageParam: '',
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // "In progress" and "starting soon" change by the minute.
    staleTime: 60_000,
  });
}

/** One meeting, by its slug. */
export function useMeeting(slug: string) {
  return useQuery({
    queryKey: meetingQueryKey(slug),
    queryFn: async () => (await api.get<{ meeting: MeetingDetail }>(meetingPath(slug))).meeting,
  });
}

/** Places matching typed words (towns, cities, postal codes), best first; only once words are sent. */
export function usePlaces(words: string) {
  return useQuery({
    queryKey: placesQueryKey(words),
    queryFn: async () =>
      (await api.get<{ places: Place[] }>(`/api/places?${new URLSearchParams({ q: words }).toString()}`)).places,
    enabled: words !== '',
    staleTime: Infinity,
  });
}

/** The map's tiles and the credits this deployment shows. */
export function useFinderSettings(isEnabled = true) {
  return useQuery({
    queryKey: finderSettingsQueryKey,
    queryFn: () => api.get<FinderSettings>('/api/meetings/settings'),
    enabled: isEnabled,
    staleTime: Infinity,
  });
}

/** The fellowships, regions and languages the meetings here have. */
export function useFinderChoices() {
  return useQuery({
    queryKey: ['meetings', 'choices'],
    queryFn: () => api.get<FinderChoices>('/api/meetings/choices'),
    staleTime: 5 * 60_000,
  });
}

/** The member's favorite meetings. */
export function useFavoriteMeetings() {
  return useQuery({
    queryKey: favoriteMeetingsQueryKey,
    queryFn: async () => (await api.get<{ meetings: MeetingSummary[] }>('/api/me/meetings/favorites')).meetings,
  });
}

/** The member's "90 meetings in 90 days" and their recent meetings. */
export function useAttendanceProgress() {
  return useQuery({
    queryKey: attendanceQueryKey,
    queryFn: async () => (await api.get<{ progress: AttendanceProgress }>('/api/me/meetings/attendance')).progress,
  });
}

/** Adds the meeting to the member's favorites, or takes it off. */
export function useSetFavorite(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isFavorite: boolean) =>
      isFavorite
        ? api.put<undefined>(`${meetingPath(slug)}/favorite`)
        : api.delete<undefined>(`${meetingPath(slug)}/favorite`),
    onSuccess: (_answer, isFavorite) => {
      queryClient.setQueryData<MeetingDetail>(meetingQueryKey(slug), (meeting) =>
        meeting ? { ...meeting, isFavorite } : meeting,
      );
      void queryClient.invalidateQueries({ queryKey: favoriteMeetingsQueryKey });
    },
  });
}

/** "I went": counts the meeting for today (or the given day) and answers with the member's progress. */
export function useMarkAttended(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: AttendanceInput = {}) =>
      (await api.post<{ progress: AttendanceProgress }>(`${meetingPath(slug)}/attendance`, input)).progress,
    onSuccess: (progress) => {
      queryClient.setQueryData(attendanceQueryKey, progress);
      void queryClient.invalidateQueries({ queryKey: meetingQueryKey(slug) });
    },
  });
}

/** "Request a change": a message to this site's meeting editors. */
export function useRequestMeetingChange(slug: string) {
  return useMutation({
    mutationFn: (input: ChangeRequestInput) => api.post<undefined>(`${meetingPath(slug)}/change-requests`, input),
  });
}

const calendarLinkPath = '/api/me/meetings/calendar-link';
const calendarLinkKey = ['meetings', 'calendar-link'] as const;

/** Whether the member has a private calendar link (its address is only in the answer that made it). */
export function useCalendarLink() {
  return useQuery({
    queryKey: calendarLinkKey,
    queryFn: async () => (await api.get<CalendarLinkResponse>(calendarLinkPath)).link,
  });
}

/** Makes or replaces the private calendar link: the answer holds its address, shown once. */
export function useMakeCalendarLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await api.post<CalendarLinkResponse>(calendarLinkPath, {})).link!,
    onSuccess: (link) => queryClient.setQueryData(calendarLinkKey, { ...link, url: null }),
  });
}

export function useRemoveCalendarLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<undefined>(calendarLinkPath),
    onSuccess: () => queryClient.setQueryData(calendarLinkKey, null),
  });
}
