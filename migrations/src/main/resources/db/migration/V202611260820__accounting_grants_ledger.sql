-- Government grants (projection of Grant events) and the double-entry ledger (projection of invoice, credit note,
-- payment and grant events).

create table funding_grant (
    grant_id     uuid           not null,
    funder       varchar(200)   not null,
    reference    varchar(200),
    amount       numeric(19,9)  not null,
    currency     char(3)        not null,
    first_month  char(7)        not null,
    last_month   char(7)        not null,
    ends_on      date           not null,
    received_on  date           not null,
    recorded_on  date           not null,
    constraint funding_grant_pk primary key (grant_id)
);

create table funding_grant_instalment (
    grant_id  uuid           not null references funding_grant (grant_id),
    month     char(7)        not null,
    amount    numeric(19,9)  not null,
    constraint funding_grant_instalment_pk primary key (grant_id, month)
);

-- A journal entry: booked_on is business time (what the trial balance's asOf compares), posted_at record time.
-- Entry ids derive from the source event's id, so that replays write the same rows.
create table ledger_entry (
    entry_id         uuid          not null,
    booked_on        date          not null,
    posted_at        timestamptz   not null,
    source           varchar(40)   not null,
    source_event_id  varchar(100)  not null,
    description      varchar(500)  not null,
    constraint ledger_entry_pk primary key (entry_id)
);
create index ledger_entry_booked_idx on ledger_entry (booked_on);

create table ledger_line (
    entry_id    uuid           not null references ledger_entry (entry_id),
    line_no     integer        not null,
    account     varchar(10)    not null,
    subaccount  varchar(100)   not null default '',
    debit       numeric(19,9)  not null,
    credit      numeric(19,9)  not null,
    currency    char(3)        not null,
    constraint ledger_line_pk primary key (entry_id, line_no),
    constraint ledger_line_amounts_chk check (debit >= 0 and credit >= 0)
);
create index ledger_line_account_idx on ledger_line (account, subaccount);
