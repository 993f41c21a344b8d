/**
 * HTCDS victim-context (vic_) picklists, stored as these codes, and the local
 * forms of exploitation of Moroccan law with their HTCDS export mapping.
 */

/** Local trafficking status: the pathway distinguishes possible from presumed victims. */
export const TRAFFICKING_STATUSES = ['possible', 'presumed', 'identified', 'not_a_victim'] as const;
export type TraffickingStatus = (typeof TRAFFICKING_STATUSES)[number];

/** HTCDS vic_TraffickingStatus. */
export const HTCDS_TRAFFICKING_STATUSES = ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'] as const;

/** How each local status is exported: presumed is still "possible" until a competent authority decides. */
export const TRAFFICKING_STATUS_TO_HTCDS: Record<TraffickingStatus, (typeof HTCDS_TRAFFICKING_STATUSES)[number]> = {
  possible: 'PossibleVictimOfTrafficking',
  presumed: 'PossibleVictimOfTrafficking',
  identified: 'ActualVictimOfTrafficking',
  not_a_victim: 'NotAVictimOfTrafficking',
};

/** HTCDS vic_TraffickingStatusDecisionMakingOrg. */
export const STATUS_DECISION_ORGS = ['Police', 'NGO', 'CourtOrProsecution', 'NonPoliceGovernmentalOrganization', 'Other'] as const;

/** HTCDS vic_RelationshipToTrafficker (the standard's own spelling of Unaquainted is kept). */
export const RELATIONSHIPS_TO_TRAFFICKER = ['Familial', 'Acquainted', 'Unaquainted'] as const;

/** HTCDS vic_RecruitmentWebsitesAndApps and vic_ExploitationWebsitesAndApps. */
export const WEBSITES_AND_APPS = [
  'Facebook', 'Instagram', 'WhatsApp', 'Telegram', 'FacebookMessenger', 'Viber', 'SnapChat', 'Line', '4Sale', 'WeChat', 'QQ', 'QZone', 'TikTok', 'Twitter', 'Other',
] as const;

/** HTCDS vic_MethodOfRecruitment. */
export const RECRUITMENT_METHODS = [
  'AtAPlaceOfBusiness', 'AtAnEducationalInstitution', 'AtWork', 'ThroughOnlineSocialNetworks', 'ThroughAnOnlineAdvertisement',
  'ThroughATelevisionAdvert', 'ThroughANewspaperAdvert', 'ThroughFamilyOrFamilyEvents', 'ThroughFriendsOrSocialEvents', 'Other',
] as const;

/** HTCDS vic_MethodsOfControl. */
export const CONTROL_METHODS = [
  'PhysicalThreats', 'ThreatsLawEnforcement', 'ThreatensChildrenFamily', 'DebtBondage', 'FalsePromises', 'PhysicalAbuse', 'SexualAbuse', 'TakesEarnings',
  'RestrictsFinancialAccess', 'RestrictsMedicalCare', 'WithholdsNecessities', 'PsychologicalAbuse', 'PsychoactiveSubstance', 'ExcessiveWorkingHours', 'WithholdsDocuments', 'Other',
] as const;

/** HTCDS vic_TypeOfExploitation. */
export const HTCDS_EXPLOITATION_TYPES = [
  'ForcedLabour', 'SexualExploitation', 'ChildLabour', 'ForcedMarriage', 'Servitude', 'ForcedMilitaryByNonStateActors', 'OrganRemoval', 'ForcedBegging',
  'ForcedAdoption', 'Surrogacy', 'Other',
] as const;
export type HtcdsExploitationType = (typeof HTCDS_EXPLOITATION_TYPES)[number];

/**
 * Forms of exploitation as Moroccan law and the TIP narrative name them (the
 * stored codes on a case), plus the HTCDS forms the law does not list apart.
 * Configurable per country: add a code here and map it below.
 */
export const EXPLOITATION_FORMS = [
  'sexual_exploitation',
  'forced_labour',
  'domestic_servitude',
  'forced_begging',
  'slavery_like_practices',
  'forced_criminality',
  'organ_removal',
  'child_labour',
  'forced_marriage',
  'other',
] as const;
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];

/** The HTCDS code each local form is exported as. */
export const EXPLOITATION_FORM_TO_HTCDS: Record<ExploitationForm, HtcdsExploitationType> = {
  sexual_exploitation: 'SexualExploitation',
  forced_labour: 'ForcedLabour',
  domestic_servitude: 'Servitude',
  forced_begging: 'ForcedBegging',
  slavery_like_practices: 'Servitude',
  forced_criminality: 'Other',
  organ_removal: 'OrganRemoval',
  child_labour: 'ChildLabour',
  forced_marriage: 'ForcedMarriage',
  other: 'Other',
};

/** Sex versus labour trafficking, as the TIP narrative splits the figures. */
export const EXPLOITATION_FORM_FAMILY: Record<ExploitationForm, 'sex' | 'labour' | 'other'> = {
  sexual_exploitation: 'sex',
  forced_labour: 'labour',
  domestic_servitude: 'labour',
  forced_begging: 'labour',
  slavery_like_practices: 'labour',
  forced_criminality: 'labour',
  organ_removal: 'other',
  child_labour: 'labour',
  forced_marriage: 'other',
  other: 'other',
};

/** HTCDS vic_ForcedLabourIndustry (ISIC rev. 4 sections). */
export const FORCED_LABOUR_INDUSTRIES = [
  'A_AgricultureForestryAndFishing', 'B_MiningAndQuarrying', 'C_Manufacturing', 'D_ElectricityGasSteamAndAirConditioningSupply', 'E_WaterSupplySewerageWasteManagement',
  'F_Construction', 'G_WholesaleAndRetailTradeRepairOfMotorVehicles', 'H_TransportationAndStorage', 'I_AccommodationAndFoodServiceActivities', 'J_InformationAndCommunication',
  'K_FinancialAndInsuranceActivities', 'L_RealEstateActivities', 'M_ProfessionalScientificAndTechnicalActivities', 'N_AdministrativeAndSupportServiceActivities',
  'O_PublicAdministrationAndDefence', 'P_Education', 'Q_HumanHealthAndSocialWorkActivities', 'R_ArtsEntertainmentAndRecreation', 'S_OtherServiceActivities',
  'T_ActivitiesOfHouseholdsAsEmployers', 'U_ActivitiesOfExtraterritorialOrganizations',
] as const;

/** HTCDS vic_TypeOfSexExploitation. */
export const SEX_EXPLOITATION_TYPES = ['Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices'] as const;

/** Whether the trafficking crossed a border (kept apart in the national figures). */
export const TRAFFICKING_SCOPES = ['domestic', 'transnational'] as const;

/** Migration and protection status of a foreign victim (local list; HTCDS has none). */
export const MIGRANT_STATUSES = [
  'national',
  'regular_migrant',
  'irregular_migrant',
  'asylum_seeker',
  'refugee',
  'unaccompanied_child',
  'separated_child',
  'stateless',
  'unknown',
] as const;

/** HTCDS hte_Type: the stages of a historic trafficking event. */
export const TRAFFICKING_EVENT_TYPES = ['Recruitment', 'Transit', 'Exploitation'] as const;
