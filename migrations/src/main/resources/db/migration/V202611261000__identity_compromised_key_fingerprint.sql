-- The compromised-key hash becomes a canonical fingerprint of the key (RSA: its modulus; EC: its curve and the
-- uncompressed point), so that a compromised key re-encoded (a compressed point, another public exponent on the same
-- modulus) is still refused. Rows written before carry the hash of the subjectPublicKey bits: they are marked as
-- fingerprint 1, and CompromisedKeyFingerprints replaces each at start by fingerprint 2, computed from the revoked
-- certificate (identity_certificate, same serial). New rows are fingerprint 2; a rebuild of the certificate
-- projection writes fingerprint 2 only.
alter table identity_compromised_key add column fingerprint smallint not null default 1;
alter table identity_compromised_key alter column fingerprint set default 2;
alter table identity_compromised_key add constraint identity_compromised_key_fingerprint_chk check (fingerprint in (1, 2));
