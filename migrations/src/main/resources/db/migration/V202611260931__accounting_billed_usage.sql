-- What issued invoices charged for usage (ADR 0023): one row per usage line and per late-usage adjustment line of an
-- issued invoice, read from InvoiceIssuedEvent (projection group billed_usage, rebuildable). The month, resource and
-- unit come from the line's reference; quantity is the line's quantity for usage lines and the quantity added (or
-- taken away) for adjustments. Late usage of a month is billed as rated now minus the sum of these rows.
create table billed_usage (
    invoice_id    uuid            not null,
    line_no       integer         not null,
    community_id  uuid            not null,
    month         date            not null,
    resource_id   uuid            not null,
    unit          varchar(20)     not null,
    kind          varchar(20)     not null,
    quantity      numeric(30,9)   not null,
    net           numeric(19,9)   not null,
    currency      char(3)         not null,
    constraint billed_usage_pk primary key (invoice_id, line_no),
    constraint billed_usage_kind_chk check (kind in ('USAGE', 'ADJUSTMENT'))
);
create index billed_usage_community_idx on billed_usage (community_id, month);
