import { Button, Group, Stack } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../../../shared/api/cases';
import { useLocale } from '../../i18n/locale-context';
import { CaseEditor } from '../CaseEditor';
import { CODE_PREFIX, codeLabel, formatDay, provinceLabel, regionLabel, websiteLabel } from '../labels';
import { ReflectionEnd } from '../reflection';
import { Facts, FreeText, joined } from './Facts';

/** Trafficking status, exploitation, recruitment, control, situation and protection; editable with case.update. */
export function ContextTab({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const [editing, setEditing] = useState(false);
  const c = caseData;
  if (editing) return <CaseEditor caseData={caseData} part="context" onDone={() => setEditing(false)} />;
  const codes = (prefix: string, values: readonly string[]) => joined(values.map((v) => codeLabel(intl, prefix, v)));
  const code = (prefix: string, value: string | null) => (value ? codeLabel(intl, prefix, value) : null);
  const yesNo = (value: boolean) => intl.formatMessage({ id: value ? 'common.yes' : 'common.no' });

  return (
    <Stack>
      {c.allowedActions.includes('case.update') && (
        <Group justify="flex-end">
          <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="case-context-edit">
            {intl.formatMessage({ id: 'common.edit' })}
          </Button>
        </Group>
      )}
      <Facts
        testId="case-context"
        items={[
          ['cases.field.traffickingStatus', code(CODE_PREFIX.traffickingStatus, c.traffickingStatus)],
          ['cases.field.statusDecidedBy', code(CODE_PREFIX.decisionOrg, c.statusDecidedBy)],
          ['cases.field.statusDecidedAt', c.statusDecidedAt ? formatDay(intl, c.statusDecidedAt) : null],
          ['cases.field.exploitationForms', codes(CODE_PREFIX.exploitationForm, c.exploitationForms)],
          ['cases.field.sexExploitationTypes', codes(CODE_PREFIX.sexExploitation, c.sexExploitationTypes)],
          ['cases.field.forcedLabourIndustry', code(CODE_PREFIX.industry, c.forcedLabourIndustry)],
          ['cases.field.traffickingScope', code(CODE_PREFIX.scope, c.traffickingScope)],
          ['cases.field.relationship', code(CODE_PREFIX.relationship, c.relationshipToTrafficker)],
          ['cases.field.ageWhenTrafficked', c.ageWhenTrafficked === null ? null : intl.formatNumber(c.ageWhenTrafficked)],
          ['cases.field.recruitmentMethods', codes(CODE_PREFIX.recruitmentMethod, c.recruitmentMethods)],
          ['cases.field.recruitmentWebsites', joined(c.recruitmentWebsites.map((w) => websiteLabel(intl, w)))],
          ['cases.field.exploitationWebsites', joined(c.exploitationWebsites.map((w) => websiteLabel(intl, w)))],
          ['cases.field.controlMethods', codes(CODE_PREFIX.controlMethod, c.controlMethods)],
          ['cases.field.migrantStatus', code(CODE_PREFIX.migrantStatus, c.migrantStatus)],
          ['cases.field.region', c.region ? regionLabel(c.region, locale) : null],
          ['cases.field.province', c.province ? provinceLabel(c.province, locale) : null],
          ['cases.field.riskLevel', code(CODE_PREFIX.riskLevel, c.riskLevel)],
          ['cases.field.riskAssessment', c.riskAssessment && <FreeText text={c.riskAssessment} />],
          ['cases.field.reflectionStart', c.reflectionStart ? formatDay(intl, c.reflectionStart) : null],
          ['cases.field.reflectionEnd', c.reflectionEnd ? <ReflectionEnd end={c.reflectionEnd} alertDays={c.reflectionAlertDays} /> : null],
          ['cases.field.reflectionAlertDays', intl.formatNumber(c.reflectionAlertDays)],
          ['cases.field.nonPunishment', yesNo(c.nonPunishment)],
          ['cases.field.nonPunishmentGround', code(CODE_PREFIX.nonPunishmentGround, c.nonPunishmentGround)],
          ['cases.field.nonPunishmentNote', c.nonPunishmentNote && <FreeText text={c.nonPunishmentNote} />],
          ['cases.field.caseManager', c.caseManagerName],
          ['cases.field.createdBy', c.createdByName],
        ]}
      />
    </Stack>
  );
}
