import type { IntlShape } from 'react-intl';
import type { Indicator, OutcomeReason, ScreeningOutcome } from '../../shared/api/screening';
import type { Locale } from '../../shared/locales';

/** Badge colours: presumed victims stand out, negatives recede. */
export const OUTCOME_COLOR: Record<ScreeningOutcome, string> = {
  presumed_victim: 'red',
  possible_victim: 'orange',
  smuggled_and_trafficked: 'grape',
  smuggled_migrant: 'blue',
  not_a_victim: 'gray',
  refer_for_assessment: 'yellow',
};

/** The indicator's question in the reader's language (stored in the database with the set). */
export function indicatorText(indicator: Pick<Indicator, 'text'>, locale: Locale): string {
  return indicator.text[locale];
}

/** One reason of a suggested outcome, as a sentence in the reader's language. */
export function reasonText(intl: IntlShape, reason: OutcomeReason): string {
  const params: Record<string, string | number> = { ...reason.params, count: reason.indicators.length };
  if (typeof reason.params['elements'] === 'string') {
    params['elements'] = reason.params['elements']
      .split(',')
      .map((element) => intl.formatMessage({ id: `screening.element.${element}` }))
      .join(intl.locale.startsWith('ar') ? '، ' : ', ');
  }
  return intl.formatMessage({ id: `screening.reason.${reason.code}` }, params);
}
