import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { agencyBody } from '../../shared/api/admin';
import { ApiError } from '../api/client';
import { CATALOGS } from '../i18n/messages';
import { reportFormError } from './serverErrors';
import { errorMessage, zodValidator } from './validation';

const intl = createIntl({ locale: 'fr', messages: CATALOGS.fr });

describe('form validation', () => {
  it('translates zod issues, with "required" for empty fields', () => {
    const errors = zodValidator(agencyBody, intl)({ nameFr: 'A', type: null, region: null });
    expect(errors).toEqual({ nameFr: 'Au moins 2 caractères.', type: 'Ce champ est obligatoire.' });
  });

  it('puts server issues on their fields and weak passwords on the password field', () => {
    const fieldErrors: Record<string, string> = {};
    const form = { setFieldError: (field: string, message: string) => (fieldErrors[field] = message) };
    const invalid = new ApiError('VALIDATION_FAILED', 400, 'x', { issues: [{ field: 'name', reason: 'invalid_format' }] });
    expect(reportFormError(intl, invalid, form, ['name'])).toBeNull();
    const weak = new ApiError('WEAK_PASSWORD', 400, 'x', { reason: 'contains_username' });
    expect(reportFormError(intl, weak, form, ['password'], 'password')).toBeNull();
    expect(fieldErrors).toEqual({
      name: 'Cette valeur n’a pas le format attendu.',
      password: 'Le mot de passe ne doit pas contenir l’identifiant.',
    });
  });

  it('never shows the server’s English message, and counts lock-out minutes', () => {
    const locked = new ApiError('ACCOUNT_LOCKED', 423, 'Account locked', { retryAfterSeconds: 61 });
    expect(errorMessage(intl, locked)).toContain('2 minutes');
    expect(errorMessage(intl, new Error('boom'))).toBe(CATALOGS.fr['error.INTERNAL']);
  });
});
