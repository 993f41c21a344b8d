import { asc, eq } from 'drizzle-orm';
import type { Action } from '@shared/actions.js';
import type { CaseDetail, CaseListItem } from '@shared/api/cases.js';
import { CLOSED_CASE_STATUSES, type CaseStatus } from '@shared/htcds/case.js';
import { openOptional } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { agencies, caseAssignments, cases, users } from '../db/schema/index.js';
import { allowedActionsOn, type Actor } from '../policies/authorize.js';
import type { CaseRow } from './case-scope.js';
import type { LoadedCaseDetail } from './case-detail-load.js';
import { presentConsent } from './consent.js';
import { decryptPerson, displayNameOf, presentablePerson } from './person-identity.js';

/** The actions a case record may offer (the UI hides what would fail). */
export const CASE_RECORD_ACTIONS: readonly Action[] = [
  'case.read', 'case.update', 'case.assign', 'case.consent', 'case.attach', 'case.readAttachment', 'case.requestMerge', 'case.merge', 'case.readAccessLog',
];
const READ_ONLY_ACTIONS: readonly Action[] = ['case.read', 'case.readAttachment', 'case.readAccessLog'];

const DAY_MS = 86_400_000;

/** True when the reflection period of an open case ends within its alert window (or is already over). */
export function reflectionEndingSoon(row: Pick<CaseRow, 'reflectionEnd' | 'reflectionAlertDays' | 'status'>, now = new Date()): boolean {
  if (!row.reflectionEnd || CLOSED_CASE_STATUSES.includes(row.status as CaseStatus)) return false;
  return Date.parse(`${row.reflectionEnd}T23:59:59Z`) - now.getTime() <= row.reflectionAlertDays * DAY_MS;
}

/** The users assigned to a case, first assigned first. */
export async function listAssignments(tx: Tx, caseId: string): Promise<CaseDetail['assignments']> {
  const rows = await tx
    .select({ userId: users.id, displayName: users.displayName, agencyName: agencies.name, assignedAt: caseAssignments.assignedAt })
    .from(caseAssignments)
    .innerJoin(users, eq(users.id, caseAssignments.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(caseAssignments.caseId, caseId))
    .orderBy(asc(caseAssignments.assignedAt));
  return rows.map((a) => ({ ...a, assignedAt: a.assignedAt.toISOString() }));
}
/** The full case as its reader sees it: identity decrypted, assignments, consents and allowed actions. */
export function presentCaseDetail(keyring: Keyring, actor: Actor, loaded: LoadedCaseDetail): CaseDetail {
  const { row } = loaded;
  const allowed = allowedActionsOn(actor, CASE_RECORD_ACTIONS).filter((a) => !row.mergedIntoCaseId || READ_ONLY_ACTIONS.includes(a));
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    version: row.version,
    status: row.status as CaseDetail['status'],
    person: presentablePerson(decryptPerson(keyring, loaded.person)),
    ownerAgencyId: row.ownerAgencyId,
    ownerAgencyName: loaded.ownerAgencyName,
    caseManagerId: row.caseManagerId,
    caseManagerName: loaded.caseManagerName,
    createdByName: loaded.createdByName,
    region: row.region as CaseDetail['region'],
    province: row.province,
    riskLevel: row.riskLevel as CaseDetail['riskLevel'],
    riskAssessment: openOptional(keyring, cases.riskAssessmentEnc, row.riskAssessmentEnc),
    reflectionStart: row.reflectionStart,
    reflectionEnd: row.reflectionEnd,
    reflectionAlertDays: row.reflectionAlertDays,
    reflectionEndingSoon: reflectionEndingSoon(row),
    isMinor: row.isMinor,
    nonPunishment: row.nonPunishment,
    nonPunishmentGround: row.nonPunishmentGround as CaseDetail['nonPunishmentGround'],
    nonPunishmentNote: openOptional(keyring, cases.nonPunishmentNoteEnc, row.nonPunishmentNoteEnc),
    traffickingStatus: row.traffickingStatus as CaseDetail['traffickingStatus'],
    statusDecidedBy: row.statusDecidedBy as CaseDetail['statusDecidedBy'],
    statusDecidedAt: row.statusDecidedAt,
    ageWhenTrafficked: row.ageWhenTrafficked,
    relationshipToTrafficker: row.relationshipToTrafficker as CaseDetail['relationshipToTrafficker'],
    recruitmentMethods: row.recruitmentMethods as CaseDetail['recruitmentMethods'],
    recruitmentWebsites: row.recruitmentWebsites as CaseDetail['recruitmentWebsites'],
    exploitationWebsites: row.exploitationWebsites as CaseDetail['exploitationWebsites'],
    controlMethods: row.controlMethods as CaseDetail['controlMethods'],
    exploitationForms: row.exploitationForms as CaseDetail['exploitationForms'],
    forcedLabourIndustry: row.forcedLabourIndustry as CaseDetail['forcedLabourIndustry'],
    sexExploitationTypes: row.sexExploitationTypes as CaseDetail['sexExploitationTypes'],
    traffickingScope: row.traffickingScope as CaseDetail['traffickingScope'],
    migrantStatus: row.migrantStatus as CaseDetail['migrantStatus'],
    closureReason: row.closureReason as CaseDetail['closureReason'],
    closureNote: openOptional(keyring, cases.closureNoteEnc, row.closureNoteEnc),
    closedAt: row.closedAt?.toISOString() ?? null,
    mergedIntoCaseId: row.mergedIntoCaseId,
    sourceReportId: row.sourceReportId,
    sourceScreeningId: row.sourceScreeningId,
    assignments: loaded.assignments,
    consents: loaded.consents.map((stored) => presentConsent(keyring, stored)),
    openedAt: row.openedAt,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: allowed,
  };
}

/** The case columns a list row shows (the list selects these, not the whole record). */
export const listedCaseColumns = {
  id: cases.id,
  caseNumber: cases.caseNumber,
  status: cases.status,
  traffickingStatus: cases.traffickingStatus,
  region: cases.region,
  exploitationForms: cases.exploitationForms,
  riskLevel: cases.riskLevel,
  nonPunishment: cases.nonPunishment,
  reflectionEnd: cases.reflectionEnd,
  isMinor: cases.isMinor,
  mergedIntoCaseId: cases.mergedIntoCaseId,
  openedAt: cases.openedAt,
};

type ListedCase = { [K in keyof typeof listedCaseColumns]: CaseRow[K] } & { ownerAgencyName: string; caseManagerName: string | null } & Parameters<typeof displayNameOf>[1];

/** One page of list rows: names decrypted for these rows only (never to filter). */
export function presentCaseListItems(keyring: Keyring, rows: ListedCase[]): CaseListItem[] {
  return rows.map((row) => ({
    id: row.id,
    caseNumber: row.caseNumber,
    status: row.status as CaseListItem['status'],
    traffickingStatus: row.traffickingStatus as CaseListItem['traffickingStatus'],
    displayName: displayNameOf(keyring, row),
    region: row.region,
    exploitationForms: row.exploitationForms,
    riskLevel: row.riskLevel,
    nonPunishment: row.nonPunishment,
    reflectionEnd: row.reflectionEnd,
    isMinor: row.isMinor,
    ownerAgencyName: row.ownerAgencyName,
    caseManagerName: row.caseManagerName,
    mergedIntoCaseId: row.mergedIntoCaseId,
    openedAt: row.openedAt,
  }));
}
