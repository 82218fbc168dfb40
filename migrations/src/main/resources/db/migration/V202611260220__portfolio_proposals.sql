-- Portfolio proposals: the read model (projection of PortfolioProposal events). Communities propose new packages,
-- changes and variants; other communities endorse them with their expected seats; staff accept or reject.

create table proposal (
    proposal_id           uuid          not null,
    community_id          uuid          not null,
    kind                  varchar(32)   not null,
    package_id            uuid,
    name                  varchar(200),
    description           text,
    category              varchar(64),
    change                text,
    expected_seats        integer       not null,
    status                varchar(16)   not null,
    proposed_on           date          not null,
    decided_on            date,
    resulting_package_id  uuid,
    rejection_reason      text,
    constraint proposal_pk primary key (proposal_id),
    constraint proposal_seats_chk check (expected_seats >= 1)
);
create index proposal_status_idx on proposal (status, proposed_on);
create index proposal_community_idx on proposal (community_id, proposed_on);

create table proposal_endorsement (
    proposal_id     uuid     not null references proposal (proposal_id),
    community_id    uuid     not null,
    expected_seats  integer  not null,
    endorsed_on     date     not null,
    constraint proposal_endorsement_pk primary key (proposal_id, community_id),
    constraint proposal_endorsement_seats_chk check (expected_seats >= 1)
);
