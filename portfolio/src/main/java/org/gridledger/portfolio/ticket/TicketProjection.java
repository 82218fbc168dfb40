package org.gridledger.portfolio.ticket;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.support.SlaTargetKind;
import org.gridledger.domain.support.TicketEvents.EmergencySuspensionLinkedEvent;
import org.gridledger.domain.support.TicketEvents.ProviderPenaltyRecordedEvent;
import org.gridledger.domain.support.TicketEvents.ProviderPenaltyReversedEvent;
import org.gridledger.domain.support.TicketEvents.ServiceCreditGrantedEvent;
import org.gridledger.domain.support.TicketEvents.ServiceCreditReversedEvent;
import org.gridledger.domain.support.TicketEvents.SlaBreachedEvent;
import org.gridledger.domain.support.TicketEvents.SlaTargetMetEvent;
import org.gridledger.domain.support.TicketEvents.TicketClosedEvent;
import org.gridledger.domain.support.TicketEvents.TicketCommentedEvent;
import org.gridledger.domain.support.TicketEvents.TicketDeadlinesScheduledEvent;
import org.gridledger.domain.support.TicketEvents.TicketExemptedEvent;
import org.gridledger.domain.support.TicketEvents.TicketLinkedEvent;
import org.gridledger.domain.support.TicketEvents.TicketOpenedEvent;
import org.gridledger.domain.support.TicketEvents.TicketReassignedEvent;
import org.gridledger.domain.support.TicketEvents.TicketReopenedEvent;
import org.gridledger.domain.support.TicketEvents.TicketSolvedEvent;
import org.gridledger.domain.support.TicketEvents.TicketSubmitterAnsweredEvent;
import org.gridledger.domain.support.TicketEvents.TicketWaitingForSubmitterEvent;
import org.gridledger.domain.support.TicketEvents.TicketWorkStartedEvent;
import org.gridledger.domain.support.TicketId;
import org.gridledger.domain.support.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * Read model of tickets: {@code ticket} with its {@code ticket_comment}s and {@code ticket_link}s, the pending
 * {@code ticket_deadline}s the scheduler sweeps, the {@code ticket_breach}es, and the {@code service_credit_entry}
 * rows billing reads. Idempotent upserts; the reset empties these tables (the cap lock and the notifications sent
 * are not projections and stay). Queries are answered by {@link TicketQueryHandler}.
 */
@Component
@ProcessingGroup(TicketProjection.GROUP)
class TicketProjection {

    static final String GROUP = "ticket";

    private final JdbcClient jdbc;

    TicketProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TicketOpenedEvent event) {
        jdbc.sql("""
                        insert into ticket (ticket_id, community_id, package_id, provider_id, routing, priority, emergency,
                            status, subject, description, submitted_by, opened_at, response_target_seconds,
                            resolution_target_seconds, affected_person_dn)
                        values (:id, :community, :package, :provider, :routing, :priority, :emergency, :status, :subject,
                            :description, :submittedBy, :openedAt, :response, :resolution, :dn)
                        on conflict (ticket_id) do update set community_id = excluded.community_id,
                            package_id = excluded.package_id, provider_id = excluded.provider_id,
                            routing = excluded.routing, priority = excluded.priority, emergency = excluded.emergency,
                            status = excluded.status, subject = excluded.subject, description = excluded.description,
                            submitted_by = excluded.submitted_by, opened_at = excluded.opened_at,
                            response_target_seconds = excluded.response_target_seconds,
                            resolution_target_seconds = excluded.resolution_target_seconds,
                            affected_person_dn = excluded.affected_person_dn""")
                .param("id", event.ticketId().value())
                .param("community", event.communityId().value())
                .param("package", event.packageId() == null ? null : event.packageId().value())
                .param("provider", event.providerId() == null ? null : event.providerId().value())
                .param("routing", event.routing())
                .param("priority", event.priority().name())
                .param("emergency", event.emergency())
                .param("status", (event.providerId() == null ? TicketStatus.NEW : TicketStatus.ASSIGNED).name())
                .param("subject", event.subject())
                .param("description", event.description())
                .param("submittedBy", event.submittedBy())
                .param("openedAt", ts(event.openedAt()))
                .param("response", event.sla() == null ? null : event.sla().response().toSeconds())
                .param("resolution", event.sla() == null || event.sla().resolution() == null ? null
                        : event.sla().resolution().toSeconds())
                .param("dn", event.affectedPersonDn())
                .update();
    }

    @EventHandler
    void on(TicketReassignedEvent event) {
        jdbc.sql("""
                        update ticket set provider_id = :provider, routing = :routing,
                            status = case when status = 'NEW' then 'ASSIGNED' else status end
                        where ticket_id = :id""")
                .param("id", event.ticketId().value())
                .param("provider", event.toProviderId().value())
                .param("routing", "reassigned: " + event.reason())
                .update();
    }

    @EventHandler
    void on(TicketCommentedEvent event) {
        jdbc.sql("""
                        insert into ticket_comment (ticket_id, position, side, author, text, commented_at)
                        select :id, coalesce(max(position), -1) + 1, :side, :author, :text, :at from ticket_comment
                        where ticket_id = :id
                        having not exists (select 1 from ticket_comment c where c.ticket_id = :id
                            and c.commented_at = :at and c.author = :author and c.text = :text)""")
                .param("id", event.ticketId().value())
                .param("side", event.side().name())
                .param("author", event.author())
                .param("text", event.text())
                .param("at", ts(event.commentedAt()))
                .update();
    }

    @EventHandler
    void on(SlaTargetMetEvent event) {
        if (event.kind() == SlaTargetKind.RESPONSE) {
            jdbc.sql("update ticket set responded_at = :at where ticket_id = :id")
                    .param("id", event.ticketId().value()).param("at", ts(event.metAt())).update();
        }
    }

    @EventHandler
    void on(TicketWorkStartedEvent event) {
        status(event.ticketId(), TicketStatus.IN_PROGRESS);
        jdbc.sql("update ticket set responded_at = coalesce(responded_at, :at) where ticket_id = :id")
                .param("id", event.ticketId().value()).param("at", ts(event.startedAt())).update();
    }

    @EventHandler
    void on(TicketWaitingForSubmitterEvent event) {
        status(event.ticketId(), TicketStatus.WAITING_FOR_SUBMITTER);
    }

    @EventHandler
    void on(TicketSubmitterAnsweredEvent event) {
        status(event.ticketId(), TicketStatus.IN_PROGRESS);
    }

    @EventHandler
    void on(TicketSolvedEvent event) {
        jdbc.sql("update ticket set status = 'SOLVED', solved_at = :at where ticket_id = :id")
                .param("id", event.ticketId().value()).param("at", ts(event.solvedAt())).update();
    }

    @EventHandler
    void on(TicketReopenedEvent event) {
        jdbc.sql("update ticket set status = 'REOPENED', solved_at = null where ticket_id = :id")
                .param("id", event.ticketId().value()).update();
    }

    @EventHandler
    void on(TicketClosedEvent event) {
        jdbc.sql("update ticket set status = 'CLOSED', outcome = :outcome, closed_at = :at where ticket_id = :id")
                .param("id", event.ticketId().value())
                .param("outcome", event.outcome().name())
                .param("at", ts(event.closedAt()))
                .update();
    }

    @EventHandler
    void on(TicketLinkedEvent event) {
        jdbc.sql("""
                        insert into ticket_link (ticket_id, other_ticket_id, kind) values (:id, :other, :kind)
                        on conflict do nothing""")
                .param("id", event.ticketId().value())
                .param("other", event.otherTicketId().value())
                .param("kind", event.kind().name())
                .update();
    }

    @EventHandler
    void on(EmergencySuspensionLinkedEvent event) {
        jdbc.sql("update ticket set affected_person_dn = :dn, suspension_reference = :ref where ticket_id = :id")
                .param("id", event.ticketId().value())
                .param("dn", event.personDn())
                .param("ref", event.suspensionReference())
                .update();
    }

    @EventHandler
    void on(TicketDeadlinesScheduledEvent event) {
        jdbc.sql("delete from ticket_deadline where ticket_id = :id").param("id", event.ticketId().value()).update();
        for (var deadline : event.deadlines().entrySet()) {
            jdbc.sql("insert into ticket_deadline (ticket_id, deadline, due_at) values (:id, :deadline, :due)")
                    .param("id", event.ticketId().value())
                    .param("deadline", deadline.getKey().name())
                    .param("due", ts(deadline.getValue()))
                    .update();
        }
    }

    @EventHandler
    void on(SlaBreachedEvent event) {
        jdbc.sql("""
                        insert into ticket_breach (ticket_id, kind, provider_id, breached_at)
                        values (:id, :kind, :provider, :at)
                        on conflict (ticket_id, kind) do update set provider_id = excluded.provider_id,
                            breached_at = excluded.breached_at""")
                .param("id", event.ticketId().value())
                .param("kind", event.kind().name())
                .param("provider", event.providerId() == null ? null : event.providerId().value())
                .param("at", ts(event.breachedAt()))
                .update();
        jdbc.sql("update ticket set " + (event.kind() == SlaTargetKind.RESPONSE ? "response" : "resolution")
                        + "_breached = true where ticket_id = :id")
                .param("id", event.ticketId().value()).update();
    }

    @EventHandler
    void on(ServiceCreditGrantedEvent event) {
        entry(event.ticketId(), event.kind(), "CREDIT", event.communityId(), event.packageId(), event.providerId(),
                event.month(), event.amount(), null);
    }

    @EventHandler
    void on(ProviderPenaltyRecordedEvent event) {
        entry(event.ticketId(), event.kind(), "PENALTY", event.communityId(), event.packageId(), event.providerId(),
                event.month(), event.amount(), null);
    }

    @EventHandler
    void on(ServiceCreditReversedEvent event) {
        entry(event.ticketId(), event.kind(), "CREDIT_REVERSAL", event.communityId(), event.packageId(),
                event.providerId(), event.month(), event.amount().negate(), event.reason());
    }

    @EventHandler
    void on(ProviderPenaltyReversedEvent event) {
        entry(event.ticketId(), event.kind(), "PENALTY_REVERSAL", event.communityId(), event.packageId(),
                event.providerId(), event.month(), event.amount().negate(), event.reason());
    }

    @EventHandler
    void on(TicketExemptedEvent event) {
        jdbc.sql("update ticket set exempted = true, exemption_reason = :reason where ticket_id = :id")
                .param("id", event.ticketId().value()).param("reason", event.reason()).update();
    }

    /** Empties the read model before a replay; the lock makes concurrent commands wait for the rebuilt rows. */
    @ResetHandler
    void reset() {
        jdbc.sql("lock table ticket, ticket_comment, ticket_link, ticket_deadline, ticket_breach, service_credit_entry"
                + " in exclusive mode").update();
        for (String table : new String[]{"service_credit_entry", "ticket_breach", "ticket_deadline", "ticket_link",
                "ticket_comment", "ticket"}) {
            jdbc.sql("delete from " + table).update();
        }
    }

    private void entry(TicketId ticketId, SlaTargetKind kind, String entry, CommunityId communityId,
                       SupportPackageId packageId, ProviderId providerId, YearMonth month, Money amount,
                       String reason) {
        jdbc.sql("""
                        insert into service_credit_entry (ticket_id, kind, entry, community_id, package_id, provider_id,
                            credit_month, amount, currency, reason)
                        values (:id, :kind, :entry, :community, :package, :provider, :month, :amount, :currency, :reason)
                        on conflict (ticket_id, kind, entry) do nothing""")
                .params(Map.of("id", ticketId.value(), "kind", kind.name(), "entry", entry,
                        "community", communityId.value(), "package", packageId.value(),
                        "month", month.atDay(1), "amount", amount.amount(),
                        "currency", amount.currency().getCurrencyCode()))
                .param("provider", providerId == null ? null : providerId.value())
                .param("reason", reason)
                .update();
    }

    private void status(TicketId ticketId, TicketStatus status) {
        jdbc.sql("update ticket set status = :status where ticket_id = :id")
                .param("id", ticketId.value()).param("status", status.name()).update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
