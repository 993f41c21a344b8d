import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CallInput, QueryIn, RouteContract } from '../../shared/api/contract';
import type { PageQuery } from '../../shared/api/pagination';
import { call } from '../api/call';

/** How many lines each home work list shows; the full lists page the rest. */
export const WORKLIST_SIZE = 5;

/** A GET list endpoint that pages (`?page&pageSize`) and answers `{items, total}`. */
type PagedList = RouteContract & { method: 'GET'; query: z.ZodType<Partial<PageQuery>>; response: z.ZodType<{ items: unknown[]; total: number }> };

/** One page of a work list from its endpoint, fetched only when the user may see it. */
export function useWorkQuery<C extends PagedList>(name: string, contract: C, filters: Omit<QueryIn<C>, 'page' | 'pageSize'>, enabled: boolean) {
  return useQuery({
    queryKey: ['worklist', name, filters],
    // TypeScript cannot resolve a generic contract's input type; PagedList guarantees the query takes page and pageSize.
    queryFn: () => call(contract, { query: { page: 1, pageSize: WORKLIST_SIZE, ...filters } } as CallInput<C>),
    enabled,
    staleTime: 30_000,
  });
}

/** True once every enabled query has answered and none returned a line. */
export function allEmpty(queries: { enabled: boolean; isSuccess: boolean; total: number }[]): boolean {
  const live = queries.filter((q) => q.enabled);
  return live.every((q) => q.isSuccess && q.total === 0);
}
