import { MantineProvider } from '@mantine/core';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { CATALOGS } from '../i18n/messages';
import { ErrorAlert } from './ErrorAlert';

/** The alert's HTML as an Arabic reader gets it. */
function renderInArabic(error: unknown): string {
  return renderToStaticMarkup(
    <IntlProvider locale="ar" messages={CATALOGS.ar}>
      <MantineProvider>
        <ErrorAlert error={error} />
      </MantineProvider>
    </IntlProvider>,
  );
}

describe('ErrorAlert', () => {
  it('shows the reason’s label, with the code and reason for browser tests', () => {
    const html = renderInArabic(new ApiError('CONFLICT', 409, 'The shelter has no free bed', { reason: 'shelter_full' }));
    expect(html).toContain(CATALOGS.ar['errorReason.CONFLICT.shelter_full']);
    expect(html).toContain('data-error-code="CONFLICT"');
    expect(html).toContain('data-error-reason="shelter_full"');
    expect(html).not.toContain('The shelter has no free bed');
  });

  it('shows the code’s label when there is no reason', () => {
    const html = renderInArabic(new ApiError('FORBIDDEN', 403, 'Your role does not allow this'));
    expect(html).toContain(CATALOGS.ar['error.FORBIDDEN']);
    expect(html).not.toContain('data-error-reason');
  });
});
