import { describe, expect, it } from 'vitest';
import { GUARDIAN_RELATIONSHIPS } from '../../shared/htcds/guardian';
import { LOCALES } from '../../shared/locales';
import { CATALOGS } from '../i18n/messages';
import { REFERRAL_CASE_TABS } from '../referrals/caseTabs';
import { CASE_TAB_GROUPS, CASE_TABS, groupCaseTabs, mergeCaseTabs } from './CaseTabs';
import { duplicatesWhere } from './DuplicateCandidates';
import { reflectionState } from './reflection';

describe('case page tabs', () => {
  const all = mergeCaseTabs(CASE_TABS, REFERRAL_CASE_TABS);

  it('opens on the overview and puts every tab in a group, each tab once', () => {
    const groups = groupCaseTabs(all);
    expect(groups[0]!.tabs.map((t) => t.name)).toEqual(['overview']);
    const placed = groups.flatMap((g) => g.tabs.map((t) => t.name));
    expect([...placed].sort()).toEqual(all.map((t) => t.name).sort());
    expect(groups.map((g) => g.name)).toEqual(['overview', 'person', 'care', 'records', 'admin']);
  });

  it('drops a group whose tabs are all hidden, and files an unknown extension under records', () => {
    const Panel = () => null;
    const groups = groupCaseTabs([...CASE_TABS.filter((t) => t.name !== 'assignments' && t.name !== 'access'), { name: 'proceedings', labelId: 'x', Panel }]);
    expect(groups.map((g) => g.name)).not.toContain('admin');
    expect(groups.find((g) => g.name === 'records')!.tabs.map((t) => t.name)).toContain('proceedings');
  });

  it('labels every group in every language', () => {
    for (const locale of LOCALES) for (const group of CASE_TAB_GROUPS) expect(CATALOGS[locale][group.labelId], `${locale} ${group.name}`).toBeTruthy();
  });

  it('labels every guardian relationship in every language', () => {
    for (const locale of LOCALES) for (const code of GUARDIAN_RELATIONSHIPS) expect(CATALOGS[locale][`guardianRelationship.${code}`], `${locale} ${code}`).toBeTruthy();
  });
});

describe('reflection period', () => {
  it('has ended once its last day is past, and is ending soon within its alert window', () => {
    expect(reflectionState(null, 7, '2025-03-10')).toBe('none');
    expect(reflectionState('2025-03-09', 7, '2025-03-10')).toBe('ended');
    expect(reflectionState('2025-03-10', 7, '2025-03-10')).toBe('endingSoon');
    expect(reflectionState('2025-03-17', 7, '2025-03-10')).toBe('endingSoon');
    expect(reflectionState('2025-03-18', 7, '2025-03-10')).toBe('running');
    expect(reflectionState('2025-03-11', 0, '2025-03-10')).toBe('running');
  });
});

describe('duplicate warning', () => {
  it('says where the candidates are held: own agency, others, or both', () => {
    expect(duplicatesWhere([{ ownAgency: true }])).toBe('own');
    expect(duplicatesWhere([{ ownAgency: false }, { ownAgency: false }])).toBe('other');
    expect(duplicatesWhere([{ ownAgency: true }, { ownAgency: false }])).toBe('both');
  });

  it('never speaks of other agencies when every candidate is the reader’s own', () => {
    for (const locale of LOCALES) {
      expect(CATALOGS[locale]['caseOverview.duplicates.own']).not.toEqual(CATALOGS[locale]['caseOverview.duplicates.other']);
    }
    expect(CATALOGS.en['caseOverview.duplicates.own']).not.toMatch(/other agenc/);
    expect(CATALOGS.ar['caseOverview.duplicates.own']).not.toMatch(/مؤسسات أخرى|مؤسسة أخرى/);
  });
});
