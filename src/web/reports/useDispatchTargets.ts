import { useQuery } from '@tanstack/react-query';
import type { DispatchTarget } from '../../shared/api/reports';
import { api } from '../api/client';

/** Agencies the hotline may send a report to (only loaded for users who may dispatch). */
export function useDispatchTargets(enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'dispatch-targets'],
    queryFn: () => api.get<{ items: DispatchTarget[] }>('/api/reports/dispatch-targets'),
    enabled,
    staleTime: 5 * 60_000,
  });
}
