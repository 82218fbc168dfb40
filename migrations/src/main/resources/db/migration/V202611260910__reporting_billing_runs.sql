-- What each billing run computed per community: the bill (lines as JSON, totals) and what became of it. A run is a
-- Spring Batch job instance (batch_job_instance); a restart continues the same instance, so rows are keyed by it
-- and written in the same transaction as the chunk that produced them.

create table billing_run_bill (
    run_id           bigint          not null,
    community_id     uuid            not null,
    period           char(7)         not null,
    mode             varchar(10)     not null,
    community_name   varchar(200)    not null,
    currency         char(3)         not null,
    vat_rate         numeric(7,6)    not null,
    net_total        numeric(19,9)   not null,
    vat_total        numeric(19,9)   not null,
    gross_total      numeric(19,9)   not null,
    line_count       integer         not null,
    lines            jsonb           not null,
    outcome          varchar(20)     not null,
    invoice_number   varchar(20),
    recorded_at      timestamptz     not null,
    constraint billing_run_bill_pk primary key (run_id, community_id),
    constraint billing_run_bill_run_fk foreign key (run_id) references batch_job_instance (job_instance_id)
);
create index billing_run_bill_period_idx on billing_run_bill (period, community_id);
