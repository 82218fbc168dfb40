-- Provider read model (projection of Provider events) and the set-based lookup for unique provider names, written
-- in the same transaction as the registering event.

create table provider (
    provider_id        uuid          not null,
    name               varchar(200)  not null,
    kind               varchar(20)   not null,
    suspended          boolean       not null default false,
    suspension_reason  text,
    registered_on      date          not null,
    constraint provider_pk primary key (provider_id)
);
create index provider_name_idx on provider (lower(name));

-- The package categories a provider can deliver.
create table provider_category (
    provider_id  uuid         not null references provider (provider_id),
    category     varchar(40)  not null,
    constraint provider_category_pk primary key (provider_id, category)
);
create index provider_category_category_idx on provider_category (category);

-- One row per certification type: a renewal replaces it; a withdrawal keeps it with withdrawn_on, from which day on
-- it no longer counts. Validity is half-open: [valid_from, valid_until).
create table provider_certification (
    provider_id        uuid          not null references provider (provider_id),
    type               varchar(40)   not null,
    issued_by          varchar(200),
    valid_from         date          not null,
    valid_until        date          not null,
    recorded_on        date          not null,
    withdrawn_on       date,
    withdrawal_reason  text,
    constraint provider_certification_pk primary key (provider_id, type),
    constraint provider_certification_validity_chk check (valid_until > valid_from)
);
create index provider_certification_type_idx on provider_certification (type, valid_from, valid_until);

create table provider_contact (
    provider_id  uuid          not null references provider (provider_id),
    position     integer       not null,
    name         varchar(200)  not null,
    role         varchar(200),
    email        varchar(254)  not null,
    phone        varchar(50),
    constraint provider_contact_pk primary key (provider_id, position)
);

-- Set-based rule: one provider per name (case-insensitive, trimmed). Written by the command handler.
create table provider_name_lookup (
    normalized_name  varchar(200) not null,
    provider_id      uuid         not null,
    constraint provider_name_lookup_pk primary key (normalized_name)
);
