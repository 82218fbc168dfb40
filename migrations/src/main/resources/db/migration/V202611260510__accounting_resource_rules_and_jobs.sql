-- Why a resource was retired, shown with the resource.
alter table accounting_resource add column retirement_reason varchar(2000);

-- The set-based rule "a submit host or CE id belongs to one resource", owned by the command side (ADR 0006): written
-- only by the Resource aggregate's commands in their transaction, never by the projection, and left alone by its reset.
create table accounting_resource_host_claim (
    host         varchar(255)  not null,
    resource_id  uuid          not null,
    constraint accounting_resource_host_claim_pk primary key (host)
);

-- Job read model (projection of Job events).
create table accounting_job (
    job_id                   uuid           not null,
    resource_id              uuid           not null,
    provider_id              uuid           not null,
    site_name                varchar(200)   not null,
    owner                    varchar(64)    not null,
    subject_dn               varchar(512)   not null,
    fqan                     varchar(512)   not null,
    vo_name                  varchar(200)   not null,
    community_id             uuid           not null,
    cores                    integer        not null,
    wall_time_limit_seconds  bigint         not null,
    data_protection_class    varchar(40)    not null,
    required_protection      varchar(40)    not null,
    emergency                boolean        not null,
    emergency_reason         varchar(2000),
    state                    varchar(20)    not null,
    submitted_at             timestamptz    not null,
    queued_at                timestamptz,
    start_time               timestamptz,
    end_time                 timestamptz,
    wall_seconds             bigint,
    cpu_seconds              bigint,
    finished_at              timestamptz,
    cancelled_by             varchar(10),
    note                     varchar(2000),
    usage_recorded           boolean        not null default false,
    constraint accounting_job_pk primary key (job_id),
    constraint accounting_job_cores_chk check (cores > 0)
);
create index accounting_job_submitted_idx on accounting_job (submitted_at desc);
create index accounting_job_provider_idx on accounting_job (provider_id);
create index accounting_job_community_idx on accounting_job (community_id);
create index accounting_job_owner_idx on accounting_job (owner);
create index accounting_job_emergency_idx on accounting_job (submitted_at) where emergency;
