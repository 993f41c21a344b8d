import { describe, expect, it } from 'vitest';
import { CASE_CLOSURE_REASONS, CASE_STATUSES, CONSENT_METHODS, CONSENT_TYPES, DUPLICATE_MATCH_REASONS, MERGE_REQUEST_STATUSES, NON_PUNISHMENT_GROUNDS, RISK_LEVELS } from '../../shared/htcds/case';
import { IDENTITY_DOCUMENT_TYPES, PRS_GENDERS } from '../../shared/htcds/person';
import {
  CONTROL_METHODS, EXPLOITATION_FORMS, FORCED_LABOUR_INDUSTRIES, MIGRANT_STATUSES, RECRUITMENT_METHODS, RELATIONSHIPS_TO_TRAFFICKER, SEX_EXPLOITATION_TYPES,
  STATUS_DECISION_ORGS, TRAFFICKING_EVENT_TYPES, TRAFFICKING_SCOPES, TRAFFICKING_STATUSES,
} from '../../shared/htcds/victim';
import { LOCALES } from '../../shared/locales';
import { CATALOGS } from '../i18n/messages';
import { CODE_PREFIX } from './labels';
import { CASE_TABS, mergeCaseTabs } from './CaseTabs';

const LISTS: [prefix: string, codes: readonly string[]][] = [
  [CODE_PREFIX.caseStatus, CASE_STATUSES],
  [CODE_PREFIX.traffickingStatus, TRAFFICKING_STATUSES],
  [CODE_PREFIX.riskLevel, RISK_LEVELS],
  [CODE_PREFIX.gender, PRS_GENDERS],
  [CODE_PREFIX.documentType, IDENTITY_DOCUMENT_TYPES],
  [CODE_PREFIX.exploitationForm, EXPLOITATION_FORMS],
  [CODE_PREFIX.sexExploitation, SEX_EXPLOITATION_TYPES],
  [CODE_PREFIX.recruitmentMethod, RECRUITMENT_METHODS],
  [CODE_PREFIX.controlMethod, CONTROL_METHODS],
  [CODE_PREFIX.industry, FORCED_LABOUR_INDUSTRIES],
  [CODE_PREFIX.scope, TRAFFICKING_SCOPES],
  [CODE_PREFIX.migrantStatus, MIGRANT_STATUSES],
  [CODE_PREFIX.relationship, RELATIONSHIPS_TO_TRAFFICKER],
  [CODE_PREFIX.decisionOrg, STATUS_DECISION_ORGS],
  [CODE_PREFIX.nonPunishmentGround, NON_PUNISHMENT_GROUNDS],
  [CODE_PREFIX.consentType, CONSENT_TYPES],
  [CODE_PREFIX.consentMethod, CONSENT_METHODS],
  [CODE_PREFIX.closureReason, CASE_CLOSURE_REASONS],
  [CODE_PREFIX.matchReason, DUPLICATE_MATCH_REASONS],
  [CODE_PREFIX.mergeStatus, MERGE_REQUEST_STATUSES],
  [CODE_PREFIX.eventType, TRAFFICKING_EVENT_TYPES],
];

describe('case code labels', () => {
  it.each(LOCALES)('every stored code a case uses has a %s label', (locale) => {
    const missing = LISTS.flatMap(([prefix, codes]) => codes.map((code) => `${prefix}.${code}`)).filter((key) => !(key in CATALOGS[locale]));
    expect(missing).toEqual([]);
  });

  it('every case tab has a label', () => {
    for (const tab of CASE_TABS) expect(CATALOGS.en[tab.labelId], tab.name).toBeTruthy();
  });

  it('slots extension tabs after the tab they name, or at the end', () => {
    const Panel = () => null;
    const merged = mergeCaseTabs(CASE_TABS, [
      { name: 'referrals', labelId: 'x', Panel, after: 'consents' },
      { name: 'closure', labelId: 'y', Panel },
    ]);
    const names = merged.map((tab) => tab.name);
    expect(names[names.indexOf('consents') + 1]).toBe('referrals');
    expect(names.at(-1)).toBe('closure');
  });
});
