-- Support tickets: the read model of Ticket events, the deadlines the scheduler sweeps, the SLA breaches, the
-- service-credit entries billing reads, the lock row per (community, package, month) that serialises the monthly
-- credit cap, and the notifications sent. Amounts in numeric(19,9); instants as timestamptz; months as their first day.

-- The package terms' service-credit rule (PackageTerms.serviceCredit); terms recorded before it existed have none.
alter table support_package_terms
    add column credit_percent_per_breach  numeric(9,4),
    add column credit_monthly_cap_percent numeric(9,4),
    add constraint support_package_terms_credit_chk check (credit_percent_per_breach is null
        or (credit_percent_per_breach > 0 and credit_percent_per_breach <= 100
            and (credit_monthly_cap_percent is null
                 or (credit_monthly_cap_percent >= credit_percent_per_breach and credit_monthly_cap_percent <= 100))));

create table ticket (
    ticket_id                  uuid          not null,
    community_id               uuid          not null,
    -- null for an emergency when no emergency-response package exists
    package_id                 uuid,
    -- null while the ticket lies in the organisation's first-level queue
    provider_id                uuid,
    routing                    text          not null,
    priority                   varchar(16)   not null,
    emergency                  boolean       not null,
    status                     varchar(32)   not null,
    outcome                    varchar(16),
    subject                    varchar(200)  not null,
    description                text,
    submitted_by               varchar(200)  not null,
    opened_at                  timestamptz   not null,
    response_target_seconds    bigint,
    resolution_target_seconds  bigint,
    responded_at               timestamptz,
    solved_at                  timestamptz,
    closed_at                  timestamptz,
    response_breached          boolean       not null default false,
    resolution_breached        boolean       not null default false,
    exempted                   boolean       not null default false,
    exemption_reason           text,
    affected_person_dn         varchar(500),
    suspension_reference       varchar(200),
    constraint ticket_pk primary key (ticket_id)
);
create index ticket_provider_idx on ticket (provider_id, status);
create index ticket_community_idx on ticket (community_id, opened_at);
create index ticket_opened_idx on ticket (opened_at);

create table ticket_comment (
    ticket_id     uuid          not null references ticket (ticket_id),
    position      integer       not null,
    side          varchar(16)   not null,
    author        varchar(200)  not null,
    text          text          not null,
    commented_at  timestamptz   not null,
    constraint ticket_comment_pk primary key (ticket_id, position)
);

create table ticket_link (
    ticket_id        uuid         not null references ticket (ticket_id),
    other_ticket_id  uuid         not null,
    kind             varchar(16)  not null,
    constraint ticket_link_pk primary key (ticket_id, other_ticket_id, kind)
);

-- The pending deadlines of each ticket (TicketDeadlinesScheduledEvent replaces a ticket's rows); the scheduler sends
-- a command for every row due, and the aggregate ignores one that is no longer pending.
create table ticket_deadline (
    ticket_id  uuid         not null references ticket (ticket_id),
    deadline   varchar(32)  not null,
    due_at     timestamptz  not null,
    constraint ticket_deadline_pk primary key (ticket_id, deadline)
);
create index ticket_deadline_due_idx on ticket_deadline (due_at);

create table ticket_breach (
    ticket_id    uuid         not null references ticket (ticket_id),
    kind         varchar(16)  not null,
    provider_id  uuid,
    breached_at  timestamptz  not null,
    constraint ticket_breach_pk primary key (ticket_id, kind)
);
create index ticket_breach_at_idx on ticket_breach (breached_at);

-- Service credits for billing: one row per movement, never updated. CREDIT and CREDIT_REVERSAL are the community's
-- (positive: credited to it; a reversal negative), PENALTY and PENALTY_REVERSAL the provider's (positive: deducted
-- from its settlement). Net amounts per month are sums. provider_id is null for first-level tickets (no penalty).
create table service_credit_entry (
    ticket_id     uuid           not null,
    kind          varchar(16)    not null,
    entry         varchar(24)    not null,
    community_id  uuid           not null,
    package_id    uuid           not null,
    provider_id   uuid,
    credit_month  date           not null,
    amount        numeric(19,9)  not null,
    currency      char(3)        not null,
    reason        text,
    constraint service_credit_entry_pk primary key (ticket_id, kind, entry),
    constraint service_credit_entry_month_chk check (extract(day from credit_month) = 1)
);
create index service_credit_entry_month_idx on service_credit_entry (credit_month, community_id, provider_id);

-- Set-based rule (ADR 0006): the monthly credit cap of a (community, package). Written by the command handler only.
create table service_credit_month_lock (
    community_id  uuid  not null,
    package_id    uuid  not null,
    credit_month  date  not null,
    constraint service_credit_month_lock_pk primary key (community_id, package_id, credit_month)
);

-- Notifications sent about tickets by the default sender (emergencies, reminders).
create table ticket_notification (
    notification_id  bigserial     not null,
    ticket_id        uuid          not null,
    recipient        varchar(300)  not null,
    subject          varchar(300)  not null,
    body             text          not null,
    sent_at          timestamptz   not null,
    constraint ticket_notification_pk primary key (notification_id)
);
create index ticket_notification_ticket_idx on ticket_notification (ticket_id);
