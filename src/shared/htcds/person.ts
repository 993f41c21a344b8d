/** HTCDS prs_Gender picklist, stored as these codes. */
export const PRS_GENDERS = [
  'Feminine',
  'Masculine',
  'TransgenderFeminine',
  'TransgenderMasculine',
  'NonConforming',
  'NonSpecifiedUnknown',
] as const;
export type PrsGender = (typeof PRS_GENDERS)[number];

/** Kinds of identity document a victim may hold (or have had confiscated). */
export const IDENTITY_DOCUMENT_TYPES = ['NationalIdCard', 'Passport', 'ResidencePermit', 'RefugeeCard', 'AsylumSeekerCertificate', 'BirthCertificate', 'Other'] as const;
export type IdentityDocumentType = (typeof IDENTITY_DOCUMENT_TYPES)[number];

/** Age at which a person stops being a child (Palermo Protocol: means are not needed below it). */
export const AGE_OF_MAJORITY = 18;
