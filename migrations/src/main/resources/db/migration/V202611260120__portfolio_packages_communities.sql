-- Portfolio read models (projections of SupportPackage and Community events) and the set-based lookup for unique
-- community names, written in the same transaction as the registering event.

create table support_package (
    package_id    uuid          not null,
    name          varchar(200)  not null,
    description   text          not null,
    category      varchar(40)   not null,
    currency      char(3)       not null,
    status        varchar(16)   not null,
    defined_on    date          not null,
    published_on  date,
    retired_on    date,
    retire_reason text,
    constraint support_package_pk primary key (package_id)
);
create index support_package_status_idx on support_package (status, category);

create table support_package_terms (
    package_id        uuid          not null references support_package (package_id),
    version           integer       not null,
    effective_from    date          not null,
    monthly_flat_fee  numeric(19,9) not null,
    per_seat_fee      numeric(19,9) not null,
    included_units    numeric(19,9) not null,
    included_unit     varchar(20)   not null,
    overage_price     numeric(19,9) not null,
    sla_targets       jsonb         not null,
    superseded        boolean       not null default false,
    constraint support_package_terms_pk primary key (package_id, version),
    constraint support_package_terms_amounts_chk check (monthly_flat_fee >= 0 and per_seat_fee >= 0
        and included_units >= 0 and overage_price >= 0)
);
create index support_package_terms_effective_idx on support_package_terms (package_id, effective_from);

create table community (
    community_id       uuid          not null,
    name               varchar(200)  not null,
    profile            jsonb         not null,
    profile_version    integer       not null,
    suspended          boolean       not null default false,
    suspension_reason  text,
    registered_on      date          not null,
    constraint community_pk primary key (community_id)
);
create index community_name_idx on community (lower(name));

create table community_profile_version (
    community_id  uuid         not null references community (community_id),
    version       integer      not null,
    profile       jsonb        not null,
    effective_on  date         not null,
    recorded_at   timestamptz  not null,
    constraint community_profile_version_pk primary key (community_id, version)
);

create table community_admin (
    community_id  uuid         not null references community (community_id),
    username      varchar(64)  not null,
    constraint community_admin_pk primary key (community_id, username)
);
create index community_admin_username_idx on community_admin (username);

-- Set-based rule: one community per name (case-insensitive, trimmed). Written by the command handler.
create table community_name_lookup (
    normalized_name  varchar(200) not null,
    community_id     uuid         not null,
    constraint community_name_lookup_pk primary key (normalized_name)
);
