-- Axon Framework's JDBC storage: events, snapshots, tracking tokens, sagas and dead letters.
-- Column names are snake_case; the application configures Axon's EventSchema, TokenSchema, SagaSchema and
-- DeadLetterSchema with the same names. Serialized content is bytea (Jackson JSON bytes).

-- The global index has its own sequence with increment 1: Axon's gap detection works best without allocation gaps.
create sequence domain_event_entry_global_index_seq as bigint increment by 1 start with 1 no cycle;

create table domain_event_entry (
    global_index          bigint       not null default nextval('domain_event_entry_global_index_seq'),
    aggregate_identifier  varchar(255) not null,
    sequence_number       bigint       not null,
    type                  varchar(255),
    event_identifier      varchar(255) not null,
    meta_data             bytea,
    payload               bytea        not null,
    payload_revision      varchar(255),
    payload_type          varchar(255) not null,
    time_stamp            varchar(255) not null,
    constraint domain_event_entry_pk primary key (global_index),
    constraint domain_event_entry_aggregate_sequence_uk unique (aggregate_identifier, sequence_number),
    constraint domain_event_entry_event_identifier_uk unique (event_identifier)
);
alter sequence domain_event_entry_global_index_seq owned by domain_event_entry.global_index;

create table snapshot_event_entry (
    aggregate_identifier  varchar(255) not null,
    sequence_number       bigint       not null,
    type                  varchar(255) not null,
    event_identifier      varchar(255) not null,
    meta_data             bytea,
    payload               bytea        not null,
    payload_revision      varchar(255),
    payload_type          varchar(255) not null,
    time_stamp            varchar(255) not null,
    constraint snapshot_event_entry_pk primary key (aggregate_identifier, sequence_number),
    constraint snapshot_event_entry_event_identifier_uk unique (event_identifier)
);

create table token_entry (
    processor_name  varchar(255) not null,
    segment         integer      not null,
    token           bytea,
    token_type      varchar(255),
    time_stamp      varchar(255),
    owner           varchar(255),
    constraint token_entry_pk primary key (processor_name, segment)
);

create table saga_entry (
    saga_id          varchar(255) not null,
    revision         varchar(255),
    saga_type        varchar(255),
    serialized_saga  bytea,
    constraint saga_entry_pk primary key (saga_id)
);

create table association_value_entry (
    id                 bigserial    not null,
    association_key    varchar(255) not null,
    association_value  varchar(255),
    saga_id            varchar(255) not null,
    saga_type          varchar(255),
    constraint association_value_entry_pk primary key (id)
);
create index association_value_entry_saga_idx on association_value_entry (saga_type, association_key, association_value);
create index association_value_entry_saga_id_idx on association_value_entry (saga_id, saga_type);

create table dead_letter_entry (
    dead_letter_id        varchar(255)  not null,
    processing_group      varchar(255)  not null,
    sequence_identifier   varchar(255)  not null,
    sequence_index        bigint        not null,
    message_type          varchar(255)  not null,
    event_identifier      varchar(255)  not null,
    time_stamp            varchar(255)  not null,
    payload_type          varchar(255)  not null,
    payload_revision      varchar(255),
    payload               bytea         not null,
    meta_data             bytea,
    aggregate_type        varchar(255),
    aggregate_identifier  varchar(255),
    sequence_number       bigint,
    token_type            varchar(255),
    token                 bytea,
    enqueued_at           varchar(255)  not null,
    last_touched          varchar(255),
    processing_started    varchar(255),
    cause_type            varchar(255),
    cause_message         varchar(1023),
    diagnostics           bytea,
    constraint dead_letter_entry_pk primary key (dead_letter_id),
    constraint dead_letter_entry_sequence_uk unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_group_idx on dead_letter_entry (processing_group);
create index dead_letter_entry_sequence_idx on dead_letter_entry (processing_group, sequence_identifier);
