-- Sign-in accounts of the portal. Passwords are ASP.NET Core Identity hashes; the security
-- stamp changes whenever roles, scope or password change, which signs out old cookies.
CREATE TABLE user_account (
    id               uuid        PRIMARY KEY,
    email            text        NOT NULL,
    normalized_email text        NOT NULL UNIQUE,
    display_name     text        NOT NULL,
    password_hash    text        NOT NULL,
    roles            text[]      NOT NULL DEFAULT '{}',
    client_id        uuid,
    is_disabled      boolean     NOT NULL DEFAULT false,
    failed_sign_ins  integer     NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    security_stamp   uuid        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    -- A partner administrator always acts for one client organisation.
    CONSTRAINT partner_admin_has_client CHECK (NOT ('PartnerAdmin' = ANY (roles)) OR client_id IS NOT NULL)
);

-- One-time jobs (such as seeding demo data) record here that they ran.
CREATE TABLE app_marker (
    name    text        PRIMARY KEY,
    done_at timestamptz NOT NULL
);
