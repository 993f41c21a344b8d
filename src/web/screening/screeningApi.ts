import { useQuery } from '@tanstack/react-query';
import { indicatorSetsApi, screeningsApi } from '../../shared/api/screening';
import { call } from '../api/call';

/** Query keys of screenings and indicator sets, so a change refreshes exactly what it touched. */
export const screeningKeys = {
  all: ['screenings'] as const,
  list: (params: Record<string, unknown>) => ['screenings', 'list', params] as const,
  detail: (id: string) => ['screenings', 'detail', id] as const,
  indicatorSet: (id: string) => ['indicator-sets', id] as const,
};

/** The indicator set new screenings use. */
export function useCurrentIndicatorSet() {
  return useQuery({ queryKey: screeningKeys.indicatorSet('current'), queryFn: () => call(indicatorSetsApi.current) });
}

/** One indicator set version (an old screening shows the questions it was asked with). */
export function useIndicatorSet(id: string | undefined) {
  return useQuery({
    queryKey: screeningKeys.indicatorSet(id ?? ''),
    queryFn: () => call(indicatorSetsApi.one, { params: { id: id! } }),
    enabled: Boolean(id),
    staleTime: Infinity, // versions never change
  });
}

/** One screening as its reader may see it. */
export function useScreening(id: string) {
  return useQuery({ queryKey: screeningKeys.detail(id), queryFn: () => call(screeningsApi.detail, { params: { id } }), retry: false });
}
