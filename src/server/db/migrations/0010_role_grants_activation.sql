-- Separation of duties in user administration (issue 6, item 2).

-- A user may hold no role while the role they were given waits for a second
-- administrator: a new police officer holds nothing until the grant is approved.
ALTER TABLE users DROP CONSTRAINT users_roles_check;

-- A request to give roles that can reach identities (or administer accounts),
-- in one agency, to one user. It takes effect only when a second administrator,
-- neither the requester nor the user, approves it.
CREATE TABLE role_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  roles text[] NOT NULL CHECK (cardinality(roles) > 0),
  -- The agency the roles are to be held in: moving the user withdraws the request.
  agency_id uuid NOT NULL REFERENCES agencies (id),
  -- Why it was asked: a new account, a change of roles or agency, or a new activation code.
  cause text NOT NULL CHECK (cause IN ('created', 'roles_changed', 'agency_changed', 'activation_reissued')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  requested_by uuid NOT NULL REFERENCES users (id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  -- The two-person rule, held by the database as well as by the code.
  CHECK (status <> 'approved' OR (decided_by IS NOT NULL AND decided_by <> requested_by AND decided_by <> user_id))
);
CREATE UNIQUE INDEX role_grants_one_pending_idx ON role_grants (user_id) WHERE status = 'pending';
CREATE INDEX role_grants_pending_idx ON role_grants (requested_at) WHERE status = 'pending';

-- One-time activation codes: the person sets their own password with it at
-- first sign-in. Only a keyed HMAC of the code is stored (the key is not in the
-- database), so neither the table nor a backup gives a usable code.
CREATE TABLE user_activations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  code_hash text NOT NULL UNIQUE,
  issued_by uuid REFERENCES users (id),
  issued_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz
);
-- At most one open code per user: issuing a new one revokes the old.
CREATE UNIQUE INDEX user_activations_open_idx ON user_activations (user_id) WHERE used_at IS NULL AND revoked_at IS NULL;
