package org.gridledger.app.portfolio;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.domain.portfolio.CommunityCommands.RegisterCommunityCommand;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityProfile;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.portfolio.ItKnowledge;
import org.gridledger.domain.portfolio.JobType;
import org.gridledger.domain.portfolio.ResourceType;
import org.gridledger.domain.portfolio.SecurityLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second creation of an aggregate that exists (same id) collides on the event table's (aggregate, sequence) key;
 * PostgreSQL's unique violation is recognised as such, the whole command rolls back (including its name claim), and
 * nothing of it is stored.
 */
class DuplicateAggregateTest extends ApiTestBase {

    @Autowired
    private CommandGateway commands;

    @Test
    void creating_an_existing_aggregate_again_is_a_conflict_and_leaves_no_trace() {
        CommunityId id = new CommunityId(UUID.randomUUID());
        String first = unique("FirstName");
        String second = unique("SecondName");
        commands.sendAndWait(new RegisterCommunityCommand(id, first, profile()));

        assertThatThrownBy(() -> commands.sendAndWait(new RegisterCommunityCommand(id, second, profile())))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(staff().get("/api/v1/communities/" + id + "/history").json().path("events").size()).isEqualTo(1);
        assertThat(staff().get("/api/v1/communities/" + id).json().path("name").asText()).isEqualTo(first);
        assertThat(staff().post("/api/v1/communities", Bodies.community(second)).status())
                .as("the refused command's name claim was rolled back").isEqualTo(201);
    }

    private static CommunityProfile profile() {
        return new CommunityProfile("Physics", SecurityLevel.STANDARD, DataProtectionClass.PUBLIC, ItKnowledge.EXPERT,
                10, Set.of(JobType.SERIAL_BATCH), Set.of(ResourceType.CPU), null, null, null, List.of());
    }
}
