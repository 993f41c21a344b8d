/**
 * Every action a route can require. The policy table in
 * `src/server/policies/rules.ts` grants them to roles; the web client receives
 * the granted ones in `/api/me.permissions` and per record in `allowedActions`.
 * A new action is a deliberate change: add it here, grant it there, test it in
 * the role matrix.
 */
export const ACTIONS = [
  // administration (never case content)
  'agency.list',
  'agency.create',
  'agency.update',
  'user.list',
  'user.create',
  'user.update',
  'user.reset2fa',
  // audit trail
  'audit.read',
  'audit.verify',
  // victim cases (identity-bearing) — owned by src/server/cases
  'case.list',
  'case.export',
  'case.read',
  'case.create',
  'case.update',
  'case.readAccessLog',
  'case.assign',
  'case.consent',
  'case.attach',
  'case.readAttachment',
  'case.requestMerge',
  'case.merge',
  // handing a case to another agency (src/server/cases/case-transfer*.ts)
  'case.transfer',
  'case.acceptTransfer',
  // reports (hotline, online, walk-in) — owned by src/server/reports
  'report.list',
  'report.read',
  'report.create',
  'report.update',
  'report.triage',
  'report.dispatch',
  'report.acknowledgeDispatch',
  'report.close',
  'report.linkCase',
  // screening — owned by src/server/screening
  'screening.list',
  'screening.read',
  'screening.create',
  'screening.decide',
  'screening.openCase',
  'screening.coverage',
  'screening.readIndicators',
  'screening.editIndicators',
  // service directory — owned by src/server/providers
  'provider.list',
  'provider.read',
  'provider.create',
  'provider.update',
  'provider.updateCapacity',
  'provider.match',
  // referrals, services delivered, follow-up — owned by src/server/referrals
  'referral.list',
  'referral.read',
  'referral.create',
  'referral.respond',
  'referral.cancel',
  'referral.reviewOverride',
  'referral.configure',
  'service.list',
  'service.record',
  'supportPlan.manage',
  'followUp.manage',
  'return.manage',
  'case.close',
  'worklist.caseManager',
  'worklist.shelter',
  'worklist.pathwayHealth',
  // notifications — owned by src/server/notifications
] as const;

export type Action = (typeof ACTIONS)[number];

/** Actions that can expose a victim's identity: they need a session that passed 2FA. */
export const IDENTITY_ACTIONS: readonly Action[] = [
  'case.list',
  'case.export',
  'case.read',
  'case.create',
  'case.update',
  'case.readAccessLog',
  'case.assign',
  'case.consent',
  'case.attach',
  'case.readAttachment',
  'case.requestMerge',
  'case.merge',
  // accepting a transfer opens the case to the receiving agency
  'case.transfer',
  'case.acceptTransfer',
  // reports: narratives and reporter contacts can identify victims and reporters.
  'report.list', 'report.read', 'report.create', 'report.update', 'report.linkCase',
  // screening: a screening holds no identity, but it is about one person (and
  // the override reason is free text); opening a case enters an identity.
  'screening.list', 'screening.read', 'screening.create', 'screening.decide', 'screening.openCase',
  // referrals: shared fields, services and plans are about one identified person.
  'referral.list', 'referral.read', 'referral.create', 'referral.respond', 'referral.cancel', 'service.list', 'service.record',
  'supportPlan.manage', 'followUp.manage', 'return.manage', 'case.close', 'worklist.caseManager', 'worklist.shelter',
];
