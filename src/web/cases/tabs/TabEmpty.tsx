import { EmptyState } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useIntl } from 'react-intl';

/** What an empty tab says, with a hint of what would fill it. */
export function TabEmpty({ titleId, descriptionId, testId }: { titleId: string; descriptionId?: string; testId: string }) {
  const intl = useIntl();
  return (
    <EmptyState
      py="lg"
      size="sm"
      icon={<IconInbox size={24} aria-hidden />}
      withIndicatorBackground
      title={intl.formatMessage({ id: titleId })}
      description={descriptionId ? intl.formatMessage({ id: descriptionId }) : undefined}
      data-testid={testId}
    />
  );
}
