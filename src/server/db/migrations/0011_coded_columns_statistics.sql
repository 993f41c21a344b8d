-- Coded columns hold only known codes, and cases carry plain statistical columns (issue 7).
--
-- The allowed lists are copies of the code lists in src/shared (each named below). They cannot drift
-- apart unnoticed: src/server/db/schema-drift.test.ts reads every single-column CHECK list back from
-- pg_constraint and compares it with the Drizzle schema, whose enum columns import the src/shared lists.
-- A code added in src/shared therefore needs a migration that widens the CHECK, or that test fails.
-- Array columns use `<@ ARRAY[...]`, which also refuses NULL elements.

-- Countries (src/shared/htcds/countries.ts, COUNTRY_CODES) are a reference table rather than a CHECK:
-- the list is to become a deployment setting. Until then only a migration changes it.
CREATE TABLE countries (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$')
);
INSERT INTO countries (code) VALUES
  ('AD'), ('AE'), ('AF'), ('AG'), ('AI'), ('AL'), ('AM'), ('AO'), ('AQ'), ('AR'), ('AS'), ('AT'), ('AU'), ('AW'),
  ('AX'), ('AZ'), ('BA'), ('BB'), ('BD'), ('BE'), ('BF'), ('BG'), ('BH'), ('BI'), ('BJ'), ('BL'), ('BM'), ('BN'),
  ('BO'), ('BQ'), ('BR'), ('BS'), ('BT'), ('BV'), ('BW'), ('BY'), ('BZ'), ('CA'), ('CC'), ('CD'), ('CF'), ('CG'),
  ('CH'), ('CI'), ('CK'), ('CL'), ('CM'), ('CN'), ('CO'), ('CR'), ('CU'), ('CV'), ('CW'), ('CX'), ('CY'), ('CZ'),
  ('DE'), ('DJ'), ('DK'), ('DM'), ('DO'), ('DZ'), ('EC'), ('EE'), ('EG'), ('EH'), ('ER'), ('ES'), ('ET'), ('FI'),
  ('FJ'), ('FK'), ('FM'), ('FO'), ('FR'), ('GA'), ('GB'), ('GD'), ('GE'), ('GF'), ('GG'), ('GH'), ('GI'), ('GL'),
  ('GM'), ('GN'), ('GP'), ('GQ'), ('GR'), ('GS'), ('GT'), ('GU'), ('GW'), ('GY'), ('HK'), ('HM'), ('HN'), ('HR'),
  ('HT'), ('HU'), ('ID'), ('IE'), ('IL'), ('IM'), ('IN'), ('IO'), ('IQ'), ('IR'), ('IS'), ('IT'), ('JE'), ('JM'),
  ('JO'), ('JP'), ('KE'), ('KG'), ('KH'), ('KI'), ('KM'), ('KN'), ('KP'), ('KR'), ('KW'), ('KY'), ('KZ'), ('LA'),
  ('LB'), ('LC'), ('LI'), ('LK'), ('LR'), ('LS'), ('LT'), ('LU'), ('LV'), ('LY'), ('MA'), ('MC'), ('MD'), ('ME'),
  ('MF'), ('MG'), ('MH'), ('MK'), ('ML'), ('MM'), ('MN'), ('MO'), ('MP'), ('MQ'), ('MR'), ('MS'), ('MT'), ('MU'),
  ('MV'), ('MW'), ('MX'), ('MY'), ('MZ'), ('NA'), ('NC'), ('NE'), ('NF'), ('NG'), ('NI'), ('NL'), ('NO'), ('NP'),
  ('NR'), ('NU'), ('NZ'), ('OM'), ('PA'), ('PE'), ('PF'), ('PG'), ('PH'), ('PK'), ('PL'), ('PM'), ('PN'), ('PR'),
  ('PS'), ('PT'), ('PW'), ('PY'), ('QA'), ('RE'), ('RO'), ('RS'), ('RU'), ('RW'), ('SA'), ('SB'), ('SC'), ('SD'),
  ('SE'), ('SG'), ('SH'), ('SI'), ('SJ'), ('SK'), ('SL'), ('SM'), ('SN'), ('SO'), ('SR'), ('SS'), ('ST'), ('SV'),
  ('SX'), ('SY'), ('SZ'), ('TC'), ('TD'), ('TF'), ('TG'), ('TH'), ('TJ'), ('TK'), ('TL'), ('TM'), ('TN'), ('TO'),
  ('TR'), ('TT'), ('TV'), ('TW'), ('TZ'), ('UA'), ('UG'), ('UM'), ('US'), ('UY'), ('UZ'), ('VA'), ('VC'), ('VE'),
  ('VG'), ('VI'), ('VN'), ('VU'), ('WF'), ('WS'), ('YE'), ('YT'), ('ZA'), ('ZM'), ('ZW');

REVOKE INSERT, UPDATE, DELETE ON countries FROM sanad_app;

ALTER TABLE trafficking_events ADD CONSTRAINT trafficking_events_country_fkey FOREIGN KEY (country) REFERENCES countries (code);
ALTER TABLE case_returns ADD CONSTRAINT case_returns_return_country_fkey FOREIGN KEY (return_country) REFERENCES countries (code);
-- The format check is replaced by the list itself.
ALTER TABLE screenings DROP CONSTRAINT screenings_nationality_check;
ALTER TABLE screenings ADD CONSTRAINT screenings_nationality_fkey FOREIGN KEY (nationality) REFERENCES countries (code);

-- A foreign key cannot reach into an array, so a trigger checks each citizenship against the table.
CREATE FUNCTION persons_citizenships_known() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unknown text;
BEGIN
  SELECT coalesce(c.code, 'NULL') INTO unknown
    FROM unnest(NEW.citizenships) AS c(code)
   WHERE c.code IS NULL OR NOT EXISTS (SELECT FROM countries WHERE countries.code = c.code)
   LIMIT 1;
  IF unknown IS NOT NULL THEN
    RAISE EXCEPTION 'persons.citizenships: % is not a known country code', unknown
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER persons_citizenships_known
  BEFORE INSERT OR UPDATE OF citizenships ON persons
  FOR EACH ROW EXECUTE FUNCTION persons_citizenships_known();
-- Rows stored before the trigger existed are checked once, as adding a CHECK would check them.
DO $$
DECLARE
  unknown text;
BEGIN
  SELECT coalesce(c.code, 'NULL') INTO unknown
    FROM persons AS p, unnest(p.citizenships) AS c(code)
   WHERE c.code IS NULL OR NOT EXISTS (SELECT FROM countries WHERE countries.code = c.code)
   LIMIT 1;
  IF unknown IS NOT NULL THEN
    RAISE EXCEPTION 'persons.citizenships holds %, which is not a known country code', unknown
      USING ERRCODE = 'foreign_key_violation';
  END IF;
END;
$$;

-- Regions (src/shared/geo/regions.ts, REGION_CODES); the former format checks give way to the list.

ALTER TABLE reports DROP CONSTRAINT reports_region_check;
ALTER TABLE screenings DROP CONSTRAINT screenings_region_check;

ALTER TABLE cases ADD CONSTRAINT cases_region_check CHECK (region IN (
    'MA-01', 'MA-02', 'MA-03', 'MA-04', 'MA-05', 'MA-06', 'MA-07', 'MA-08', 'MA-09', 'MA-10', 'MA-11', 'MA-12'));

ALTER TABLE reports ADD CONSTRAINT reports_region_check CHECK (region IN (
    'MA-01', 'MA-02', 'MA-03', 'MA-04', 'MA-05', 'MA-06', 'MA-07', 'MA-08', 'MA-09', 'MA-10', 'MA-11', 'MA-12'));

ALTER TABLE screenings ADD CONSTRAINT screenings_region_check CHECK (region IN (
    'MA-01', 'MA-02', 'MA-03', 'MA-04', 'MA-05', 'MA-06', 'MA-07', 'MA-08', 'MA-09', 'MA-10', 'MA-11', 'MA-12'));

ALTER TABLE service_providers ADD CONSTRAINT service_providers_regions_check CHECK (regions <@ ARRAY[
    'MA-01', 'MA-02', 'MA-03', 'MA-04', 'MA-05', 'MA-06', 'MA-07', 'MA-08', 'MA-09', 'MA-10', 'MA-11', 'MA-12']);

-- Provinces and prefectures (src/shared/geo/regions.ts, the provinces of REGIONS). A report's province stays free text.

ALTER TABLE cases ADD CONSTRAINT cases_province_check CHECK (province IN (
    'MA-TNG', 'MA-TET', 'MA-MDF', 'MA-LAR', 'MA-CHE', 'MA-HOC', 'MA-OUZ', 'MA-FAH', 'MA-OUJ', 'MA-NAD', 'MA-BER',
    'MA-DRI', 'MA-JRA', 'MA-TAI', 'MA-FIG', 'MA-GUF', 'MA-FES', 'MA-MEK', 'MA-TAO', 'MA-TAZ', 'MA-IFR', 'MA-SEF',
    'MA-BOM', 'MA-HAJ', 'MA-MOU', 'MA-RAB', 'MA-SAL', 'MA-SKH', 'MA-KEN', 'MA-KHE', 'MA-SIK', 'MA-SIL', 'MA-BEM',
    'MA-AZI', 'MA-FQH', 'MA-KHN', 'MA-KHO', 'MA-CAS', 'MA-MOH', 'MA-JDI', 'MA-NOU', 'MA-MED', 'MA-BES', 'MA-BRR',
    'MA-SET', 'MA-SIB', 'MA-MAR', 'MA-CHI', 'MA-HAO', 'MA-KES', 'MA-ESI', 'MA-REH', 'MA-SAF', 'MA-YUS', 'MA-ERR',
    'MA-MID', 'MA-OUA', 'MA-TIN', 'MA-ZAG', 'MA-AGD', 'MA-INE', 'MA-CHT', 'MA-TAR', 'MA-TIZ', 'MA-TAT', 'MA-GUE',
    'MA-ASZ', 'MA-TNT', 'MA-SIF', 'MA-LAA', 'MA-BOD', 'MA-TAF', 'MA-ESM', 'MA-OUD', 'MA-AOU'));

ALTER TABLE screenings ADD CONSTRAINT screenings_province_check CHECK (province IN (
    'MA-TNG', 'MA-TET', 'MA-MDF', 'MA-LAR', 'MA-CHE', 'MA-HOC', 'MA-OUZ', 'MA-FAH', 'MA-OUJ', 'MA-NAD', 'MA-BER',
    'MA-DRI', 'MA-JRA', 'MA-TAI', 'MA-FIG', 'MA-GUF', 'MA-FES', 'MA-MEK', 'MA-TAO', 'MA-TAZ', 'MA-IFR', 'MA-SEF',
    'MA-BOM', 'MA-HAJ', 'MA-MOU', 'MA-RAB', 'MA-SAL', 'MA-SKH', 'MA-KEN', 'MA-KHE', 'MA-SIK', 'MA-SIL', 'MA-BEM',
    'MA-AZI', 'MA-FQH', 'MA-KHN', 'MA-KHO', 'MA-CAS', 'MA-MOH', 'MA-JDI', 'MA-NOU', 'MA-MED', 'MA-BES', 'MA-BRR',
    'MA-SET', 'MA-SIB', 'MA-MAR', 'MA-CHI', 'MA-HAO', 'MA-KES', 'MA-ESI', 'MA-REH', 'MA-SAF', 'MA-YUS', 'MA-ERR',
    'MA-MID', 'MA-OUA', 'MA-TIN', 'MA-ZAG', 'MA-AGD', 'MA-INE', 'MA-CHT', 'MA-TAR', 'MA-TIZ', 'MA-TAT', 'MA-GUE',
    'MA-ASZ', 'MA-TNT', 'MA-SIF', 'MA-LAA', 'MA-BOD', 'MA-TAF', 'MA-ESM', 'MA-OUD', 'MA-AOU'));

-- Sex (src/shared/htcds/person.ts, PRS_GENDERS).

ALTER TABLE persons ADD CONSTRAINT persons_sex_check CHECK (sex IN (
    'Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'));

ALTER TABLE screenings ADD CONSTRAINT screenings_sex_check CHECK (sex IN (
    'Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'));

-- Languages (src/shared/htcds/languages.ts, LANGUAGE_CODES; providers use the same list).

ALTER TABLE persons ADD CONSTRAINT persons_languages_check CHECK (languages <@ ARRAY[
    'ar', 'fr', 'en', 'es', 'pt', 'it', 'de', 'nl', 'ru', 'uk', 'tr', 'fa', 'ps', 'ku', 'ur', 'hi', 'bn', 'ne',
    'si', 'ta', 'tl', 'id', 'ms', 'vi', 'th', 'zh', 'ko', 'ja', 'am', 'ti', 'om', 'so', 'sw', 'ha', 'yo', 'ig',
    'ff', 'wo', 'bm', 'tw', 'ee', 'ln', 'kg', 'lg', 'rw', 'sn', 'zu', 'xh', 'mg', 'ro', 'bg', 'sq', 'ka', 'hy',
    'az', 'uz', 'kk', 'ky', 'tg', 'he', 'zgh', 'ary']);

ALTER TABLE reports ADD CONSTRAINT reports_language_check CHECK (language IN (
    'ar', 'fr', 'en', 'es', 'pt', 'it', 'de', 'nl', 'ru', 'uk', 'tr', 'fa', 'ps', 'ku', 'ur', 'hi', 'bn', 'ne',
    'si', 'ta', 'tl', 'id', 'ms', 'vi', 'th', 'zh', 'ko', 'ja', 'am', 'ti', 'om', 'so', 'sw', 'ha', 'yo', 'ig',
    'ff', 'wo', 'bm', 'tw', 'ee', 'ln', 'kg', 'lg', 'rw', 'sn', 'zu', 'xh', 'mg', 'ro', 'bg', 'sq', 'ka', 'hy',
    'az', 'uz', 'kk', 'ky', 'tg', 'he', 'zgh', 'ary'));

ALTER TABLE screenings ADD CONSTRAINT screenings_language_check CHECK (language IN (
    'ar', 'fr', 'en', 'es', 'pt', 'it', 'de', 'nl', 'ru', 'uk', 'tr', 'fa', 'ps', 'ku', 'ur', 'hi', 'bn', 'ne',
    'si', 'ta', 'tl', 'id', 'ms', 'vi', 'th', 'zh', 'ko', 'ja', 'am', 'ti', 'om', 'so', 'sw', 'ha', 'yo', 'ig',
    'ff', 'wo', 'bm', 'tw', 'ee', 'ln', 'kg', 'lg', 'rw', 'sn', 'zu', 'xh', 'mg', 'ro', 'bg', 'sq', 'ka', 'hy',
    'az', 'uz', 'kk', 'ky', 'tg', 'he', 'zgh', 'ary'));

ALTER TABLE service_providers ADD CONSTRAINT service_providers_languages_check CHECK (languages <@ ARRAY[
    'ar', 'fr', 'en', 'es', 'pt', 'it', 'de', 'nl', 'ru', 'uk', 'tr', 'fa', 'ps', 'ku', 'ur', 'hi', 'bn', 'ne',
    'si', 'ta', 'tl', 'id', 'ms', 'vi', 'th', 'zh', 'ko', 'ja', 'am', 'ti', 'om', 'so', 'sw', 'ha', 'yo', 'ig',
    'ff', 'wo', 'bm', 'tw', 'ee', 'ln', 'kg', 'lg', 'rw', 'sn', 'zu', 'xh', 'mg', 'ro', 'bg', 'sq', 'ka', 'hy',
    'az', 'uz', 'kk', 'ky', 'tg', 'he', 'zgh', 'ary']);

-- Forms of exploitation (src/shared/htcds/victim.ts, EXPLOITATION_FORMS).

ALTER TABLE cases ADD CONSTRAINT cases_exploitation_forms_check CHECK (exploitation_forms <@ ARRAY[
    'sexual_exploitation', 'forced_labour', 'domestic_servitude', 'forced_begging', 'slavery_like_practices',
    'forced_criminality', 'organ_removal', 'child_labour', 'forced_marriage', 'other']);

ALTER TABLE reports ADD CONSTRAINT reports_exploitation_forms_check CHECK (exploitation_forms <@ ARRAY[
    'sexual_exploitation', 'forced_labour', 'domestic_servitude', 'forced_begging', 'slavery_like_practices',
    'forced_criminality', 'organ_removal', 'child_labour', 'forced_marriage', 'other']);

ALTER TABLE screening_indicators ADD CONSTRAINT screening_indicators_form_check CHECK (form IN (
    'sexual_exploitation', 'forced_labour', 'domestic_servitude', 'forced_begging', 'slavery_like_practices',
    'forced_criminality', 'organ_removal', 'child_labour', 'forced_marriage', 'other'));

-- The victim context of a case (src/shared/htcds/victim.ts and case.ts).

ALTER TABLE cases ADD CONSTRAINT cases_risk_level_check CHECK (risk_level IN (
    'low', 'medium', 'high', 'critical'));

ALTER TABLE cases ADD CONSTRAINT cases_non_punishment_ground_check CHECK (non_punishment_ground IN (
    'criminal_charges', 'immigration_proceedings', 'administrative_penalty', 'other'));

ALTER TABLE cases ADD CONSTRAINT cases_status_decided_by_check CHECK (status_decided_by IN (
    'Police', 'NGO', 'CourtOrProsecution', 'NonPoliceGovernmentalOrganization', 'Other'));

ALTER TABLE cases ADD CONSTRAINT cases_relationship_to_trafficker_check CHECK (relationship_to_trafficker IN (
    'Familial', 'Acquainted', 'Unaquainted'));

ALTER TABLE cases ADD CONSTRAINT cases_recruitment_methods_check CHECK (recruitment_methods <@ ARRAY[
    'AtAPlaceOfBusiness', 'AtAnEducationalInstitution', 'AtWork', 'ThroughOnlineSocialNetworks',
    'ThroughAnOnlineAdvertisement', 'ThroughATelevisionAdvert', 'ThroughANewspaperAdvert',
    'ThroughFamilyOrFamilyEvents', 'ThroughFriendsOrSocialEvents', 'Other']);

ALTER TABLE cases ADD CONSTRAINT cases_recruitment_websites_check CHECK (recruitment_websites <@ ARRAY[
    'Facebook', 'Instagram', 'WhatsApp', 'Telegram', 'FacebookMessenger', 'Viber', 'SnapChat', 'Line', '4Sale',
    'WeChat', 'QQ', 'QZone', 'TikTok', 'Twitter', 'Other']);

ALTER TABLE cases ADD CONSTRAINT cases_exploitation_websites_check CHECK (exploitation_websites <@ ARRAY[
    'Facebook', 'Instagram', 'WhatsApp', 'Telegram', 'FacebookMessenger', 'Viber', 'SnapChat', 'Line', '4Sale',
    'WeChat', 'QQ', 'QZone', 'TikTok', 'Twitter', 'Other']);

ALTER TABLE cases ADD CONSTRAINT cases_control_methods_check CHECK (control_methods <@ ARRAY[
    'PhysicalThreats', 'ThreatsLawEnforcement', 'ThreatensChildrenFamily', 'DebtBondage', 'FalsePromises',
    'PhysicalAbuse', 'SexualAbuse', 'TakesEarnings', 'RestrictsFinancialAccess', 'RestrictsMedicalCare',
    'WithholdsNecessities', 'PsychologicalAbuse', 'PsychoactiveSubstance', 'ExcessiveWorkingHours',
    'WithholdsDocuments', 'Other']);

ALTER TABLE cases ADD CONSTRAINT cases_forced_labour_industry_check CHECK (forced_labour_industry IN (
    'A_AgricultureForestryAndFishing', 'B_MiningAndQuarrying', 'C_Manufacturing',
    'D_ElectricityGasSteamAndAirConditioningSupply', 'E_WaterSupplySewerageWasteManagement', 'F_Construction',
    'G_WholesaleAndRetailTradeRepairOfMotorVehicles', 'H_TransportationAndStorage',
    'I_AccommodationAndFoodServiceActivities', 'J_InformationAndCommunication',
    'K_FinancialAndInsuranceActivities', 'L_RealEstateActivities',
    'M_ProfessionalScientificAndTechnicalActivities', 'N_AdministrativeAndSupportServiceActivities',
    'O_PublicAdministrationAndDefence', 'P_Education', 'Q_HumanHealthAndSocialWorkActivities',
    'R_ArtsEntertainmentAndRecreation', 'S_OtherServiceActivities', 'T_ActivitiesOfHouseholdsAsEmployers',
    'U_ActivitiesOfExtraterritorialOrganizations'));

ALTER TABLE cases ADD CONSTRAINT cases_sex_exploitation_types_check CHECK (sex_exploitation_types <@ ARRAY[
    'Prostitution', 'Pornography', 'RemoteInteractiveServices', 'PrivateSexualServices']);

ALTER TABLE cases ADD CONSTRAINT cases_migrant_status_check CHECK (migrant_status IN (
    'national', 'regular_migrant', 'irregular_migrant', 'asylum_seeker', 'refugee', 'unaccompanied_child',
    'separated_child', 'stateless', 'unknown'));

ALTER TABLE cases ADD CONSTRAINT cases_closure_reason_check CHECK (closure_reason IN (
    'ReintegrationCompleted', 'VoluntaryReturnCompleted', 'ReferredToAnotherOrganisation', 'VictimWithdrewConsent',
    'LostContact', 'NotAVictim', 'MergedDuplicate', 'Deceased', 'Other'));

-- Reports, providers and referrals (src/shared/api/reports.ts, providers.ts, referrals.ts).

ALTER TABLE reports ADD CONSTRAINT reports_closure_reason_check CHECK (closure_reason IN (
    'information_provided', 'referred_elsewhere', 'no_trafficking_indicators', 'smuggling_not_trafficking',
    'insufficient_information', 'duplicate', 'unreachable', 'false_report', 'handled_by_case', 'other'));

ALTER TABLE service_providers ADD CONSTRAINT service_providers_target_groups_check CHECK (target_groups <@ ARRAY[
    'women', 'men', 'girls', 'boys', 'foreigners', 'families']);

ALTER TABLE services_delivered ADD CONSTRAINT services_delivered_service_type_check CHECK (service_type IN (
    'shelter', 'medical', 'psychosocial', 'legal_aid', 'interpretation', 'education', 'vocational_training',
    'livelihood', 'family_tracing', 'voluntary_return', 'reintegration', 'financial_assistance'));

ALTER TABLE referrals ADD CONSTRAINT referrals_shared_fields_check CHECK (shared_fields <@ ARRAY[
    'given_name_latin', 'family_name_latin', 'names_arabic', 'sex', 'birth_year', 'citizenships', 'languages',
    'phone', 'region', 'trafficking_status', 'migrant_status', 'risk_level', 'exploitation_types', 'needs_summary',
    'medical_notes']);

-- Accounts and notifications (src/shared/agencies.ts, roles.ts, locales.ts, notifications.ts).

ALTER TABLE agencies ADD CONSTRAINT agencies_type_check CHECK (type IN (
    'NGO', 'LawEnforcement', 'HealthServiceOrganisation', 'CentralGovernmentOrganisation',
    'LocalGovernmentOrganisation', 'ImmigrationService', 'LegalService', 'CorporateBusiness', 'SchoolOrCollege',
    'Ministry', 'Police', 'Gendarmerie', 'LabourInspection', 'BorderPolice', 'Prosecution', 'Court', 'Shelter',
    'InternationalOrganisation', 'Hotline', 'NationalCommission'));

ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (roles <@ ARRAY[
    'hotline_operator', 'first_responder', 'case_manager', 'service_provider', 'prosecutor',
    'national_coordinator', 'analyst', 'administrator', 'auditor']);

ALTER TABLE role_grants ADD CONSTRAINT role_grants_roles_codes_check CHECK (roles <@ ARRAY[
    'hotline_operator', 'first_responder', 'case_manager', 'service_provider', 'prosecutor',
    'national_coordinator', 'analyst', 'administrator', 'auditor']);

ALTER TABLE users ADD CONSTRAINT users_locale_check CHECK (locale IN (
    'ar', 'fr', 'en'));

ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
    'referral_received', 'referral_accepted', 'referral_declined', 'referral_overdue', 'followup_overdue',
    'reflection_period_ending', 'case_assigned', 'dispatch_received', 'merge_requested', 'role_grant_requested',
    'role_grant_approved'));

-- Plain statistical columns of a case, derived from the identity when the case is written, before the
-- identity is encrypted (src/server/cases/statistical-columns.ts); the birth date and year stay encrypted.
-- age_band: the CTDC ageBroad band (src/shared/htcds/age-bands.ts) of the age on the day the case was opened.
-- identification_year: the year the trafficking status first became presumed or identified.
-- Existing rows cannot be filled here (the birth year is ciphertext): they stay null until their next write.
ALTER TABLE cases
  ADD COLUMN age_band text,
  ADD COLUMN is_minor boolean,
  ADD COLUMN identification_year integer CHECK (identification_year BETWEEN 1900 AND 2100);
ALTER TABLE cases ADD CONSTRAINT cases_age_band_check CHECK (age_band IN (
    '0-8', '9-17', '18-20', '21-23', '24-26', '27-29', '30-38', '39-47', '48+'));
-- The CTDC bands split at 18, so the two age columns always agree.
ALTER TABLE cases ADD CONSTRAINT cases_is_minor_age_band_check
  CHECK ((is_minor IS NULL AND age_band IS NULL) OR is_minor = (age_band IN ('0-8', '9-17')));
ALTER TABLE cases ADD CONSTRAINT cases_identification_year_status_check
  CHECK (identification_year IS NULL OR trafficking_status IN ('presumed', 'identified'));
-- The yearly figures count identified victims by year.
CREATE INDEX cases_identification_year_idx ON cases (identification_year) WHERE identification_year IS NOT NULL;
