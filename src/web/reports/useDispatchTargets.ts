import { useQuery } from '@tanstack/react-query';
import { reportsApi } from '../../shared/api/reports';
import { call } from '../api/call';

/** The law-enforcement units the hotline may send a report to (only loaded for users who may dispatch). */
export function useDispatchTargets(enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'dispatch-targets'],
    queryFn: () => call(reportsApi.dispatchTargets),
    enabled,
    staleTime: 5 * 60_000,
  });
}
