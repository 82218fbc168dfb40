-- Subscriptions: the read model (projection of Subscription events) and the set-based lookup for the rule "a
-- community never holds two overlapping subscriptions to one package", written in the command's transaction.

create table subscription (
    subscription_id  uuid  not null,
    community_id     uuid  not null,
    package_id       uuid  not null,
    starts_on        date  not null,
    ends_on          date,
    subscribed_on    date  not null,
    cancelled_on     date,
    constraint subscription_pk primary key (subscription_id),
    constraint subscription_period_chk check (ends_on is null or ends_on > starts_on)
);
create index subscription_community_idx on subscription (community_id, starts_on);
create index subscription_package_idx on subscription (package_id, starts_on);

-- Seats over time: the row with the latest effective_from on or before a day gives that day's seats.
create table subscription_seats (
    subscription_id  uuid     not null references subscription (subscription_id),
    effective_from   date     not null,
    seats            integer  not null,
    constraint subscription_seats_pk primary key (subscription_id, effective_from),
    constraint subscription_seats_chk check (seats >= 1)
);

-- Set-based rule (ADR 0006, ADR 0010). One row per (community, package) pair ever subscribed: its row lock
-- serialises the claims of the pair. Written by the command handler only, never by a projection.
create table subscription_lock (
    community_id  uuid  not null,
    package_id    uuid  not null,
    constraint subscription_lock_pk primary key (community_id, package_id)
);

-- The days each subscription holds: [starts_on, ends_on), ends_on null while not cancelled.
create table subscription_period (
    subscription_id  uuid  not null,
    community_id     uuid  not null,
    package_id       uuid  not null,
    starts_on        date  not null,
    ends_on          date,
    constraint subscription_period_pk primary key (subscription_id)
);
create index subscription_period_pair_idx on subscription_period (community_id, package_id);
