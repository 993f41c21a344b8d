import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseDetail, accessLogEntry, attachment, caseNote, mergeRequest, traffickingEvent, DuplicateCandidate } from '../../shared/api/cases';
import { api } from '../api/client';

export type CaseNote = z.infer<typeof caseNote>;
export type TraffickingEvent = z.infer<typeof traffickingEvent>;
export type Attachment = z.infer<typeof attachment>;
export type MergeRequest = z.infer<typeof mergeRequest>;
export type AccessLogEntry = z.infer<typeof accessLogEntry>;

/** Query keys of one case and its sub-resources, so a change refreshes exactly what it touched. */
export const caseKeys = {
  all: ['cases'] as const,
  list: (params: Record<string, unknown>) => ['cases', 'list', params] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  sub: (id: string, part: string) => ['cases', 'detail', id, part] as const,
};

const base = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** One case as its reader may see it. */
export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: () => api.get<CaseDetail>(base(id)), retry: false });
}

/** A `{items}` sub-list of a case (notes, events, consents…). */
export function useCaseItems<T>(id: string, part: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.sub(id, part),
    queryFn: () => api.get<{ items: T[] }>(`${base(id)}/${part}`),
    enabled,
  });
}

/** Duplicate candidates of a case (never identities of cases the reader cannot open). */
export function useDuplicates(id: string) {
  return useCaseItems<DuplicateCandidate>(id, 'duplicates');
}

/** The API path of a case sub-resource. */
export function casePath(id: string, part = ''): string {
  return part ? `${base(id)}/${part}` : base(id);
}
