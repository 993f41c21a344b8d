import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ERROR_REASONS, type ErrorReason } from '../../shared/error-reasons';
import { ERROR_CODES, type ErrorCode } from '../../shared/errors';
import { LOCALES } from '../../shared/locales';
import { ApiError } from '../api/client';
import { errorMessage } from '../forms/validation';
import { CATALOGS } from '../i18n/messages';
import { errorReasonMessageId } from './errorReasonLabels';

/** Every (code, reason) pair of the closed list. */
const PAIRS: [ErrorCode, ErrorReason][] = ERROR_CODES.flatMap((code) => (ERROR_REASONS[code] as readonly ErrorReason[]).map((reason): [ErrorCode, ErrorReason] => [code, reason]));

const intlFor = (locale: (typeof LOCALES)[number]) => createIntl({ locale, messages: CATALOGS[locale] });
const shelterFull = () => new ApiError('CONFLICT', 409, 'The shelter has no free bed; update its occupancy first', { reason: 'shelter_full' });

describe('error reason labels', () => {
  it('lists reasons for the causes a bare code hides', () => {
    expect(PAIRS.length).toBeGreaterThan(30);
    expect(ERROR_REASONS.CONFLICT).toContain('shelter_full');
    expect(ERROR_REASONS.CONFLICT).toContain('stale_version');
  });

  it.each(LOCALES)('every reason of every code has a %s label', (locale) => {
    const missing = PAIRS.map(([code, reason]) => errorReasonMessageId(code, reason)).filter((key) => !CATALOGS[locale][key]?.trim());
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('the %s catalog has no label for a reason that is not listed', (locale) => {
    const listed = new Set(PAIRS.map(([code, reason]) => errorReasonMessageId(code, reason)));
    const orphans = Object.keys(CATALOGS[locale]).filter((key) => key.startsWith('errorReason.') && !listed.has(key));
    expect(orphans).toEqual([]);
  });

  it('tells a full shelter that it is full, in Arabic, French and English', () => {
    const said = { ar: errorMessage(intlFor('ar'), shelterFull()), fr: errorMessage(intlFor('fr'), shelterFull()), en: errorMessage(intlFor('en'), shelterFull()) };
    expect(said.ar).toBe(CATALOGS.ar['errorReason.CONFLICT.shelter_full']);
    expect(said.ar).toContain('مركز الإيواء ممتلئ');
    expect(said.fr).toContain('Le centre d’hébergement est complet');
    expect(said.en).toContain('The shelter is full');
    for (const locale of LOCALES) {
      expect(said[locale]).not.toBe(CATALOGS[locale]['error.CONFLICT']);
      expect(said[locale]).not.toBe(CATALOGS[locale]['errorReason.CONFLICT.stale_version']);
    }
  });

  it('falls back to the code’s label for a missing, unknown or misplaced reason', () => {
    const fr = intlFor('fr');
    for (const details of [{}, { reason: 'made_up' }, { reason: 'self_role_change' }, { reason: 42 }]) {
      const error = new ApiError('CONFLICT', 409, 'x', details);
      expect(error.reason).toBeNull();
      expect(errorMessage(fr, error)).toBe(CATALOGS.fr['error.CONFLICT']);
    }
  });

  it('keeps the sentences the password and activation forms already had', () => {
    const en = intlFor('en');
    expect(errorMessage(en, new ApiError('WEAK_PASSWORD', 400, 'x', { reason: 'common' }))).toBe(CATALOGS.en['password.weak.common']);
    expect(errorMessage(en, new ApiError('ACTIVATION_INVALID', 401, 'x', { reason: 'used' }))).toBe(CATALOGS.en['activate.error.used']);
  });
});
