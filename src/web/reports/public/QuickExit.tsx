import { Button, Tooltip } from '@mantine/core';
import { IconDoorExit } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useIntl } from 'react-intl';

/** A page that looks like nothing in particular (a weather forecast), as other hotlines' quick exits use. */
export const QUICK_EXIT_URL = 'https://www.google.com/search?q=m%C3%A9t%C3%A9o';
const DOUBLE_ESCAPE_MS = 800;

/**
 * Leaves the page at once for a reporter who must hide what they were doing. `location.replace` takes this
 * page out of the tab's history, so Back does not bring it up again; the form's contents lived in memory only.
 * Escape pressed twice does the same, for someone who cannot reach the button in time.
 */
export function QuickExit() {
  const intl = useIntl();
  useEffect(() => {
    let lastEscape = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (event.timeStamp - lastEscape < DOUBLE_ESCAPE_MS) leave();
      lastEscape = event.timeStamp;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Tooltip label={intl.formatMessage({ id: 'publicPage.quickExit.help' })} multiline w={260}>
      <Button
        color="dark"
        size="sm"
        leftSection={<IconDoorExit size={16} aria-hidden />}
        onClick={leave}
        style={{ position: 'fixed', insetBlockStart: 8, insetInlineEnd: 8, zIndex: 300 }}
        data-testid="quick-exit"
      >
        {intl.formatMessage({ id: 'publicPage.quickExit' })}
      </Button>
    </Tooltip>
  );
}

function leave(): void {
  document.body.innerHTML = '';
  window.location.replace(QUICK_EXIT_URL);
}
