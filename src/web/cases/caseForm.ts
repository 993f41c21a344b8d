import type { CaseDetail, CreateCaseInput, PersonInput } from '../../shared/api/cases';

/** An identity document as typed into the form. */
export interface DocumentValues {
  type: string;
  number: string;
  issuingCountry: string | null;
}

/** The identity fields as the form holds them (empty strings until typed). */
export interface PersonFormValues {
  givenNameAr: string;
  familyNameAr: string;
  givenNameLatin: string;
  familyNameLatin: string;
  aliases: string[];
  birthDate: string | null;
  birthYear: number | string;
  birthYearEstimated: boolean;
  sex: string;
  citizenships: string[];
  languages: string[];
  identityDocuments: DocumentValues[];
  contact: { phone: string; email: string; address: string };
}

/** The victim-context and case fields as the form holds them. */
export interface ContextFormValues {
  region: string | null;
  province: string | null;
  riskLevel: string | null;
  riskAssessment: string;
  reflectionStart: string | null;
  reflectionEnd: string | null;
  reflectionAlertDays: number | string;
  nonPunishment: boolean;
  nonPunishmentGround: string | null;
  nonPunishmentNote: string;
  traffickingStatus: string;
  statusDecidedBy: string | null;
  statusDecidedAt: string | null;
  ageWhenTrafficked: number | string;
  relationshipToTrafficker: string | null;
  recruitmentMethods: string[];
  recruitmentWebsites: string[];
  exploitationWebsites: string[];
  controlMethods: string[];
  exploitationForms: string[];
  forcedLabourIndustry: string | null;
  sexExploitationTypes: string[];
  traffickingScope: string | null;
  migrantStatus: string | null;
}

/** Everything the create form holds; the edit tabs reuse the half they need. */
export interface CaseFormValues extends ContextFormValues {
  person: PersonFormValues;
}

const text = (value: string | null | undefined) => value ?? '';
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const numberOrNull = (value: number | string) => (value === '' || value === null ? null : Number(value));

/** Form values for a person (blank for a new case). */
export function personFormValues(person?: PersonInput): PersonFormValues {
  return {
    givenNameAr: text(person?.givenNameAr),
    familyNameAr: text(person?.familyNameAr),
    givenNameLatin: text(person?.givenNameLatin),
    familyNameLatin: text(person?.familyNameLatin),
    aliases: person?.aliases ?? [],
    birthDate: person?.birthDate ?? null,
    birthYear: person?.birthYear ?? '',
    birthYearEstimated: person?.birthYearEstimated ?? false,
    sex: person?.sex ?? 'NonSpecifiedUnknown',
    citizenships: person?.citizenships ?? [],
    languages: person?.languages ?? [],
    identityDocuments: (person?.identityDocuments ?? []).map((d) => ({ type: d.type, number: d.number, issuingCountry: d.issuingCountry })),
    contact: { phone: text(person?.contact.phone), email: text(person?.contact.email), address: text(person?.contact.address) },
  };
}

/** Form values for the case fields (defaults for a new case). */
export function contextFormValues(c?: CaseDetail): ContextFormValues {
  return {
    region: c?.region ?? null,
    province: c?.province ?? null,
    riskLevel: c?.riskLevel ?? null,
    riskAssessment: text(c?.riskAssessment),
    reflectionStart: c?.reflectionStart ?? null,
    reflectionEnd: c?.reflectionEnd ?? null,
    reflectionAlertDays: c?.reflectionAlertDays ?? 7,
    nonPunishment: c?.nonPunishment ?? false,
    nonPunishmentGround: c?.nonPunishmentGround ?? null,
    nonPunishmentNote: text(c?.nonPunishmentNote),
    traffickingStatus: c?.traffickingStatus ?? 'possible',
    statusDecidedBy: c?.statusDecidedBy ?? null,
    statusDecidedAt: c?.statusDecidedAt ?? null,
    ageWhenTrafficked: c?.ageWhenTrafficked ?? '',
    relationshipToTrafficker: c?.relationshipToTrafficker ?? null,
    recruitmentMethods: c?.recruitmentMethods ?? [],
    recruitmentWebsites: c?.recruitmentWebsites ?? [],
    exploitationWebsites: c?.exploitationWebsites ?? [],
    controlMethods: c?.controlMethods ?? [],
    exploitationForms: c?.exploitationForms ?? [],
    forcedLabourIndustry: c?.forcedLabourIndustry ?? null,
    sexExploitationTypes: c?.sexExploitationTypes ?? [],
    traffickingScope: c?.traffickingScope ?? null,
    migrantStatus: c?.migrantStatus ?? null,
  };
}

/** The API's person object from the form (blank text becomes null). */
export function personBody(values: PersonFormValues) {
  return {
    givenNameAr: orNull(values.givenNameAr),
    familyNameAr: orNull(values.familyNameAr),
    givenNameLatin: orNull(values.givenNameLatin),
    familyNameLatin: orNull(values.familyNameLatin),
    aliases: values.aliases.map((a) => a.trim()).filter(Boolean),
    birthDate: values.birthDate || null,
    birthYear: numberOrNull(values.birthYear),
    birthYearEstimated: values.birthYearEstimated,
    sex: values.sex,
    citizenships: values.citizenships,
    languages: values.languages,
    identityDocuments: values.identityDocuments.map((d) => ({ type: d.type, number: d.number.trim(), issuingCountry: d.issuingCountry || null })),
    contact: { phone: orNull(values.contact.phone), email: orNull(values.contact.email), address: orNull(values.contact.address) },
  } as PersonInput;
}

/** The API's case fields from the form. */
export function contextBody(values: ContextFormValues) {
  return {
    region: values.region || null,
    province: values.province || null,
    riskLevel: values.riskLevel || null,
    riskAssessment: orNull(values.riskAssessment),
    reflectionStart: values.reflectionStart || null,
    reflectionEnd: values.reflectionEnd || null,
    reflectionAlertDays: numberOrNull(values.reflectionAlertDays) ?? 7,
    nonPunishment: values.nonPunishment,
    nonPunishmentGround: values.nonPunishment ? values.nonPunishmentGround || null : null,
    nonPunishmentNote: values.nonPunishment ? orNull(values.nonPunishmentNote) : null,
    traffickingStatus: values.traffickingStatus,
    statusDecidedBy: values.statusDecidedBy || null,
    statusDecidedAt: values.statusDecidedAt || null,
    ageWhenTrafficked: numberOrNull(values.ageWhenTrafficked),
    relationshipToTrafficker: values.relationshipToTrafficker || null,
    recruitmentMethods: values.recruitmentMethods,
    recruitmentWebsites: values.recruitmentWebsites,
    exploitationWebsites: values.exploitationWebsites,
    controlMethods: values.controlMethods,
    exploitationForms: values.exploitationForms,
    forcedLabourIndustry: values.forcedLabourIndustry || null,
    sexExploitationTypes: values.sexExploitationTypes,
    traffickingScope: values.traffickingScope || null,
    migrantStatus: values.migrantStatus || null,
  } as Omit<CreateCaseInput, 'person'>;
}

/** The POST /api/cases body. */
export function createBody(values: CaseFormValues): CreateCaseInput {
  return { ...contextBody(values), person: personBody(values.person) };
}

/** Field paths a server validation issue may name, so it lands on its input. */
export const PERSON_FIELDS = [
  'givenNameAr', 'familyNameAr', 'givenNameLatin', 'familyNameLatin', 'aliases', 'birthDate', 'birthYear', 'sex', 'citizenships', 'languages', 'identityDocuments', 'contact.phone', 'contact.email', 'contact.address',
].map((f) => `person.${f}`);
export const CONTEXT_FIELDS = Object.keys(contextFormValues());
