-- Indexes found missing by the benchmarks (docs/PERFORMANCE.md).
-- A case's access history filters audit events by resource id alone.
CREATE INDEX audit_events_resource_id_idx ON audit_events (resource_id, id DESC);
-- Duplicate detection looks keys up without their kind.
CREATE INDEX person_index_keys_key_idx ON person_index_keys (key);
-- The case list of an agency, in its display order, without sorting the whole agency.
CREATE INDEX cases_owner_opened_idx ON cases (owner_agency_id, opened_at DESC, case_number DESC);
