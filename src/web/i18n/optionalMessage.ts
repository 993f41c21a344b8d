import type { IntlShape } from 'react-intl';

/**
 * Translate a server-supplied code when the catalog knows it, else show the code
 * itself: for open-ended values such as audit outcomes, where showing the raw
 * code beats hiding it.
 */
export function optionalMessage(intl: IntlShape, id: string, fallback: string): string {
  return id in intl.messages ? intl.formatMessage({ id }) : fallback;
}
