-- Compute resource read model (projection of Resource events). Usage ingest reads it to find a record's resource
-- (by APEL site name and submit host / CE id) and the HS06 per core in force at the record's end time.

create table accounting_resource (
    resource_id      uuid          not null,
    provider_id      uuid          not null,
    name             varchar(200)  not null,
    site_name        varchar(200)  not null,
    batch_system     varchar(40)   not null,
    cores            integer       not null,
    gpus             integer       not null default 0,
    special_devices  jsonb         not null default '[]',
    certifications   jsonb         not null default '[]',
    registered_at    timestamptz   not null,
    retired_at       timestamptz,
    constraint accounting_resource_pk primary key (resource_id),
    constraint accounting_resource_cores_chk check (cores > 0 and gpus >= 0)
);
create index accounting_resource_site_idx on accounting_resource (site_name);
create index accounting_resource_provider_idx on accounting_resource (provider_id);

-- Submit hosts and CE ids of a resource; a host belongs to one resource.
create table accounting_resource_host (
    host         varchar(255)  not null,
    resource_id  uuid          not null references accounting_resource (resource_id),
    constraint accounting_resource_host_pk primary key (host)
);
create index accounting_resource_host_resource_idx on accounting_resource_host (resource_id);

-- HEP-SPEC06 per core, effective-dated: a row is in force from 00:00 UTC of effective_from until the next row's date.
create table accounting_resource_hs06 (
    resource_id     uuid           not null references accounting_resource (resource_id),
    effective_from  date           not null,
    hs06_per_core   numeric(12,4)  not null,
    constraint accounting_resource_hs06_pk primary key (resource_id, effective_from),
    constraint accounting_resource_hs06_positive_chk check (hs06_per_core > 0)
);
