package org.gridledger.app.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;

/**
 * The membership sweeper against the running service, with its clock moved into the future: it warns 30 days before
 * expiry, expires after 12 months and suspends after the AUP grace, each once, working from stored state only.
 */
class MembershipSweeperTest extends VoApiSupport {

    @Autowired
    private Queries queries;
    @Autowired
    private CommandSender commands;
    @Autowired
    private VoProperties properties;

    /** A sweeper as the service runs it, but whose clock stands {@code ahead} in the future. */
    private MembershipSweeper sweeperAhead(Duration ahead) {
        return new MembershipSweeper(queries, commands, Clock.offset(Clock.systemUTC(), ahead), properties);
    }

    @Test
    void a_sweep_warns_thirty_days_before_expiry_once_and_expires_the_membership_after_twelve_months() {
        String vo = createVo(registerCommunity(unique("SweepGrid")), voName("sweep"));
        String path = activeMember(vo, dn("Expiring"));
        Instant expiresAt = Instant.parse(staff().get(path).json().path("expiresAt").asText());
        Duration toWarning = Duration.between(Instant.now(), expiresAt.minus(Duration.ofDays(30))).plusMinutes(1);

        sweeperAhead(toWarning.minusDays(2)).sweepNow();
        assertThat(staff().get(path).json().path("expiryWarnedAt").isMissingNode()).isTrue();

        sweeperAhead(toWarning).sweepNow();
        JsonNode warned = staff().get(path).json();
        assertThat(warned.path("expiryWarnedAt").isMissingNode()).isFalse();
        assertThat(warned.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(staff().get("/api/v1/vos/expiring?days=30&size=200").json().path("items")
                .findValuesAsText("membershipId")).isEmpty(); // not within 30 days of the real now
        sweeperAhead(toWarning.plusDays(1)).sweepNow();
        assertThat(eventsOfType(vo, "MembershipExpiryWarnedEvent")).isEqualTo(1);

        sweeperAhead(toWarning.plusDays(31)).sweepNow();
        assertThat(staff().get(path).json().path("status").asText()).isEqualTo("EXPIRED");
        assertThat(eventsOfType(vo, "MembershipExpiredEvent")).isEqualTo(1);
        JsonNode events = staff().get("/api/v1/vos/" + vo + "/history").json().path("events");
        assertThat(events.get(events.size() - 1).path("actor").asText()).isEqualTo(MembershipSweeper.ACTOR);

        assertSuccess(staff().post(path + "/extend", null));
        assertThat(staff().get(path).json().path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void a_new_aup_suspends_members_who_do_not_accept_it_within_fifteen_days_and_acceptance_restores_them() {
        String name = voName("aupsweep");
        String vo = createVo(registerCommunity(unique("AupSweepGrid")), name);
        org.gridledger.app.support.Http member = newAccountWithRole(org.gridledger.app.security.Role.MEMBER);
        String jane = dn("Jane");
        String path = request(member, vo, jane);
        assertSuccess(staff().post(path + "/approve", null));
        assertSuccess(staff().post("/api/v1/vos/" + vo + "/aup", obj("version", "2.0", "text", "Stricter.")));

        sweeperAhead(Duration.ofDays(14)).sweepNow();
        assertThat(staff().get(path).json().path("status").asText()).isEqualTo("ACTIVE");
        MembershipSweeper.SweepResult result = sweeperAhead(Duration.ofDays(15).plusMinutes(1)).sweep(
                Instant.now().plus(Duration.ofDays(15).plusMinutes(1)));
        assertThat(result.suspended()).isPositive();
        JsonNode suspended = staff().get(path).json();
        assertThat(suspended.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.path("suspendedForAup").asBoolean()).isTrue();
        assertThat(staff().get("/api/v1/vos/" + vo + "/gridmap").body()).isEmpty();

        sweeperAhead(Duration.ofDays(16)).sweepNow();
        assertThat(eventsOfType(vo, "MembershipSuspendedForAupEvent")).isEqualTo(1);
        assertSuccess(member.post(path + "/aup-acceptance", obj("aupVersion", "2.0")));
        assertThat(staff().get(path).json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(staff().get("/api/v1/vos/" + vo + "/gridmap").body()).isEqualTo("\"" + jane + "\" ." + name + "\n");
    }

    private long eventsOfType(String voId, String type) {
        JsonNode events = staff().get("/api/v1/vos/" + voId + "/history").json().path("events");
        long count = 0;
        for (JsonNode event : events) {
            if (event.path("eventType").asText().equals(type)) {
                count++;
            }
        }
        return count;
    }
}
