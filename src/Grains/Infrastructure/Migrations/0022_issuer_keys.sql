-- The institution's keys for signing Open Badges credentials (ES256, decision 15). One key is active and signs;
-- keys it replaced stay, retired, and are still published, because credentials signed with them stay valid.
-- The private key is PKCS#8, encrypted with OpenBadges:SigningKeyPassword when the host has one (private_key_encrypted).
CREATE TABLE issuer_key (
    -- RFC 7638 thumbprint of the public key: the last segment of the key id in the JWT header and the JWKS.
    thumbprint            text        PRIMARY KEY,
    public_x              text        NOT NULL,
    public_y              text        NOT NULL,
    private_key           bytea       NOT NULL,
    private_key_encrypted boolean     NOT NULL,
    created_at            timestamptz NOT NULL,
    retired_at            timestamptz
);
-- At most one active key, so two processes creating the first key at once keep one of them.
CREATE UNIQUE INDEX issuer_key_one_active ON issuer_key ((true)) WHERE retired_at IS NULL;
