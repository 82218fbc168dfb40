-- Keys of certificates revoked for keyCompromise (RFC 5280 reason 1): no request may certify them again. Part of the
-- certificate projection (rebuilt from the revocation events); the key is the SHA-256 of its subjectPublicKey bits.
create table identity_compromised_key (
    key_hash     varchar(64)   not null,
    serial       varchar(64)   not null,
    revoked_at   timestamptz   not null,
    constraint identity_compromised_key_pk primary key (key_hash)
);
