-- Provider settlements, their lines and the payments made against them (projection of ProviderSettlement events),
-- and the command side's gapless number counter and one-settlement-per-provider-and-month lookup (ADR 0024).

create table provider_settlement (
    settlement_id    uuid           not null,
    number           varchar(20)    not null,
    provider_id      uuid           not null,
    provider_name    varchar(200)   not null,
    period           char(7)        not null,
    currency         char(3)        not null,
    status           varchar(10)    not null,
    issued_on        date           not null,
    total            numeric(19,9)  not null,
    paid_total       numeric(19,9)  not null default 0,
    reversed_on      date,
    reversal_reason  varchar(2000),
    constraint provider_settlement_pk primary key (settlement_id),
    constraint provider_settlement_number_uq unique (number),
    constraint provider_settlement_status_chk check (status in ('ISSUED', 'REVERSED'))
);
create index provider_settlement_provider_idx on provider_settlement (provider_id, period);
create index provider_settlement_period_idx on provider_settlement (period);

create table provider_settlement_line (
    settlement_id  uuid           not null references provider_settlement (settlement_id),
    line_no        integer        not null,
    kind           varchar(10)    not null,
    description    varchar(500)   not null,
    package_id     uuid,
    category       varchar(40),
    quantity       numeric(19,9),
    unit           varchar(20),
    unit_price     numeric(19,9),
    amount         numeric(19,9)  not null,
    reference      varchar(200),
    constraint provider_settlement_line_pk primary key (settlement_id, line_no),
    constraint provider_settlement_line_kind_chk check (kind in ('CONTRACT', 'PENALTY', 'USAGE'))
);

create table provider_settlement_payment (
    payment_id     uuid           not null,
    settlement_id  uuid           not null references provider_settlement (settlement_id),
    amount         numeric(19,9)  not null,
    paid_on        date           not null,
    reference      varchar(200)   not null,
    recorded_on    date           not null,
    constraint provider_settlement_payment_pk primary key (payment_id)
);
create index provider_settlement_payment_settlement_idx on provider_settlement_payment (settlement_id);

-- Gapless numbering: one row per year, locked and incremented in the issuing command's transaction.
create table provider_settlement_number_counter (
    year         integer  not null,
    last_number  integer  not null,
    constraint provider_settlement_number_counter_pk primary key (year)
);

-- Set rule: one standing settlement per provider and month; claimed when issuing, released when reversing.
create table provider_settlement_period_lookup (
    provider_id    uuid     not null,
    period         char(7)  not null,
    settlement_id  uuid     not null,
    constraint provider_settlement_period_lookup_pk primary key (provider_id, period)
);
