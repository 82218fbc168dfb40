-- Tender read model (projection of Tender events): tenders, their offers with staff's evaluation, and the contracts
-- an award creates. Amounts in numeric(19,9); deadlines and submissions as timestamptz; business dates as date.

create table tender (
    tender_id                uuid          not null,
    package_id               uuid          not null,
    lot_region               varchar(200),
    lot_communities          text          not null default '',
    -- the lot in compared form (TenderLot.key()); '' for the whole package
    lot_key                  text          not null,
    weight_price             integer       not null,
    weight_quality           integer       not null,
    weight_capacity          integer       not null,
    weight_experience        integer       not null,
    required_certifications  text          not null default '',
    deadline                 timestamptz   not null,
    status                   varchar(16)   not null,
    opened_on                date          not null,
    closed_at                timestamptz,
    awarded_on               date,
    rationale                text,
    term_from                date,
    term_until               date,
    constraint tender_pk primary key (tender_id),
    constraint tender_weights_chk check (weight_price + weight_quality + weight_capacity + weight_experience = 100)
);
create index tender_package_idx on tender (package_id, lot_key);

-- One offer per provider and tender; a resubmission replaces it. Evaluation points are null until staff record them.
create table tender_offer (
    tender_id      uuid           not null references tender (tender_id),
    provider_id    uuid           not null,
    monthly_price  numeric(19,9)  not null,
    currency       char(3)        not null,
    capacity       numeric(19,9)  not null,
    sla            text,
    submitted_at   timestamptz    not null,
    quality        integer,
    experience     integer,
    constraint tender_offer_pk primary key (tender_id, provider_id)
);

-- One contract per awarded provider: it covers [valid_from, valid_until) up to, not including, terminated_on.
create table tender_contract (
    tender_id           uuid     not null references tender (tender_id),
    provider_id         uuid     not null,
    package_id          uuid     not null,
    valid_from          date     not null,
    valid_until         date     not null,
    terminated_on       date,
    termination_reason  text,
    constraint tender_contract_pk primary key (tender_id, provider_id),
    constraint tender_contract_term_chk check (valid_until > valid_from)
);
create index tender_contract_package_idx on tender_contract (package_id, valid_from, valid_until);
