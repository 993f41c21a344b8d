/** English: the true cause of an API error (`errorReason.<CODE>.<reason>`, the closed list in shared/error-reasons.ts). */
export const errorReasons: Record<string, string> = {
  'errorReason.FORBIDDEN.own_request': 'You asked for these roles yourself: another administrator must approve them.',
  'errorReason.FORBIDDEN.own_account': 'These roles are for your own account: another administrator must approve them.',
  'errorReason.FORBIDDEN.self_role_change': 'You cannot change your own roles. Ask another administrator.',
  'errorReason.FORBIDDEN.self_agency_change': 'You cannot move your own account to another organisation. Ask another administrator.',
  'errorReason.FORBIDDEN.self_activation': 'You cannot issue an activation code for your own account. Change your password on your profile page.',

  'errorReason.VALIDATION_FAILED.malformed_json': 'The data sent could not be read. Reload the page and try again.',
  'errorReason.VALIDATION_FAILED.bad_request': 'The request is malformed. Reload the page and try again.',

  'errorReason.CONFLICT.stale_version': 'Someone else changed this record in the meantime. Reload and try again.',
  'errorReason.CONFLICT.duplicate': 'A record with these values already exists.',
  'errorReason.CONFLICT.username_taken': 'This username is already taken. Choose another one.',
  'errorReason.CONFLICT.self_lockout': 'You cannot disable your own account.',
  'errorReason.CONFLICT.role_grant_decided': 'This role request has already been approved, rejected or replaced.',
  'errorReason.CONFLICT.user_agency_changed': 'This user has moved to another organisation since the request, so it no longer applies.',
  'errorReason.CONFLICT.two_factor_enrolled': 'Two-step verification is already set up for this account.',
  'errorReason.CONFLICT.two_factor_not_started': 'Start setting up two-step verification first.',
  'errorReason.CONFLICT.case_closed': 'This case is closed: it can no longer be referred or closed again.',
  'errorReason.CONFLICT.case_merged': 'This case was merged into another one and can no longer be changed.',
  'errorReason.CONFLICT.open_referrals': 'This case still has open referrals. Cancel or complete them before closing it.',
  'errorReason.CONFLICT.merge_already_requested': 'A merge of these two cases has already been requested and is awaiting a decision.',
  'errorReason.CONFLICT.merge_already_decided': 'This merge request has already been decided.',
  'errorReason.CONFLICT.merge_target_merged': 'The case to merge into was itself merged into another one. Request the merge into that case instead.',
  'errorReason.CONFLICT.shelter_full':
    'The shelter is full: no bed is free. If a bed has been freed, update the bed occupancy first; otherwise decline the referral.',
  'errorReason.CONFLICT.referral_invalid_transition': 'This referral’s status no longer allows this step. Reload to see where it stands.',
  'errorReason.CONFLICT.follow_up_done': 'This follow-up has already been marked as done.',
  'errorReason.CONFLICT.screening_case_opened': 'A case has already been opened from this screening, so its outcome is final.',
  'errorReason.CONFLICT.no_victim_outcome': 'A case can only be opened once a presumed or possible victim outcome has been confirmed.',
  'errorReason.CONFLICT.indicator_set_outdated': 'A newer version of the indicators exists. Reload and edit that version.',
  'errorReason.CONFLICT.report_closed': 'This report is closed and can no longer be changed.',
  'errorReason.CONFLICT.report_already_triaged': 'This report has already been triaged and acted on.',
  'errorReason.CONFLICT.report_already_linked': 'This report is already linked to a case.',

  'errorReason.CONSENT_REQUIRED.no_consent': 'The person has not consented to sharing their information with this organisation.',
  'errorReason.CONSENT_REQUIRED.consent_revoked': 'The person has withdrawn their consent to sharing their information with this organisation.',
  'errorReason.CONSENT_REQUIRED.override_ended':
    'This referral was sent without consent because of an emergency, and that exception has ended: the shared information is no longer available without the person’s consent.',
  'errorReason.CONSENT_REQUIRED.referral_closed': 'This referral was declined or cancelled: the shared information is no longer available.',
};
