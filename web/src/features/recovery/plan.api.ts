/** The recovery plan API as a query and a mutation. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecoveryPlan, RecoveryPlanInput } from '@kindred/common/recovery';
import { api } from '../../lib/api.ts';

export const recoveryPlanQueryKey = ['recovery', 'plan'] as const;

/** The member's plan (empty lists and updatedAt null until first saved). */
export function useRecoveryPlan() {
  return useQuery({
    queryKey: recoveryPlanQueryKey,
    queryFn: async () => (await api.get<{ plan: RecoveryPlan }>('/api/recovery/plan')).plan,
  });
}

/** Replaces the whole plan. */
export function useSaveRecoveryPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (plan: RecoveryPlanInput) =>
      (await api.put<{ plan: RecoveryPlan }>('/api/recovery/plan', plan)).plan,
    onSuccess: (plan) => queryClient.setQueryData(recoveryPlanQueryKey, plan),
  });
}
