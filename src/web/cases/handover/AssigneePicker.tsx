import { Button, Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { casesApi, type AssignableUser, type CaseDetail } from '../../../shared/api/cases';
import { call } from '../../api/call';
import { ErrorAlert } from '../../common/ErrorAlert';
import { caseKeys } from '../caseApi';
import { useAssignableUsers } from './handoverApi';

/**
 * Choose a person to work the case: a search by name or agency on the server,
 * the answers grouped by agency (the owner agency first). Only people the
 * assignment would let work the case are offered.
 */
export function AssigneePicker({ caseId }: { caseId: string }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const t = (id: string) => intl.formatMessage({ id });
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<AssignableUser | null>(null);
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The search box shows the chosen person's name; that is not a new search.
  const [debounced] = useDebouncedValue(chosen && search === chosen.displayName ? '' : search.trim(), 300);
  const users = useAssignableUsers(caseId, debounced, opened || debounced !== '');

  const data = useMemo(() => {
    const items = [...(users.data?.items ?? [])];
    if (chosen && !items.some((u) => u.userId === chosen.userId)) items.unshift(chosen);
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const user of items) groups.set(user.agencyName, [...(groups.get(user.agencyName) ?? []), { value: user.userId, label: user.displayName }]);
    return [...groups].map(([group, options]) => ({ group, items: options }));
  }, [users.data, chosen]);

  const assign = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call(casesApi.assign, { params: { id: caseId }, body: { userId: chosen.userId } });
      queryClient.setQueryData<CaseDetail>(caseKeys.detail(caseId), (old) => (old ? { ...old, assignments: result.assignments } : old));
      await queryClient.invalidateQueries({ queryKey: caseKeys.sub(caseId, 'assignable-users') });
      notifications.show({ color: 'teal', message: intl.formatMessage({ id: 'handover.assign.done' }, { name: chosen.displayName }) });
      setChosen(null);
      setSearch('');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('handover.assign.label')}
          placeholder={t('handover.assign.placeholder')}
          description={users.data?.more ? t('handover.assign.more') : undefined}
          data={data}
          value={chosen?.userId ?? null}
          onChange={(value) => setChosen(users.data?.items.find((u) => u.userId === value) ?? (chosen?.userId === value ? chosen : null))}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          // The server already searched names and agencies: the list is not filtered again by label.
          filter={({ options }) => options}
          onDropdownOpen={() => setOpened(true)}
          nothingFoundMessage={users.isFetching ? t('handover.assign.searching') : t('handover.assign.nobody')}
          clearable
          miw={320}
          style={{ flex: 1 }}
          data-testid="assignee-picker"
        />
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} disabled={!chosen} loading={busy} onClick={assign} data-testid="assignee-assign">
          {t('handover.assign.submit')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('handover.assign.who')}
      </Text>
      <ErrorAlert error={error ?? users.error} />
    </>
  );
}
