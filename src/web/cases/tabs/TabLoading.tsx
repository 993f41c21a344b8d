import { Center, Loader } from '@mantine/core';
import { useIntl } from 'react-intl';

/** A tab's loading state, announced to screen readers. */
export function TabLoading() {
  const intl = useIntl();
  return (
    <Center py="lg">
      <Loader size="sm" role="status" aria-label={intl.formatMessage({ id: 'cases.loading' })} />
    </Center>
  );
}
