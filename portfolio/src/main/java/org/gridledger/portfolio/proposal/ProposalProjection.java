package org.gridledger.portfolio.proposal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalAcceptedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalEndorsedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalRejectedEvent;
import org.gridledger.domain.portfolio.ProposalEvents.ProposalSubmittedEvent;
import org.gridledger.domain.portfolio.ProposalId;
import org.gridledger.domain.portfolio.ProposalKind;
import org.gridledger.domain.portfolio.ProposalQueries.EndorsementView;
import org.gridledger.domain.portfolio.ProposalQueries.FindProposalQuery;
import org.gridledger.domain.portfolio.ProposalQueries.FindProposalsQuery;
import org.gridledger.domain.portfolio.ProposalQueries.ProposalPageView;
import org.gridledger.domain.portfolio.ProposalQueries.ProposalView;
import org.gridledger.domain.portfolio.ProposalStatus;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Read model of portfolio proposals: {@code proposal} and {@code proposal_endorsement}. Every handler is an
 * idempotent upsert, so a replay is safe.
 */
@Component
@ProcessingGroup(ProposalProjection.GROUP)
class ProposalProjection {

    static final String GROUP = "proposal";

    private final JdbcClient jdbc;

    ProposalProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProposalSubmittedEvent event) {
        jdbc.sql("""
                        insert into proposal (proposal_id, community_id, kind, package_id, name, description, category,
                            change, expected_seats, status, proposed_on)
                        values (:id, :community, :kind, :package, :name, :description, :category, :change, :seats,
                            'OPEN', :proposedOn)
                        on conflict (proposal_id) do update set community_id = excluded.community_id,
                            kind = excluded.kind, package_id = excluded.package_id, name = excluded.name,
                            description = excluded.description, category = excluded.category,
                            change = excluded.change, expected_seats = excluded.expected_seats,
                            proposed_on = excluded.proposed_on""")
                .param("id", event.proposalId().value())
                .param("community", event.communityId().value())
                .param("kind", event.kind().name())
                .param("package", event.packageId() == null ? null : event.packageId().value())
                .param("name", event.name())
                .param("description", event.description())
                .param("category", event.category() == null ? null : event.category().name())
                .param("change", event.change())
                .param("seats", event.expectedSeats())
                .param("proposedOn", event.proposedOn())
                .update();
    }

    @EventHandler
    void on(ProposalEndorsedEvent event) {
        jdbc.sql("""
                        insert into proposal_endorsement (proposal_id, community_id, expected_seats, endorsed_on)
                        values (:id, :community, :seats, :endorsedOn)
                        on conflict (proposal_id, community_id) do update set expected_seats = excluded.expected_seats,
                            endorsed_on = excluded.endorsed_on""")
                .param("id", event.proposalId().value())
                .param("community", event.communityId().value())
                .param("seats", event.expectedSeats())
                .param("endorsedOn", event.endorsedOn())
                .update();
    }

    @EventHandler
    void on(ProposalAcceptedEvent event) {
        jdbc.sql("""
                        update proposal set status = 'ACCEPTED', decided_on = :on, resulting_package_id = :package,
                            rejection_reason = null
                        where proposal_id = :id""")
                .param("id", event.proposalId().value())
                .param("on", event.acceptedOn())
                .param("package", event.packageId().value())
                .update();
    }

    @EventHandler
    void on(ProposalRejectedEvent event) {
        jdbc.sql("""
                        update proposal set status = 'REJECTED', decided_on = :on, rejection_reason = :reason,
                            resulting_package_id = null
                        where proposal_id = :id""")
                .param("id", event.proposalId().value())
                .param("on", event.rejectedOn())
                .param("reason", event.reason())
                .update();
    }

    /** Empties the read model before a replay. */
    @ResetHandler
    void reset() {
        jdbc.sql("lock table proposal, proposal_endorsement in exclusive mode").update();
        jdbc.sql("delete from proposal_endorsement").update();
        jdbc.sql("delete from proposal").update();
    }

    @QueryHandler
    ProposalView handle(FindProposalQuery query) {
        List<Row> rows = jdbc.sql("select * from proposal where proposal_id = :id")
                .param("id", query.proposalId().value()).query(ProposalProjection::row).list();
        if (rows.isEmpty()) {
            throw DomainException.of(ErrorCode.PROPOSAL_NOT_FOUND, "no proposal %s", query.proposalId());
        }
        return views(rows).get(0);
    }

    @QueryHandler
    ProposalPageView handle(FindProposalsQuery query) {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        if (query.status() != null) {
            conditions.add("status = :status");
            params.put("status", query.status().name());
        }
        if (query.communityId() != null) {
            conditions.add("community_id = :community");
            params.put("community", query.communityId().value());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from proposal" + where).params(params).query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<Row> rows = jdbc.sql("select * from proposal" + where
                        + " order by proposed_on desc, proposal_id limit :limit offset :offset")
                .params(params).query(ProposalProjection::row).list();
        return new ProposalPageView(views(rows), query.pagination().page(), query.pagination().size(), total);
    }

    private List<ProposalView> views(List<Row> rows) {
        Map<UUID, List<EndorsementView>> endorsements = new HashMap<>();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                            select * from proposal_endorsement where proposal_id in (:ids)
                            order by endorsed_on, community_id""")
                    .param("ids", rows.stream().map(Row::id).toList())
                    .query(rs -> {
                        endorsements.computeIfAbsent(rs.getObject("proposal_id", UUID.class), k -> new ArrayList<>())
                                .add(new EndorsementView(new CommunityId(rs.getObject("community_id", UUID.class)),
                                        rs.getInt("expected_seats"), rs.getObject("endorsed_on", LocalDate.class)));
                    });
        }
        return rows.stream().map(row -> row.view(endorsements.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String category = rs.getString("category");
        return new Row(rs.getObject("proposal_id", UUID.class), rs.getObject("community_id", UUID.class),
                ProposalKind.valueOf(rs.getString("kind")), rs.getObject("package_id", UUID.class),
                rs.getString("name"), rs.getString("description"),
                category == null ? null : PackageCategory.valueOf(category), rs.getString("change"),
                rs.getInt("expected_seats"), ProposalStatus.valueOf(rs.getString("status")),
                rs.getObject("proposed_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class),
                rs.getObject("resulting_package_id", UUID.class), rs.getString("rejection_reason"));
    }

    private record Row(UUID id, UUID communityId, ProposalKind kind, UUID packageId, String name, String description,
                       PackageCategory category, String change, int expectedSeats, ProposalStatus status,
                       LocalDate proposedOn, LocalDate decidedOn, UUID resultingPackageId, String rejectionReason) {

        ProposalView view(List<EndorsementView> endorsements) {
            int total = expectedSeats + endorsements.stream().mapToInt(EndorsementView::expectedSeats).sum();
            return new ProposalView(new ProposalId(id), new CommunityId(communityId), kind,
                    packageId == null ? null : new SupportPackageId(packageId), name, description, category, change,
                    expectedSeats, status, proposedOn, decidedOn,
                    resultingPackageId == null ? null : new SupportPackageId(resultingPackageId), rejectionReason,
                    endorsements, total);
        }
    }
}
