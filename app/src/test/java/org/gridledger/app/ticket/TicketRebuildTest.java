package org.gridledger.app.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.VoMembers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/** A rebuild of the ticket projection from the events reproduces tickets, deadlines, comments, links and credits. */
class TicketRebuildTest extends ApiTestBase {

    @Autowired
    private TicketSweeper sweeper;

    @Test
    void rebuilding_the_ticket_projection_reproduces_every_ticket() {
        TicketScenario scenario = TicketScenario.create(anonymous(), staff(), null, null, null);
        Http member = newAccountWithRole(Role.MEMBER);
        VoMembers.join(staff(), member, scenario.communityId());
        Object body = obj("communityId", scenario.communityId(), "packageId", scenario.packageId(),
                "priority", "VERY_URGENT", "subject", "Rebuilt");
        String breached = member.post("/api/v1/tickets", body).location();
        String worked = member.post("/api/v1/tickets", body).location();
        scenario.providerClient().post(worked + "/questions", obj("text", "Which site?"));
        member.post(worked + "/answers", obj("text", "FZK"));
        staff().post(worked + "/links", obj("otherTicketId", breached.substring(breached.lastIndexOf('/') + 1),
                "kind", "DUPLICATE_OF"));
        sweeper.sweep(Instant.parse(staff().get(breached).json().path("deadlines").path("RESPONSE_BREACH").asText()));
        JsonNode before1 = staff().get(breached).json();
        JsonNode before2 = staff().get(worked).json();
        assertThat(before1.path("credits")).hasSize(1);

        assertThat(staff().post("/api/v1/admin/projections/ticket/rebuild", null).status()).isBetween(200, 299);

        assertThat(staff().get(breached).json()).isEqualTo(before1);
        assertThat(staff().get(worked).json()).isEqualTo(before2);
    }
}
