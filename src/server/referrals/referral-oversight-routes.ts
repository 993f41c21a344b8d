import { referralsApi } from '@shared/api/referrals.js';
import { overrideReviewApi } from '@shared/api/override-review.js';
import type { Router } from '../http/route.js';
import { listOverrides, loadOverride, reviewOverride } from './override-review.js';
import { loadReferralSettings, saveReferralSettings } from './referral-settings.js';

/** Response-time settings (administrator) and the review of consent overrides (coordinator). */
export function referralOversightRoutes(router: Router): void {
  router.route(referralsApi.settings, {
    access: { action: 'referral.configure' },
    audit: 'no-content',
    handler: async ({ tx }) => loadReferralSettings(tx),
  });

  router.route(referralsApi.saveSettings, {
    access: { action: 'referral.configure' },
    audit: 'in-command',
    handler: async ({ tx, who, body }) => {
      await saveReferralSettings(tx, who, body);
      return loadReferralSettings(tx);
    },
  });

  // The coordinator sees which referrals bypassed consent, never whose case they are: references,
  // dates, coded reasons, field names, senders and agencies (override-review.ts), hence no read audit.
  router.route(overrideReviewApi.list, {
    access: { action: 'referral.reviewOverride' },
    audit: 'no-content',
    handler: async ({ tx, actor, query, services }) => listOverrides(tx, services.keyring, actor, query),
  });

  router.route(overrideReviewApi.review, {
    access: { action: 'referral.reviewOverride' },
    audit: 'in-command',
    handler: async ({ tx, actor, who, params, body, services }) => {
      const override = await loadOverride(tx, params.id);
      return reviewOverride(tx, services.keyring, actor, who, override, body);
    },
  });
}
