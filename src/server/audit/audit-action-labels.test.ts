import { describe, expect, it } from 'vitest';
import { LOCALES } from '@shared/locales.js';
import { CATALOGS } from '../../web/i18n/messages/index.js';
import { AUDIT_ACTIONS } from './events.js';

describe('audit action labels', () => {
  it.each(LOCALES)('gives every audit action a label in %s, so the auditor never reads a code', (locale) => {
    const missing = AUDIT_ACTIONS.filter((action) => !CATALOGS[locale][`audit.action.${action}`]);
    expect(missing).toEqual([]);
  });
});
