import type { CaseDetail } from '../../shared/api/cases';
import { hasPermission, useMe } from '../api/session';

/**
 * Whether the reader may take one of this area's actions on the case: their
 * role grants it, and the case record offers updates to them (in scope, not merged).
 */
export function useCareAccess(caseData: CaseDetail): (action: string) => boolean {
  const me = useMe().data;
  const works = caseData.allowedActions.includes('case.update');
  return (action) => works && hasPermission(me, action);
}
