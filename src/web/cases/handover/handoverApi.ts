import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { casesApi } from '../../../shared/api/cases';
import { caseTransfersApi } from '../../../shared/api/caseTransfers';
import { call } from '../../api/call';
import { caseKeys } from '../caseApi';

/** Query keys of the handover reads: the picker (per search), a case's transfers, the receiving agency's list. */
export const handoverKeys = {
  assignable: (caseId: string, q: string) => [...caseKeys.sub(caseId, 'assignable-users'), q] as const,
  transfers: (caseId: string) => caseKeys.sub(caseId, 'transfers'),
  incoming: ['case-transfers', 'incoming'] as const,
};

/** People the case may be assigned to, searched on the server (each search is an audited read of the case). */
export function useAssignableUsers(caseId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: handoverKeys.assignable(caseId, q),
    queryFn: () => call(casesApi.assignableUsers, { params: { id: caseId }, query: q ? { q } : {} }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The transfers of a case, the agencies it may go to, and whether the reader may send it. */
export function useCaseTransfers(caseId: string) {
  return useQuery({ queryKey: handoverKeys.transfers(caseId), queryFn: () => call(caseTransfersApi.ofCase, { params: { id: caseId } }) });
}

/** Transfers waiting for the reader's agency (no identity until accepted). */
export function useIncomingTransfers(enabled: boolean) {
  return useQuery({ queryKey: handoverKeys.incoming, queryFn: () => call(caseTransfersApi.incoming), enabled, staleTime: 30_000 });
}
