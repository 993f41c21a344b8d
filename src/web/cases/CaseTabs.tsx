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
import { PersonTab } from './tabs/PersonTab';

const can = (action: CaseDetail['allowedActions'][number]) => (c: CaseDetail) => c.allowedActions.includes(action);

/** The case module's own tabs, in reading order. */
export const CASE_TABS: readonly CaseTabDefinition[] = [
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

/**
 * The case's tabs; the open one is kept in `?tab=` so a reload or a shared link
 * lands on it. A panel mounts when first opened (its reads, some audited, happen
 * on demand) and then stays mounted, so a half-filled form survives a tab switch.
 */
export function CaseTabs({ caseData, extensions = CASE_TAB_EXTENSIONS }: { caseData: CaseDetail; extensions?: readonly CaseTabDefinition[] }) {
  const intl = useIntl();
  const [params, setParams] = useSearchParams();
  const tabs = mergeCaseTabs(CASE_TABS, extensions).filter((tab) => !tab.visible || tab.visible(caseData));
  const requested = params.get('tab');
  const active = tabs.some((tab) => tab.name === requested) ? requested! : tabs[0]!.name;
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set([active]));
  if (!visited.has(active)) setVisited(new Set([...visited, active]));

  return (
    <Tabs
      value={active}
      onChange={(value) => setParams((current) => ({ ...Object.fromEntries(current), tab: value ?? tabs[0]!.name }), { replace: true })}
      keepMounted
    >
      <Tabs.List mb="md">
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.name} value={tab.name} data-testid={`case-tab-${tab.name}`}>
            {intl.formatMessage({ id: tab.labelId })}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Panel key={tab.name} value={tab.name} data-testid={`case-panel-${tab.name}`}>
          {visited.has(tab.name) && <tab.Panel caseData={caseData} />}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
