/**
 * Who a guardian who consents for a child is to the child (consent method 'guardian').
 * HTCDS has no list for this; these are the relationships Moroccan child-protection
 * practice records (a parent, a guardian appointed by a court, another relative, the
 * child-protection service holding custody, or another person named in the note).
 */
export const GUARDIAN_RELATIONSHIPS = ['parent', 'legal_guardian', 'relative', 'child_protection_service', 'other'] as const;
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number];
