import { useQuery } from '@tanstack/react-query';
import { careApi } from '../../shared/api/care';
import type { CallInput } from '../../shared/api/contract';
import { referralsApi } from '../../shared/api/referrals';
import { call } from '../api/call';

/** Query keys of referrals and the case records this area keeps, so a change refreshes what it touched. */
export const referralKeys = {
  all: ['referrals'] as const,
  list: (params: Record<string, unknown>) => ['referrals', 'list', params] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
  services: (id: string) => ['referrals', 'detail', id, 'services'] as const,
  caseRecords: (caseId: string, part: string) => ['cases', 'detail', caseId, 'care', part] as const,
};

/** One referral as its reader may see it (a read of shared fields, audited on the server). */
export function useReferral(id: string) {
  return useQuery({ queryKey: referralKeys.detail(id), queryFn: () => call(referralsApi.get, { params: { id } }), retry: false });
}

/** The services recorded on a referral. */
export function useReferralServices(id: string, enabled = true) {
  return useQuery({ queryKey: referralKeys.services(id), queryFn: () => call(careApi.referralServices, { params: { id } }), enabled });
}

/** The `{items}` lists this area keeps on a case, by the part of the key (and path) they live under. */
const CARE_LISTS = { services: careApi.caseServices, 'support-plans': careApi.supportPlans, 'follow-ups': careApi.followUps } as const;

/** One of the case's care lists: services, support plans or follow-ups. */
export function useCareItems<P extends keyof typeof CARE_LISTS>(caseId: string, part: P, enabled = true) {
  return useQuery({
    queryKey: referralKeys.caseRecords(caseId, part),
    // TypeScript cannot resolve a generic contract's input type; every CARE_LISTS contract takes the case id.
    queryFn: () => call(CARE_LISTS[part], { params: { id: caseId } } as CallInput<(typeof CARE_LISTS)[P]>),
    enabled,
  });
}
