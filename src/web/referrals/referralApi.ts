import { useQuery } from '@tanstack/react-query';
import type { ReferralDetail, ServiceDelivered } from '../../shared/api/referrals';
import { api } from '../api/client';

/** Query keys of referrals and the case records this area keeps, so a change refreshes what it touched. */
export const referralKeys = {
  all: ['referrals'] as const,
  list: (params: Record<string, unknown>) => ['referrals', 'list', params] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
  services: (id: string) => ['referrals', 'detail', id, 'services'] as const,
  caseRecords: (caseId: string, part: string) => ['cases', 'detail', caseId, 'care', part] as const,
};

/** The API path of a referral (or one of its actions). */
export function referralPath(id: string, part = ''): string {
  return `/api/referrals/${encodeURIComponent(id)}${part ? `/${part}` : ''}`;
}

/** The API path of one of this area's case sub-resources. */
export function careRecordPath(caseId: string, part: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/${part}`;
}

/** One referral as its reader may see it (a read of shared fields, audited on the server). */
export function useReferral(id: string) {
  return useQuery({ queryKey: referralKeys.detail(id), queryFn: () => api.get<ReferralDetail>(referralPath(id)), retry: false });
}

/** The services recorded on a referral. */
export function useReferralServices(id: string, enabled = true) {
  return useQuery({ queryKey: referralKeys.services(id), queryFn: () => api.get<{ items: ServiceDelivered[] }>(referralPath(id, 'services')), enabled });
}

/** A `{items}` list this area keeps on a case (services, support plans, follow-ups). */
export function useCareItems<T>(caseId: string, part: string, enabled = true) {
  return useQuery({
    queryKey: referralKeys.caseRecords(caseId, part),
    queryFn: () => api.get<{ items: T[] }>(careRecordPath(caseId, part)),
    enabled,
  });
}
