import { Anchor, Group } from '@mantine/core';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { AdditionForm } from './AdditionForm';
import { PublicLayout } from './PublicLayout';
import { QuickExit } from './QuickExit';

/** `/report/add`: a returning reporter adds information with their receipt code. */
export function PublicAdditionPage() {
  const intl = useIntl();
  return (
    <PublicLayout
      titleId="publicReport.addition.title"
      footer={
        <Group justify="center">
          <Anchor component={Link} to="/report" size="sm">
            {intl.formatMessage({ id: 'publicReport.backToForm' })}
          </Anchor>
        </Group>
      }
    >
      <QuickExit />
      <AdditionForm />
    </PublicLayout>
  );
}
