-- The emergency suspension of the person that suspended a membership; null for an admin's suspension or none.
-- Only staff restore a membership that carries one.
alter table vo_membership add column emergency_suspension_id uuid;

-- Memberships suspended by an emergency suspension before MembershipSuspendedEvent named it (revision 1): the
-- suspension's record of effects (PersonSuspensionCarriedOutEvent) lists them. A membership restored or suspended
-- again after that record is left alone: its current suspension is not the emergency's. The projection's handler of
-- PersonSuspensionCarriedOutEvent does the same on a rebuild.
update vo_membership m
set emergency_suspension_id = carried_out.suspension_id
from (select e.aggregate_identifier::uuid as suspension_id, e.global_index, listed.membership_id::uuid as membership_id
      from domain_event_entry e
      cross join lateral jsonb_array_elements_text(
              convert_from(e.payload, 'UTF8')::jsonb -> 'suspendedMemberships') as listed (membership_id)
      where e.payload_type = 'org.gridledger.domain.identity.EmergencyEvents$PersonSuspensionCarriedOutEvent'
     ) as carried_out
where m.membership_id = carried_out.membership_id
  and m.admin_suspended
  and m.emergency_suspension_id is null
  and not exists (select 1
                  from domain_event_entry later
                  where later.global_index > carried_out.global_index
                    and later.aggregate_identifier = m.vo_id::text
                    and later.payload_type in ('org.gridledger.domain.identity.VoEvents$MembershipRestoredEvent',
                                               'org.gridledger.domain.identity.VoEvents$MembershipSuspendedEvent')
                    and convert_from(later.payload, 'UTF8')::jsonb ->> 'membershipId' = m.membership_id::text);
