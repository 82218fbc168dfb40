-- Virtual organisations: the VO read model (projection of VirtualOrganization events) and the set-based lookup for
-- unique VO names, written in the same transaction as the creating event (ADR 0006).

create table virtual_organization (
    vo_id         uuid          not null,
    community_id  uuid          not null,
    name          varchar(64)   not null,
    description   text,
    created_at    timestamptz   not null,
    constraint virtual_organization_pk primary key (vo_id)
);
create index virtual_organization_community_idx on virtual_organization (community_id);
create index virtual_organization_name_idx on virtual_organization (name);

-- Owned by the command side; the projection's reset leaves it alone. VO names are lower case already.
create table vo_name_lookup (
    normalized_name  varchar(64)  not null,
    vo_id            uuid         not null,
    constraint vo_name_lookup_pk primary key (normalized_name)
);

-- Every AUP version ever published; the latest published_at is the current one.
create table vo_aup_version (
    vo_id         uuid          not null references virtual_organization (vo_id),
    version       varchar(40)   not null,
    text          text,
    url           varchar(2000),
    published_at  timestamptz   not null,
    constraint vo_aup_version_pk primary key (vo_id, version)
);

-- Groups as full paths (/vo, /vo/sub, /vo/sub/subsub) and roles, assignable in any group.
create table vo_group (
    vo_id       uuid          not null references virtual_organization (vo_id),
    group_path  varchar(512)  not null,
    constraint vo_group_pk primary key (vo_id, group_path)
);

create table vo_role (
    vo_id  uuid         not null references virtual_organization (vo_id),
    role   varchar(64)  not null,
    constraint vo_role_pk primary key (vo_id, role)
);

-- One row per membership request. status is the recorded decision (PENDING, APPROVED, REJECTED, EXPIRED);
-- suspension is kept apart: by an admin (admin_suspended, with its reason) or for an AUP not accepted in time
-- (aup_suspended). aup_due_at is when the AUP must be accepted again; the suspension follows after the grace period.
-- expiry_warned_for holds the expiry the last warning was given for, so that each expiry is warned about once.
create table vo_membership (
    membership_id      uuid          not null,
    vo_id              uuid          not null references virtual_organization (vo_id),
    subject_dn         varchar(512)  not null,
    issuer_dn          varchar(512)  not null,
    status             varchar(20)   not null,
    requested_by       varchar(64),
    requested_at       timestamptz   not null,
    decided_at         timestamptz,
    rejection_reason   text,
    expires_at         timestamptz,
    expiry_warned_for  timestamptz,
    expiry_warned_at   timestamptz,
    aup_version        varchar(40)   not null,
    aup_accepted_at    timestamptz   not null,
    aup_due_at         timestamptz   not null,
    admin_suspended    boolean       not null default false,
    suspension_reason  text,
    aup_suspended      boolean       not null default false,
    constraint vo_membership_pk primary key (membership_id)
);
create index vo_membership_vo_dn_idx on vo_membership (vo_id, subject_dn);
create index vo_membership_dn_idx on vo_membership (subject_dn);
create index vo_membership_expires_idx on vo_membership (expires_at) where status = 'APPROVED';
create index vo_membership_aup_due_idx on vo_membership (aup_due_at) where status = 'APPROVED' and not aup_suspended;

-- A member's groups and roles; role '' is plain membership of the group (the root group needs no row).
create table vo_membership_assignment (
    membership_id  uuid          not null references vo_membership (membership_id),
    group_path     varchar(512)  not null,
    role           varchar(64)   not null default '',
    constraint vo_membership_assignment_pk primary key (membership_id, group_path, role)
);
