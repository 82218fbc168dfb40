package org.gridledger.app.security;

import org.gridledger.app.support.Reply;
import org.gridledger.app.support.VoMembers;
import org.gridledger.app.ticket.TicketTestScenarios;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.security.Role.COMMUNITY_ADMIN;
import static org.gridledger.app.security.Role.FINANCE;
import static org.gridledger.app.security.Role.MEMBER;
import static org.gridledger.app.security.Role.PROVIDER;
import static org.gridledger.app.security.Role.STAFF;
import static org.gridledger.app.support.Bodies.obj;

/**
 * The authorization table of tickets, SLA compliance and service credits. The ticket the rows act on belongs to the
 * COMMUNITY_ADMIN caller's community, lies with the PROVIDER caller's provider and was opened by the MEMBER caller,
 * so every admitted role is also in scope. See {@link EndpointMatrix}.
 */
class TicketAuthorizationTest extends EndpointMatrix {

    private String packageId;
    private String ticketId;
    private String otherTicketId;

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                only("POST", "/api/v1/tickets", () -> obj("communityId", communityId, "packageId", packageId,
                        "priority", "URGENT", "subject", "Matrix"), STAFF, COMMUNITY_ADMIN, MEMBER),
                only("POST", "/api/v1/tickets/emergencies", () -> obj("communityId", communityId, "subject",
                        "Matrix incident"), STAFF, COMMUNITY_ADMIN, MEMBER),
                only("GET", "/api/v1/tickets", null, STAFF, COMMUNITY_ADMIN, MEMBER, PROVIDER),
                only("GET", "/api/v1/tickets/{id}", null, STAFF, COMMUNITY_ADMIN, MEMBER, PROVIDER),
                only("GET", "/api/v1/tickets/{id}/history", null, STAFF),
                only("POST", "/api/v1/tickets/{id}/comments", () -> obj("text", "matrix"),
                        STAFF, COMMUNITY_ADMIN, MEMBER, PROVIDER),
                only("POST", "/api/v1/tickets/{id}/start", null, STAFF, PROVIDER),
                only("POST", "/api/v1/tickets/{id}/questions", () -> obj("text", "Which CE?"), STAFF, PROVIDER),
                only("POST", "/api/v1/tickets/{id}/answers", () -> obj("text", "ce01"), STAFF, COMMUNITY_ADMIN, MEMBER),
                only("POST", "/api/v1/tickets/{id}/solve", () -> obj("text", "fixed"), STAFF, PROVIDER),
                only("POST", "/api/v1/tickets/{id}/reopen", () -> obj("reason", "still broken"),
                        STAFF, COMMUNITY_ADMIN, MEMBER),
                only("POST", "/api/v1/tickets/{id}/close", null, STAFF, COMMUNITY_ADMIN, MEMBER),
                only("POST", "/api/v1/tickets/{id}/reassign", () -> obj("providerId", providerId, "reason", "matrix"),
                        STAFF, PROVIDER),
                only("POST", "/api/v1/tickets/{id}/links", () -> obj("otherTicketId", otherTicketId,
                        "kind", "CAUSED_BY"), STAFF, PROVIDER),
                only("POST", "/api/v1/tickets/{id}/suspension", () -> obj("personDn", "/C=DE/CN=Matrix"), STAFF),
                only("POST", "/api/v1/tickets/{id}/exempt", () -> obj("reason", "matrix"), STAFF),
                only("GET", "/api/v1/tickets/sla-compliance", null, STAFF, FINANCE, PROVIDER),
                only("GET", "/api/v1/tickets/sla-compliance.csv", null, STAFF, FINANCE, PROVIDER),
                only("GET", "/api/v1/tickets/sla-compliance.pdf", null, STAFF, FINANCE, PROVIDER),
                only("GET", "/api/v1/service-credits", null, STAFF, FINANCE, COMMUNITY_ADMIN, PROVIDER));
    }

    @Override
    protected void prepare() {
        packageId = TicketTestScenarios.awardedSupport(anonymous(), staff(), communityId, providerId,
                usernames.get(Caller.PROVIDER));
        VoMembers.join(staff(), caller(Caller.MEMBER), communityId);
        ticketId = open();
        otherTicketId = open();
    }

    private String open() {
        Reply reply = caller(Caller.MEMBER).post("/api/v1/tickets", obj("communityId", communityId, "packageId",
                packageId, "priority", "VERY_URGENT", "subject", "Matrix ticket"));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("ticketId").asText();
    }

    @Override
    protected String resolve(String path) {
        String query = path.startsWith("/api/v1/tickets/sla-compliance") ? "?month=" + today().toString().substring(0, 7)
                : path.startsWith("/api/v1/service-credits") ? "?communityId=" + communityId : "";
        return path.replace("{id}", ticketId) + query;
    }
}
