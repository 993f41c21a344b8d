import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/ar-ma';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/fr';
import type { ReactNode } from 'react';
import type { Locale } from '../../shared/locales';
import { useLocale } from '../i18n/locale-context';

dayjs.extend(customParseFormat);

// Moroccan Arabic with Latin digits, as Moroccan official documents print dates.
const DAYJS_LOCALE: Record<Locale, string> = { ar: 'ar-ma', fr: 'fr', en: 'en-gb' };
const DAY_FORMAT = 'DD/MM/YYYY';

/** Month and day names of the date pickers in the reader's language; weeks start on Monday. */
export function CaseDatesProvider({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return <DatesProvider settings={{ locale: DAYJS_LOCALE[locale], firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

/** Typed dates are read day first (31/12/2025), as written in Morocco; ISO dates are accepted too. */
function parseDay(value: string): string | null {
  const parsed = dayjs(value.trim(), [DAY_FORMAT, 'D/M/YYYY', 'YYYY-MM-DD'], true);
  return parsed.isValid() ? parsed.format('YYYY-MM-DD') : null;
}

/** A calendar-day input whose value is a `YYYY-MM-DD` string, as the API stores it. */
export function DayInput(props: DateInputProps) {
  return <DateInput valueFormat={DAY_FORMAT} dateParser={parseDay} clearable {...props} />;
}
