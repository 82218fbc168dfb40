package org.gridledger.identity.vo;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.gridledger.domain.identity.EmergencyEvents.PersonSuspensionCarriedOutEvent;
import org.gridledger.domain.identity.VoEvents.MemberAssignedEvent;
import org.gridledger.domain.identity.VoEvents.MemberUnassignedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipApprovedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipAupAcceptedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExpiredEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExpiryWarnedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipExtendedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRejectedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRequestedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRestoredEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedForAupEvent;
import org.gridledger.domain.identity.VoEvents.VirtualOrganizationCreatedEvent;
import org.gridledger.domain.identity.VoEvents.VoAupPublishedEvent;
import org.gridledger.domain.identity.VoEvents.VoGroupAddedEvent;
import org.gridledger.domain.identity.VoEvents.VoRoleAddedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Read model of VOs: {@code virtual_organization}, its AUP versions, groups and roles, its memberships in
 * {@code vo_membership} and their groups and roles in {@code vo_membership_assignment}. Idempotent upserts; a reset
 * clears the tables (the name lookup belongs to the command side and is left alone). Queries are answered by
 * {@link VoQueryHandlers} and {@link VoDirectory}.
 */
@Component
@ProcessingGroup(VoProjection.GROUP)
class VoProjection {

    static final String GROUP = "virtual_organization";

    private final JdbcClient jdbc;

    VoProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VirtualOrganizationCreatedEvent event) {
        jdbc.sql("""
                        insert into virtual_organization (vo_id, community_id, name, description, created_at)
                        values (:id, :community, :name, :description, :at)
                        on conflict (vo_id) do update set community_id = excluded.community_id, name = excluded.name,
                            description = excluded.description, created_at = excluded.created_at""")
                .param("id", event.voId().value())
                .param("community", event.communityId().value())
                .param("name", event.name())
                .param("description", event.description())
                .param("at", utc(event.createdAt()))
                .update();
        jdbc.sql("insert into vo_group (vo_id, group_path) values (:id, :group) on conflict do nothing")
                .param("id", event.voId().value()).param("group", "/" + event.name()).update();
    }

    @EventHandler
    void on(VoAupPublishedEvent event) {
        jdbc.sql("""
                        insert into vo_aup_version (vo_id, version, text, url, published_at)
                        values (:id, :version, :text, :url, :at)
                        on conflict (vo_id, version) do update set text = excluded.text, url = excluded.url,
                            published_at = excluded.published_at""")
                .param("id", event.voId().value())
                .param("version", event.version())
                .param("text", event.text())
                .param("url", event.url())
                .param("at", utc(event.publishedAt()))
                .update();
        jdbc.sql("""
                        update vo_membership set aup_due_at = least(aup_due_at, :at)
                        where vo_id = :id and aup_version <> :version""")
                .param("id", event.voId().value())
                .param("version", event.version())
                .param("at", utc(event.publishedAt()))
                .update();
    }

    @EventHandler
    void on(VoGroupAddedEvent event) {
        jdbc.sql("insert into vo_group (vo_id, group_path) values (:id, :group) on conflict do nothing")
                .param("id", event.voId().value()).param("group", event.group()).update();
    }

    @EventHandler
    void on(VoRoleAddedEvent event) {
        jdbc.sql("insert into vo_role (vo_id, role) values (:id, :role) on conflict do nothing")
                .param("id", event.voId().value()).param("role", event.role()).update();
    }

    @EventHandler
    void on(MembershipRequestedEvent event) {
        jdbc.sql("""
                        insert into vo_membership (membership_id, vo_id, subject_dn, issuer_dn, status, requested_by,
                            requested_at, aup_version, aup_accepted_at, aup_due_at)
                        values (:id, :vo, :subject, :issuer, 'PENDING', :by, :at, :aup, :at, :due)
                        on conflict (membership_id) do update set vo_id = excluded.vo_id,
                            subject_dn = excluded.subject_dn, issuer_dn = excluded.issuer_dn, status = 'PENDING',
                            requested_by = excluded.requested_by, requested_at = excluded.requested_at,
                            decided_at = null, rejection_reason = null, expires_at = null, expiry_warned_for = null,
                            expiry_warned_at = null, aup_version = excluded.aup_version,
                            aup_accepted_at = excluded.aup_accepted_at, aup_due_at = excluded.aup_due_at,
                            admin_suspended = false, suspension_reason = null, emergency_suspension_id = null,
                            aup_suspended = false""")
                .param("id", event.membershipId().value())
                .param("vo", event.voId().value())
                .param("subject", event.subjectDn())
                .param("issuer", event.issuerDn())
                .param("by", event.requestedBy())
                .param("at", utc(event.requestedAt()))
                .param("aup", event.aupVersion())
                .param("due", utc(event.aupRenewalDueAt()))
                .update();
    }

    @EventHandler
    void on(MembershipApprovedEvent event) {
        jdbc.sql("update vo_membership set status = 'APPROVED', decided_at = :at, expires_at = :expires where membership_id = :id")
                .param("id", event.membershipId().value())
                .param("at", utc(event.approvedAt()))
                .param("expires", utc(event.expiresAt()))
                .update();
    }

    @EventHandler
    void on(MembershipRejectedEvent event) {
        jdbc.sql("update vo_membership set status = 'REJECTED', decided_at = :at, rejection_reason = :reason where membership_id = :id")
                .param("id", event.membershipId().value())
                .param("at", utc(event.rejectedAt()))
                .param("reason", event.reason())
                .update();
    }

    @EventHandler
    void on(MembershipExtendedEvent event) {
        jdbc.sql("update vo_membership set status = 'APPROVED', expires_at = :expires where membership_id = :id")
                .param("id", event.membershipId().value())
                .param("expires", utc(event.expiresAt()))
                .update();
    }

    @EventHandler
    void on(MembershipExpiryWarnedEvent event) {
        jdbc.sql("update vo_membership set expiry_warned_for = :expires, expiry_warned_at = :at where membership_id = :id")
                .param("id", event.membershipId().value())
                .param("expires", utc(event.expiresAt()))
                .param("at", utc(event.warnedAt()))
                .update();
    }

    @EventHandler
    void on(MembershipExpiredEvent event) {
        jdbc.sql("update vo_membership set status = 'EXPIRED' where membership_id = :id")
                .param("id", event.membershipId().value())
                .update();
    }

    @EventHandler
    void on(MembershipAupAcceptedEvent event) {
        jdbc.sql("""
                        update vo_membership set aup_version = :version, aup_accepted_at = :at, aup_due_at = :due,
                            aup_suspended = false
                        where membership_id = :id""")
                .param("id", event.membershipId().value())
                .param("version", event.aupVersion())
                .param("at", utc(event.acceptedAt()))
                .param("due", utc(event.aupRenewalDueAt()))
                .update();
    }

    @EventHandler
    void on(MembershipSuspendedEvent event) {
        jdbc.sql("""
                        update vo_membership set admin_suspended = true, suspension_reason = :reason,
                            emergency_suspension_id = :emergency
                        where membership_id = :id""")
                .param("id", event.membershipId().value())
                .param("reason", event.reason())
                .param("emergency", event.emergencySuspensionId() == null ? null : event.emergencySuspensionId().value())
                .update();
    }

    /**
     * Marks the memberships an emergency suspension suspended, where their suspension event does not name it
     * (revision 1 of {@link MembershipSuspendedEvent}): the suspension's record of its effects, written in the same
     * transaction right after them, lists them. A membership restored since then is no longer suspended and stays
     * unmarked.
     */
    @EventHandler
    void on(PersonSuspensionCarriedOutEvent event) {
        List<UUID> memberships = event.suspendedMemberships().stream().map(UUID::fromString).toList();
        if (memberships.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update vo_membership set emergency_suspension_id = :suspension
                        where membership_id in (:ids) and admin_suspended and emergency_suspension_id is null""")
                .param("suspension", event.suspensionId().value())
                .param("ids", memberships)
                .update();
    }

    @EventHandler
    void on(MembershipSuspendedForAupEvent event) {
        jdbc.sql("update vo_membership set aup_suspended = true where membership_id = :id")
                .param("id", event.membershipId().value())
                .update();
    }

    @EventHandler
    void on(MembershipRestoredEvent event) {
        jdbc.sql("""
                        update vo_membership set admin_suspended = false, suspension_reason = null,
                            emergency_suspension_id = null
                        where membership_id = :id""")
                .param("id", event.membershipId().value())
                .update();
    }

    @EventHandler
    void on(MemberAssignedEvent event) {
        jdbc.sql("""
                        insert into vo_membership_assignment (membership_id, group_path, role) values (:id, :group, :role)
                        on conflict do nothing""")
                .param("id", event.membershipId().value())
                .param("group", event.group())
                .param("role", event.role() == null ? "" : event.role())
                .update();
    }

    @EventHandler
    void on(MemberUnassignedEvent event) {
        jdbc.sql("delete from vo_membership_assignment where membership_id = :id and group_path = :group and role = :role")
                .param("id", event.membershipId().value())
                .param("group", event.group())
                .param("role", event.role() == null ? "" : event.role())
                .update();
    }

    /**
     * Empties the tables before a replay. The lock makes concurrent commands wait until the rebuilt rows are
     * committed, so that their own updates apply to the new rows instead of vanishing with the old ones.
     */
    @ResetHandler
    void reset() {
        jdbc.sql("""
                lock table virtual_organization, vo_aup_version, vo_group, vo_role, vo_membership,
                    vo_membership_assignment in exclusive mode""").update();
        jdbc.sql("delete from vo_membership_assignment").update();
        jdbc.sql("delete from vo_membership").update();
        jdbc.sql("delete from vo_role").update();
        jdbc.sql("delete from vo_group").update();
        jdbc.sql("delete from vo_aup_version").update();
        jdbc.sql("delete from virtual_organization").update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
