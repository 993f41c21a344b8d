import { eq } from 'drizzle-orm';
import type { ReferralSnapshot, ShareableField } from '@shared/api/referrals.js';
import { openOptional, seal, type SealedText } from '../crypto/encrypted-columns.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Tx } from '../db/database.js';
import { persons, referrals } from '../db/schema/index.js';
import type { CaseRow } from '../cases/case-scope.js';
import { decryptPerson } from '../cases/person-identity.js';

/** The notes written for the receiver when referring (shared only when their key is chosen). */
export interface ReferralNotes {
  needsSummary: string | null;
  medicalNotes: string | null;
}

/**
 * Copies exactly the chosen fields from the case and its person, decrypting
 * only what is shared. The receiver sees this copy, never the case: later
 * edits to the case do not flow to the receiver without a new referral.
 */
export async function buildSnapshot(tx: Tx, keyring: Keyring, caseRow: CaseRow, fields: readonly ShareableField[], notes: ReferralNotes): Promise<ReferralSnapshot> {
  const [row] = await tx.select().from(persons).where(eq(persons.id, caseRow.personId));
  if (!row) throw new Error('case without a person');
  const needsIdentity = fields.some((f) => ['given_name_latin', 'family_name_latin', 'names_arabic', 'birth_year', 'phone'].includes(f));
  const person = needsIdentity ? decryptPerson(keyring, row) : null;
  const snapshot: ReferralSnapshot = {};
  for (const field of fields) {
    switch (field) {
      case 'given_name_latin': snapshot.given_name_latin = person!.givenNameLatin; break;
      case 'family_name_latin': snapshot.family_name_latin = person!.familyNameLatin; break;
      case 'names_arabic': snapshot.names_arabic = { given: person!.givenNameAr, family: person!.familyNameAr }; break;
      case 'sex': snapshot.sex = row.sex; break;
      case 'birth_year': snapshot.birth_year = person!.birthYear ?? (person!.birthDate ? Number(person!.birthDate.slice(0, 4)) : null); break;
      case 'citizenships': snapshot.citizenships = row.citizenships; break;
      case 'languages': snapshot.languages = row.languages; break;
      case 'phone': snapshot.phone = person!.contact.phone; break;
      case 'region': snapshot.region = caseRow.region; break;
      case 'trafficking_status': snapshot.trafficking_status = caseRow.traffickingStatus; break;
      case 'migrant_status': snapshot.migrant_status = caseRow.migrantStatus; break;
      case 'risk_level': snapshot.risk_level = caseRow.riskLevel; break;
      case 'exploitation_types': snapshot.exploitation_types = caseRow.exploitationForms; break;
      case 'needs_summary': snapshot.needs_summary = notes.needsSummary; break;
      case 'medical_notes': snapshot.medical_notes = notes.medicalNotes; break;
    }
  }
  return snapshot;
}

/** The snapshot sealed for storage (one ciphertext for the whole JSON). */
export function sealSnapshot(keyring: Keyring, snapshot: ReferralSnapshot): SealedText {
  return seal(keyring, referrals.snapshotEnc, JSON.stringify(snapshot));
}

/** The stored snapshot, opened (only for a caller allowed to see it). */
export function openSnapshot(keyring: Keyring, sealed: string | null): ReferralSnapshot | null {
  const text = openOptional(keyring, referrals.snapshotEnc, sealed);
  return text === null ? null : (JSON.parse(text) as ReferralSnapshot);
}
