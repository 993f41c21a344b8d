import { Button, Group, Stack } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { CaseDetail } from '../../../shared/api/cases';
import { CaseEditor } from '../CaseEditor';
import { CODE_PREFIX, codeLabel, countryLabel, formatDay, victimLanguageLabel } from '../labels';
import { Facts, FreeText, joined } from './Facts';

/** The person's identity, decrypted for this reader; editable with case.update. */
export function PersonTab({ caseData }: { caseData: CaseDetail }) {
  const intl = useIntl();
  const [editing, setEditing] = useState(false);
  const p = caseData.person;
  if (editing) return <CaseEditor caseData={caseData} part="person" onDone={() => setEditing(false)} />;
  const birthYear = p.birthYear && p.birthYearEstimated ? intl.formatMessage({ id: 'cases.person.yearEstimated' }, { year: String(p.birthYear) }) : p.birthYear;
  const documents = p.identityDocuments.map(
    (d) => `${codeLabel(intl, CODE_PREFIX.documentType, d.type)} ${d.number}${d.issuingCountry ? ` (${countryLabel(intl, d.issuingCountry)})` : ''}`,
  );

  return (
    <Stack>
      {caseData.allowedActions.includes('case.update') && (
        <Group justify="flex-end">
          <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="case-person-edit">
            {intl.formatMessage({ id: 'common.edit' })}
          </Button>
        </Group>
      )}
      <Facts
        testId="case-person"
        items={[
          ['cases.field.givenNameAr', p.givenNameAr && <bdi lang="ar">{p.givenNameAr}</bdi>],
          ['cases.field.familyNameAr', p.familyNameAr && <bdi lang="ar">{p.familyNameAr}</bdi>],
          ['cases.field.givenNameLatin', p.givenNameLatin && <bdi>{p.givenNameLatin}</bdi>],
          ['cases.field.familyNameLatin', p.familyNameLatin && <bdi>{p.familyNameLatin}</bdi>],
          ['cases.field.aliases', p.aliases.length ? <bdi>{joined(p.aliases)}</bdi> : null],
          ['cases.field.birthDate', p.birthDate ? formatDay(intl, p.birthDate) : null],
          ['cases.field.birthYear', birthYear],
          ['cases.field.sex', codeLabel(intl, CODE_PREFIX.gender, p.sex)],
          ['cases.field.citizenships', joined(p.citizenships.map((c) => countryLabel(intl, c)))],
          ['cases.field.languages', joined(p.languages.map((l) => victimLanguageLabel(intl, l)))],
          ['cases.section.documents', documents.length ? <bdi>{joined(documents)}</bdi> : null],
          ['cases.field.phone', p.contact.phone && <bdi dir="ltr">{p.contact.phone}</bdi>],
          ['cases.field.email', p.contact.email && <bdi dir="ltr">{p.contact.email}</bdi>],
          ['cases.field.address', p.contact.address && <FreeText text={p.contact.address} />],
        ]}
      />
    </Stack>
  );
}
