/**
 * Agency types: the HTCDS `org_Type` picklist plus the government-specific and
 * referral-mechanism types a national deployment needs. Labels come from the
 * catalogs (`agencyType.<code>`).
 */
export const HTCDS_ORG_TYPES = [
  'NGO',
  'LawEnforcement',
  'HealthServiceOrganisation',
  'CentralGovernmentOrganisation',
  'LocalGovernmentOrganisation',
  'ImmigrationService',
  'LegalService',
  'CorporateBusiness',
  'SchoolOrCollege',
] as const;

export type HtcdsOrgType = (typeof HTCDS_ORG_TYPES)[number];

/** Local types that HTCDS does not name; each maps to an HTCDS type for export. */
export const LOCAL_AGENCY_TYPES = [
  'Ministry',
  'Police',
  'Gendarmerie',
  'LabourInspection',
  'BorderPolice',
  'Prosecution',
  'Court',
  'Shelter',
  'InternationalOrganisation',
  'Hotline',
  'NationalCommission',
] as const;

export const AGENCY_TYPES = [...HTCDS_ORG_TYPES, ...LOCAL_AGENCY_TYPES] as const;

export type AgencyType = (typeof AGENCY_TYPES)[number];

/** The HTCDS org_Type each agency type is exported as. */
export const AGENCY_TYPE_TO_HTCDS: Record<AgencyType, HtcdsOrgType> = {
  NGO: 'NGO',
  LawEnforcement: 'LawEnforcement',
  HealthServiceOrganisation: 'HealthServiceOrganisation',
  CentralGovernmentOrganisation: 'CentralGovernmentOrganisation',
  LocalGovernmentOrganisation: 'LocalGovernmentOrganisation',
  ImmigrationService: 'ImmigrationService',
  LegalService: 'LegalService',
  CorporateBusiness: 'CorporateBusiness',
  SchoolOrCollege: 'SchoolOrCollege',
  Ministry: 'CentralGovernmentOrganisation',
  Police: 'LawEnforcement',
  Gendarmerie: 'LawEnforcement',
  LabourInspection: 'CentralGovernmentOrganisation',
  BorderPolice: 'ImmigrationService',
  Prosecution: 'LegalService',
  Court: 'LegalService',
  Shelter: 'NGO',
  InternationalOrganisation: 'NGO',
  Hotline: 'CentralGovernmentOrganisation',
  NationalCommission: 'CentralGovernmentOrganisation',
};
