-- Service directory: the service points of agencies, the services they offer
-- and shelter bed capacity. Organisation contacts only (never victims' data).

CREATE TABLE service_providers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- A provider is an agency's service point; an agency may run several.
  agency_id uuid NOT NULL REFERENCES agencies (id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  description text NOT NULL DEFAULT '',
  city text,
  -- ISO 3166-2:MA region codes ('MA-01' .. 'MA-12').
  regions text[] NOT NULL DEFAULT '{}',
  -- Reaches victims in every region (e.g. an international organisation's national programme).
  serves_nationally boolean NOT NULL DEFAULT false,
  -- ISO 639 codes (ar, ary, zgh, fr, en, es, ...).
  languages text[] NOT NULL DEFAULT '{}',
  target_groups text[] NOT NULL DEFAULT '{}',
  opening_hours text NOT NULL DEFAULT '',
  contact_phone text,
  contact_email text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_providers_agency_idx ON service_providers (agency_id);
-- Array containment (@>, &&) in directory filters and matching.
CREATE INDEX service_providers_regions_idx ON service_providers USING gin (regions);
CREATE INDEX service_providers_languages_idx ON service_providers USING gin (languages);
CREATE INDEX service_providers_target_groups_idx ON service_providers USING gin (target_groups);

CREATE TABLE provider_services (
  provider_id uuid NOT NULL REFERENCES service_providers (id) ON DELETE CASCADE,
  service_type text NOT NULL CHECK (service_type IN (
    'shelter', 'medical', 'psychosocial', 'legal_aid', 'interpretation', 'education',
    'vocational_training', 'livelihood', 'family_tracing', 'voluntary_return',
    'reintegration', 'financial_assistance')),
  PRIMARY KEY (provider_id, service_type)
);
CREATE INDEX provider_services_type_idx ON provider_services (service_type, provider_id);

-- Bed occupancy, reported by the shelter itself.
CREATE TABLE shelter_capacity (
  provider_id uuid PRIMARY KEY REFERENCES service_providers (id) ON DELETE CASCADE,
  beds_total integer NOT NULL CHECK (beds_total >= 0),
  beds_occupied integer NOT NULL CHECK (beds_occupied >= 0),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id),
  CONSTRAINT shelter_capacity_occupied_within_total CHECK (beds_occupied <= beds_total)
);
