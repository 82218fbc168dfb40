-- Invoices, their lines, payments and credit notes (projection of Invoice events), and the command side's
-- gapless number counters and one-invoice-per-community-and-period lookup (ADR 0022).

create table invoice (
    invoice_id      uuid           not null,
    number          varchar(20),
    community_id    uuid           not null,
    period          char(7)        not null,
    currency        char(3)        not null,
    status          varchar(10)    not null,
    drafted_on      date           not null,
    issued_on       date,
    due_on          date,
    net_total       numeric(19,9)  not null default 0,
    vat_total       numeric(19,9)  not null default 0,
    gross_total     numeric(19,9)  not null default 0,
    credited_total  numeric(19,9)  not null default 0,
    paid_total      numeric(19,9)  not null default 0,
    constraint invoice_pk primary key (invoice_id),
    constraint invoice_number_uq unique (number),
    constraint invoice_status_chk check (status in ('DRAFT', 'ISSUED'))
);
create index invoice_community_idx on invoice (community_id, period);

create table invoice_line (
    invoice_id   uuid           not null references invoice (invoice_id),
    line_no      integer        not null,
    description  varchar(500)   not null,
    kind         varchar(20)    not null,
    quantity     numeric(19,9)  not null,
    unit         varchar(20),
    unit_price   numeric(19,9)  not null,
    vat_rate     numeric(19,9)  not null,
    category     varchar(40),
    reference    varchar(200),
    net_amount   numeric(19,9)  not null,
    vat_amount   numeric(19,9)  not null,
    constraint invoice_line_pk primary key (invoice_id, line_no)
);

create table invoice_payment (
    payment_id   uuid           not null,
    invoice_id   uuid           not null references invoice (invoice_id),
    amount       numeric(19,9)  not null,
    received_on  date           not null,
    reference    varchar(200)   not null,
    recorded_on  date           not null,
    constraint invoice_payment_pk primary key (payment_id)
);
create index invoice_payment_invoice_idx on invoice_payment (invoice_id);

create table credit_note (
    credit_note_id  uuid           not null,
    invoice_id      uuid           not null references invoice (invoice_id),
    number          varchar(20)    not null,
    issued_on       date           not null,
    vat_rate        numeric(19,9)  not null,
    net_amount      numeric(19,9)  not null,
    vat_amount      numeric(19,9)  not null,
    gross_amount    numeric(19,9)  not null,
    reason          varchar(2000)  not null,
    constraint credit_note_pk primary key (credit_note_id),
    constraint credit_note_number_uq unique (number)
);
create index credit_note_invoice_idx on credit_note (invoice_id);

-- Gapless numbering: one row per series and year, locked and incremented in the issuing command's transaction.
create table invoice_number_counter (
    series       varchar(20)  not null,
    year         integer      not null,
    last_number  integer      not null,
    constraint invoice_number_counter_pk primary key (series, year)
);

-- Set rule: one issued invoice per community and period, claimed in the issuing command's transaction.
create table invoice_period_lookup (
    community_id  uuid     not null,
    period        char(7)  not null,
    invoice_id    uuid     not null,
    constraint invoice_period_lookup_pk primary key (community_id, period)
);
