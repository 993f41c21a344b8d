import { useQuery } from '@tanstack/react-query';
import { adminApi } from '../../../shared/api/admin';
import { call } from '../../api/call';

/** Agencies for the user forms' select; disabled agencies cannot receive new users. */
export function useAgencyOptions(currentAgencyId?: string) {
  const agencies = useQuery({
    queryKey: ['agencies', 'options'],
    queryFn: () => call(adminApi.listAgencies, { query: { page: 1, pageSize: 200 } }),
    staleTime: 60_000,
  });
  const options = (agencies.data?.items ?? [])
    .filter((agency) => !agency.disabled || agency.id === currentAgencyId)
    .map((agency) => ({ value: agency.id, label: agency.name }));
  return { options, error: agencies.error };
}
