import { Box, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { FormattedMessage } from 'react-intl';
import { usePublicConfig } from '../api/session';

/** Loud notice that this is a demonstration system: no real victim data may be entered. */
export function DemoBanner() {
  const config = usePublicConfig();
  if (!config.data?.demo) return null;
  return (
    <Box
      role="status"
      aria-live="polite"
      data-testid="demo-banner"
      bg="red.8"
      c="white"
      py={6}
      style={{ paddingInline: 'var(--mantine-spacing-md)', borderBlockEnd: '3px solid var(--mantine-color-orange-5)' }}
    >
      <Text fw={700} fz={{ base: 'xs', sm: 'sm' }} ta="center" lh={1.35} style={{ display: 'flex', gap: 8, justifyContent: 'center', alignItems: 'center' }}>
        <IconAlertOctagon size={18} aria-hidden />
        <FormattedMessage id="demo.banner" />
      </Text>
    </Box>
  );
}
