import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../api/client';

/** How many lines each home work list shows; the full lists page the rest. */
export const WORKLIST_SIZE = 5;

/** One page of a work list from the API (`{items, total}`), fetched only when the user may see it. */
export function useWorkQuery<T>(name: string, path: string, params: Record<string, string | number | undefined>, enabled: boolean) {
  return useQuery({
    queryKey: ['worklist', name, params],
    queryFn: () => api.get<{ items: T[]; total: number }>(withQuery(path, { page: 1, pageSize: WORKLIST_SIZE, ...params })),
    enabled,
    staleTime: 30_000,
  });
}

/** True once every enabled query has answered and none returned a line. */
export function allEmpty(queries: { enabled: boolean; isSuccess: boolean; total: number }[]): boolean {
  const live = queries.filter((q) => q.enabled);
  return live.every((q) => q.isSuccess && q.total === 0);
}
