import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';
import { forgetMember, isMeQueryKey, meQueryKey } from './me.ts';

const isClientError = (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500;

/** The app's query client. A 401 anywhere means the session ended (revoked, expired): forget the member. */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown, queryKey?: readonly unknown[]) => {
    if (error instanceof ApiError && error.code === 'unauthenticated' && !isMeQueryKey(queryKey)) {
      const hadMember = queryClient.getQueryData(meQueryKey);
      if (hadMember) forgetMember(queryClient);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
        staleTime: 30 * 1000,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
