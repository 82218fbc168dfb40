-- The grid certificate authority: its key pair (the private key encrypted, PKCS#8 PEM), certificate requests,
-- issued certificates, the DN-to-person lookup and the signed CRLs.

-- One row: the CA's certificate and its encrypted private key. Written once at first start (insert … on conflict do
-- nothing, so concurrent first starts of several nodes agree on one key).
create table identity_ca_key (
    id                     smallint     not null default 1,
    certificate_pem        text         not null,
    encrypted_key_pem      text         not null,
    created_at             timestamptz  not null,
    constraint identity_ca_key_pk primary key (id),
    constraint identity_ca_key_single check (id = 1)
);

-- The set rule "a DN belongs to one person forever": written by the command side in the submitting transaction.
create table identity_dn_owner (
    subject_dn   varchar(1024)  not null,
    requester    varchar(1024)  not null,
    claimed_at   timestamptz    not null,
    constraint identity_dn_owner_pk primary key (subject_dn)
);

-- Read model of certificate requests.
create table identity_certificate_request (
    request_id              uuid           not null,
    requester               varchar(1024)  not null,
    subject_dn              varchar(1024)  not null,
    key_description         varchar(40)    not null,
    status                  varchar(20)    not null,
    renewal_of              uuid,
    submitted_at            timestamptz    not null,
    vetting_method          varchar(20),
    vetting_document_type   varchar(100),
    vetting_document_hash   varchar(200),
    vetting_operator        varchar(1024),
    vetted_on               date,
    vetting_inherited_from  uuid,
    decided_by              varchar(1024),
    decided_at              timestamptz,
    rejection_reason        text,
    serial                  varchar(64),
    constraint identity_certificate_request_pk primary key (request_id)
);
create index identity_certificate_request_requester_idx on identity_certificate_request (requester, submitted_at);

-- Issued certificates: other contexts ask "does this DN hold a valid certificate" here; login checks revocation here.
create table identity_certificate (
    serial             varchar(64)    not null,
    request_id         uuid           not null,
    requester          varchar(1024)  not null,
    subject_dn         varchar(1024)  not null,
    issuer_dn          varchar(1024)  not null,
    not_before         timestamptz    not null,
    not_after          timestamptz    not null,
    revoked_at         timestamptz,
    revocation_reason  varchar(40),
    revoked_by         varchar(1024),
    certificate_pem    text           not null,
    constraint identity_certificate_pk primary key (serial),
    constraint identity_certificate_request_uk unique (request_id)
);
create index identity_certificate_subject_idx on identity_certificate (subject_dn, not_after);
create index identity_certificate_revoked_idx on identity_certificate (revoked_at) where revoked_at is not null;

-- Every CRL the CA signed; the newest is served at /ca/crl.pem and /ca/crl.der.
create table identity_crl (
    crl_number    bigint       not null,
    this_update   timestamptz  not null,
    next_update   timestamptz  not null,
    der           bytea        not null,
    constraint identity_crl_pk primary key (crl_number)
);

-- Certificate subjects that staff bound to an account: a certificate login with that DN gets the account's roles.
create table account_certificate_subject (
    subject_dn  varchar(1024)  not null,
    username    varchar(64)    not null references account (username),
    bound_by    varchar(1024)  not null,
    bound_at    timestamptz    not null,
    constraint account_certificate_subject_pk primary key (subject_dn)
);
create index account_certificate_subject_username_idx on account_certificate_subject (username);
