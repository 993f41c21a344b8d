/** Français : la cause précise d’une erreur de l’API (`errorReason.<CODE>.<reason>`, liste fermée dans shared/error-reasons.ts). */
export const errorReasons: Record<string, string> = {
  'errorReason.FORBIDDEN.own_request': 'Vous avez demandé ces rôles vous-même : un autre administrateur doit les approuver.',
  'errorReason.FORBIDDEN.own_account': 'Ces rôles concernent votre propre compte : un autre administrateur doit les approuver.',
  'errorReason.FORBIDDEN.self_role_change': 'Vous ne pouvez pas modifier vos propres rôles. Adressez-vous à un autre administrateur.',
  'errorReason.FORBIDDEN.self_agency_change': 'Vous ne pouvez pas rattacher votre propre compte à un autre organisme. Adressez-vous à un autre administrateur.',
  'errorReason.FORBIDDEN.self_activation':
    'Vous ne pouvez pas émettre de code d’activation pour votre propre compte. Changez votre mot de passe depuis votre profil.',

  'errorReason.VALIDATION_FAILED.malformed_json': 'Les données envoyées sont illisibles. Rechargez la page et réessayez.',
  'errorReason.VALIDATION_FAILED.bad_request': 'La requête est mal formée. Rechargez la page et réessayez.',
  'errorReason.VALIDATION_FAILED.not_law_enforcement': 'Cet organisme n’est pas une unité des forces de l’ordre : un signalement ne peut être transmis qu’à la police ou à la gendarmerie.',
  'errorReason.VALIDATION_FAILED.not_assignable': 'Cette personne ne peut pas être affectée à ce dossier : seuls les intervenants actifs habilités à le traiter peuvent l’être.',
  'errorReason.VALIDATION_FAILED.agency_cannot_receive': 'Cet organisme ne peut pas reprendre le dossier : il est désactivé ou personne n’y prend de dossiers.',

  'errorReason.CONFLICT.stale_version': 'Quelqu’un d’autre a modifié cet enregistrement entre-temps. Rechargez et réessayez.',
  'errorReason.CONFLICT.duplicate': 'Un enregistrement avec ces valeurs existe déjà.',
  'errorReason.CONFLICT.username_taken': 'Cet identifiant est déjà utilisé. Choisissez-en un autre.',
  'errorReason.CONFLICT.self_lockout': 'Vous ne pouvez pas désactiver votre propre compte.',
  'errorReason.CONFLICT.role_grant_decided': 'Cette attribution de rôles a déjà été approuvée, refusée ou remplacée.',
  'errorReason.CONFLICT.user_agency_changed': 'Cet utilisateur a changé d’organisme depuis la demande : elle ne s’applique plus.',
  'errorReason.CONFLICT.two_factor_enrolled': 'La vérification en deux étapes est déjà configurée pour ce compte.',
  'errorReason.CONFLICT.two_factor_not_started': 'Commencez d’abord la configuration de la vérification en deux étapes.',
  'errorReason.CONFLICT.case_closed': 'Ce dossier est clos : il ne peut plus être orienté ni clos une seconde fois.',
  'errorReason.CONFLICT.case_merged': 'Ce dossier a été fusionné dans un autre et ne peut plus être modifié.',
  'errorReason.CONFLICT.open_referrals': 'Ce dossier a encore des orientations en cours. Annulez-les ou menez-les à terme avant de le clore.',
  'errorReason.CONFLICT.merge_already_requested': 'La fusion de ces deux dossiers a déjà été demandée et attend une décision.',
  'errorReason.CONFLICT.merge_already_decided': 'Il a déjà été statué sur cette demande de fusion.',
  'errorReason.CONFLICT.merge_target_merged': 'Le dossier cible a lui-même été fusionné dans un autre. Demandez plutôt la fusion dans ce dernier.',
  'errorReason.CONFLICT.shelter_full':
    'Le centre d’hébergement est complet : aucun lit n’est libre. Si un lit s’est libéré, mettez d’abord à jour l’occupation des lits ; sinon, refusez l’orientation.',
  'errorReason.CONFLICT.referral_invalid_transition': 'Le statut de cette orientation ne permet plus cette étape. Rechargez pour voir où elle en est.',
  'errorReason.CONFLICT.follow_up_done': 'Ce suivi a déjà été marqué comme effectué.',
  'errorReason.CONFLICT.screening_case_opened': 'Un dossier a déjà été ouvert à partir de ce repérage : son résultat est définitif.',
  'errorReason.CONFLICT.no_victim_outcome':
    'Un dossier ne peut être ouvert qu’après confirmation d’un résultat « victime présumée » ou « victime potentielle ».',
  'errorReason.CONFLICT.indicator_set_outdated': 'Une version plus récente de la grille d’indicateurs existe. Rechargez et modifiez cette version.',
  'errorReason.CONFLICT.report_closed': 'Ce signalement est clos et ne peut plus être modifié.',
  'errorReason.CONFLICT.report_already_triaged': 'Ce signalement a déjà été trié et traité.',
  'errorReason.CONFLICT.report_already_linked': 'Ce signalement est déjà rattaché à un dossier.',
  'errorReason.CONFLICT.transfer_pending': 'Un transfert de ce dossier attend déjà une réponse. Annulez-le avant d’en demander un autre.',
  'errorReason.CONFLICT.transfer_same_agency': 'Le dossier appartient déjà à cet organisme.',
  'errorReason.CONFLICT.transfer_decided': 'Ce transfert a déjà été accepté, refusé ou annulé.',
  'errorReason.CONFLICT.override_already_reviewed': 'Cette dérogation au consentement a déjà été examinée.',

  'errorReason.CONSENT_REQUIRED.no_consent': 'La personne n’a pas consenti au partage de ses informations avec cet organisme.',
  'errorReason.CONSENT_REQUIRED.consent_revoked': 'La personne a retiré son consentement au partage de ses informations avec cet organisme.',
  'errorReason.CONSENT_REQUIRED.override_ended':
    'Cette orientation a été envoyée sans consentement en raison d’une urgence, et cette dérogation a pris fin : les informations partagées ne sont plus accessibles sans le consentement de la personne.',
  'errorReason.CONSENT_REQUIRED.referral_closed': 'Cette orientation a été refusée ou annulée : les informations partagées ne sont plus accessibles.',
};
