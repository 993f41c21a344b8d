import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import type { CaseDetail } from '../../shared/api/cases';
import { CASE_TAB_EXTENSIONS, type CaseTabDefinition } from './caseTabExtensions';
import { AccessLogTab } from './tabs/AccessLogTab';
import { AssignmentsTab } from './tabs/AssignmentsTab';
import { AttachmentsTab } from './tabs/AttachmentsTab';
import { ConsentsTab } from './tabs/ConsentsTab';
import { ContextTab } from './tabs/ContextTab';
import { DuplicatesTab } from './tabs/DuplicatesTab';
import { EventsTab } from './tabs/EventsTab';
import { NotesTab } from './tabs/NotesTab';
import { OverviewTab } from './tabs/OverviewTab';
import { PersonTab } from './tabs/PersonTab';

const can = (action: CaseDetail['allowedActions'][number]) => (c: CaseDetail) => c.allowedActions.includes(action);

/** The case module's own tabs, in reading order; the overview comes first. */
export const CASE_TABS: readonly CaseTabDefinition[] = [
  { name: 'overview', labelId: 'caseOverview.tab', Panel: OverviewTab },
  { name: 'person', labelId: 'cases.tab.person', Panel: PersonTab },
  { name: 'context', labelId: 'cases.tab.context', Panel: ContextTab },
  { name: 'consents', labelId: 'cases.tab.consents', Panel: ConsentsTab },
  { name: 'notes', labelId: 'cases.tab.notes', Panel: NotesTab },
  { name: 'events', labelId: 'cases.tab.events', Panel: EventsTab },
  { name: 'attachments', labelId: 'cases.tab.attachments', Panel: AttachmentsTab, visible: (c) => can('case.readAttachment')(c) || can('case.attach')(c) },
  { name: 'assignments', labelId: 'cases.tab.assignments', Panel: AssignmentsTab },
  { name: 'duplicates', labelId: 'cases.tab.duplicates', Panel: DuplicatesTab },
  { name: 'access', labelId: 'cases.tab.access', Panel: AccessLogTab, visible: can('case.readAccessLog') },
];

/**
 * The tabs in groups a social worker thinks in, so the page shows five headings
 * rather than fifteen tabs. A tab not named here (a later extension) joins Records.
 */
export const CASE_TAB_GROUPS: readonly { name: string; labelId: string; tabs: readonly string[] }[] = [
  { name: 'overview', labelId: 'caseOverview.tab', tabs: ['overview'] },
  { name: 'person', labelId: 'caseOverview.group.person', tabs: ['person', 'context', 'events', 'consents'] },
  { name: 'care', labelId: 'caseOverview.group.care', tabs: ['referrals', 'services', 'support-plan', 'follow-ups', 'return'] },
  { name: 'records', labelId: 'caseOverview.group.records', tabs: ['notes', 'attachments', 'duplicates'] },
  { name: 'admin', labelId: 'caseOverview.group.admin', tabs: ['assignments', 'access', 'closure'] },
];
const FALLBACK_GROUP = 'records';

/** Our tabs with the extensions slotted in after the tab they name. */
export function mergeCaseTabs(own: readonly CaseTabDefinition[], extensions: readonly CaseTabDefinition[]): CaseTabDefinition[] {
  const result = [...own];
  for (const extra of extensions) {
    const at = extra.after ? result.findIndex((tab) => tab.name === extra.after) : -1;
    if (at === -1) result.push(extra);
    else result.splice(at + 1, 0, extra);
  }
  return result;
}

/** The visible tabs sorted into their groups (empty groups dropped), each group's tabs in the group's order. */
export function groupCaseTabs(tabs: readonly CaseTabDefinition[]): { name: string; labelId: string; tabs: CaseTabDefinition[] }[] {
  const groupOf = (tab: CaseTabDefinition) => CASE_TAB_GROUPS.find((g) => g.tabs.includes(tab.name))?.name ?? FALLBACK_GROUP;
  const rank = (tab: CaseTabDefinition) => {
    const at = CASE_TAB_GROUPS.find((g) => g.name === groupOf(tab))!.tabs.indexOf(tab.name);
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  return CASE_TAB_GROUPS.map((group) => ({ ...group, tabs: tabs.filter((tab) => groupOf(tab) === group.name).sort((a, b) => rank(a) - rank(b)) })).filter((g) => g.tabs.length > 0);
}

/**
 * The case's tabs, in two levels: the groups, then the tabs of the open group. The
 * open tab is kept in `?tab=` so a reload or a shared link lands on it (and its
 * group). A panel mounts when first opened (its reads, some audited, happen on
 * demand) and then stays mounted, so a half-filled form survives a tab switch;
 * the overview alone re-mounts, so its timeline is current whenever it is shown.
 */
export function CaseTabs({ caseData, extensions = CASE_TAB_EXTENSIONS }: { caseData: CaseDetail; extensions?: readonly CaseTabDefinition[] }) {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const tabs = mergeCaseTabs(CASE_TABS, extensions).filter((tab) => !tab.visible || tab.visible(caseData));
  const groups = groupCaseTabs(tabs);
  const requested = params.get('tab');
  const active = tabs.some((tab) => tab.name === requested) ? requested! : groups[0]!.tabs[0]!.name;
  const activeGroup = groups.find((g) => g.tabs.some((tab) => tab.name === active))!;
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([active]));
  const [lastOfGroup, setLastOfGroup] = useState<Readonly<Record<string, string>>>({});
  if (!visited.has(active)) setVisited(new Set([...visited, active]));
  if (lastOfGroup[activeGroup.name] !== active) setLastOfGroup({ ...lastOfGroup, [activeGroup.name]: active });

  const open = (tab: string) => setParams((current) => ({ ...Object.fromEntries(current), tab }), { replace: true });
  const openGroup = (name: string | null) => {
    const group = groups.find((g) => g.name === name);
    if (group) open(lastOfGroup[group.name] ?? group.tabs[0]!.name);
  };

  return (
    <Tabs value={activeGroup.name} onChange={openGroup} keepMounted>
      <Tabs.List mb="md" aria-label={intl.formatMessage({ id: 'caseOverview.groupsLabel' })}>
        {groups.map((group) => (
          <Tabs.Tab key={group.name} value={group.name} fw={600} data-testid={group.tabs.length === 1 ? `case-tab-${group.tabs[0]!.name}` : `case-group-${group.name}`}>
            {intl.formatMessage({ id: group.labelId })}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {groups.map((group) => (
        <Tabs.Panel key={group.name} value={group.name} data-testid={`case-group-panel-${group.name}`}>
          {group.tabs.length === 1 ? (
            <TabPanel tab={group.tabs[0]!} caseData={caseData} shown={active === group.tabs[0]!.name} visited={visited} />
          ) : (
            <Tabs value={group.name === activeGroup.name ? active : (lastOfGroup[group.name] ?? group.tabs[0]!.name)} onChange={(value) => value && open(value)} variant="pills" keepMounted>
              <Tabs.List mb="md">
                {group.tabs.map((tab) => (
                  <Tabs.Tab key={tab.name} value={tab.name} data-testid={`case-tab-${tab.name}`}>
                    {intl.formatMessage({ id: tab.labelId })}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {group.tabs.map((tab) => (
                <Tabs.Panel key={tab.name} value={tab.name} data-testid={`case-panel-${tab.name}`}>
                  <TabPanel tab={tab} caseData={caseData} shown={active === tab.name} visited={visited} />
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

/** One tab's panel: mounted once visited (the overview only while shown). */
function TabPanel({ tab, caseData, shown, visited }: { tab: CaseTabDefinition; caseData: CaseDetail; shown: boolean; visited: ReadonlySet<string> }) {
  const mounted = tab.name === 'overview' ? shown : visited.has(tab.name);
  return mounted ? (
    <div data-testid={tab.name === 'overview' ? 'case-panel-overview' : undefined}>
      <tab.Panel caseData={caseData} />
    </div>
  ) : null;
}
