-- The DNs an emergency suspension blocks until staff lift the block (one row per suspension and DN): no VO membership
-- request or approval, and no certificate login, for a DN with a row not lifted. Written in the transaction of the
-- suspension's record of effects and of the lift (PersonSuspension's command handlers, ADR 0006).
create table identity_suspended_dn (
    suspension_id  uuid           not null,
    subject_dn     varchar(1024)  not null,
    blocked_at     timestamptz    not null,
    lifted_at      timestamptz,
    lift_reason    varchar(2000),
    constraint identity_suspended_dn_pk primary key (suspension_id, subject_dn)
);
create index identity_suspended_dn_blocking_idx on identity_suspended_dn (subject_dn) where lifted_at is null;

-- Suspensions carried out before this table existed block their DNs too: their record of effects lists them. A DN
-- our CA certified again after the suspension (the person was re-vetted) is not blocked.
insert into identity_suspended_dn (suspension_id, subject_dn, blocked_at)
select e.aggregate_identifier::uuid, listed.subject_dn, e.time_stamp::timestamptz
from domain_event_entry e
cross join lateral jsonb_array_elements_text(
        convert_from(e.payload, 'UTF8')::jsonb -> 'subjectDns') as listed (subject_dn)
where e.payload_type = 'org.gridledger.domain.identity.EmergencyEvents$PersonSuspensionCarriedOutEvent'
  and not exists (select 1 from identity_certificate c where c.subject_dn = listed.subject_dn
                  and c.not_before > e.time_stamp::timestamptz and c.revoked_at is null)
on conflict do nothing;
