import { describe, expect, it } from 'vitest';
import { LOCALES } from '@shared/locales.js';
import { CATALOGS } from '../../web/i18n/messages/index.js';
import { CHAIN_BREAKS } from './verify-chain.js';

describe('the reasons a verification gives', () => {
  it('each have a label in every catalog, so the auditor reads the cause in their language', () => {
    for (const locale of LOCALES) {
      for (const reason of CHAIN_BREAKS) expect(CATALOGS[locale][`audit.verify.reason.${reason}`], `${locale}: ${reason}`).toBeTruthy();
    }
  });
});
