-- The CA a bound DN is honoured from (slash form of its subject). A certificate login with the DN acts as the account
-- only when this CA issued the certificate. Bindings made before the column existed keep null: they are honoured only
-- from the one trusted CA that may sign the DN (our CA for our namespace; a trust anchor whose namespaces alone cover
-- it), never from a CA whose namespace merely overlaps.
alter table account_certificate_subject add column issuer_dn varchar(1024);
