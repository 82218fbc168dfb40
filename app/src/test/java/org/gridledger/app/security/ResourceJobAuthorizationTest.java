package org.gridledger.app.security;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.VoCommands.ApproveMembershipCommand;
import org.gridledger.domain.identity.VoCommands.CreateVirtualOrganizationCommand;
import org.gridledger.domain.identity.VoCommands.PublishVoAupCommand;
import org.gridledger.domain.identity.VoCommands.RequestMembershipCommand;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.portfolio.CommunityId;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.security.Role.COMMUNITY_ADMIN;
import static org.gridledger.app.security.Role.FINANCE;
import static org.gridledger.app.security.Role.MEMBER;
import static org.gridledger.app.security.Role.PROVIDER;
import static org.gridledger.app.security.Role.STAFF;
import static org.gridledger.app.support.Bodies.obj;

/**
 * Resources and jobs against every role. The rows act on a resource of the provider the PROVIDER caller acts for and
 * on a job the MEMBER caller submitted to it under the FQAN of a VO of the community the COMMUNITY_ADMIN caller
 * administers, so that every admitted role is also in scope; a second resource is the one retired.
 */
public class ResourceJobAuthorizationTest extends EndpointMatrix {

    @Autowired
    private CommandGateway commandGateway;

    private String resourceId;
    private String retiredId;
    private String jobId;
    private String dn;
    private String fqan;

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                only("POST", "/api/v1/resources", () -> resource(), STAFF, PROVIDER),
                only("GET", "/api/v1/resources", null, STAFF, FINANCE, PROVIDER),
                only("GET", "/api/v1/resources/{id}", null, STAFF, FINANCE, PROVIDER),
                only("GET", "/api/v1/resources/{id}/hs06", null, STAFF, FINANCE, PROVIDER),
                only("POST", "/api/v1/resources/{id}/hs06",
                        () -> obj("effectiveFrom", today().plusDays(30).toString(), "hs06PerCore", "11"), STAFF, PROVIDER),
                only("PUT", "/api/v1/resources/{id}/capacity",
                        () -> obj("batchSystem", "SLURM", "cores", 128, "gpus", 0), STAFF, PROVIDER),
                only("PUT", "/api/v1/resources/{id}/hosts",
                        () -> obj("hosts", List.of("ce-" + UUID.randomUUID() + ".matrix.example")), STAFF, PROVIDER),
                only("POST", "/api/v1/resources/{id}/certifications", () -> obj("type", "ISO_27001",
                        "validFrom", "2026-01-01", "validUntil", "2028-01-01"), STAFF),
                only("POST", "/api/v1/resources/{id}/certifications/{type}/withdraw", () -> obj("reason", "matrix"),
                        STAFF),
                only("POST", "/api/v1/resources/{id}/retire", () -> obj("reason", "matrix"), STAFF, PROVIDER),
                only("GET", "/api/v1/resources/{id}/history", null, STAFF, PROVIDER),
                only("POST", "/api/v1/jobs", () -> job(), MEMBER),
                only("GET", "/api/v1/jobs", null, STAFF, FINANCE, PROVIDER, COMMUNITY_ADMIN, MEMBER),
                only("GET", "/api/v1/jobs/emergencies", null, STAFF, FINANCE),
                only("GET", "/api/v1/jobs/{id}", null, STAFF, FINANCE, PROVIDER, COMMUNITY_ADMIN, MEMBER),
                only("POST", "/api/v1/jobs/{id}/state", () -> obj("state", "QUEUED"), PROVIDER),
                only("POST", "/api/v1/jobs/{id}/cancel", () -> obj("reason", "matrix"), MEMBER),
                only("GET", "/api/v1/jobs/{id}/history", null, STAFF));
    }

    @Override
    protected void prepare() {
        resourceId = register();
        retiredId = register();
        String vo = "matrix" + UUID.randomUUID().toString().substring(0, 8);
        VoId voId = VoId.random();
        MembershipId membership = MembershipId.random();
        dn = "/C=DE/O=GridGermany/OU=Matrix/CN=" + usernames.get(Caller.MEMBER);
        fqan = "/" + vo + "/Role=NULL/Capability=NULL";
        commandGateway.sendAndWait(new CreateVirtualOrganizationCommand(voId, CommunityId.of(communityId), vo, "matrix"));
        commandGateway.sendAndWait(new PublishVoAupCommand(voId, "1", "Research only.", null));
        commandGateway.sendAndWait(new RequestMembershipCommand(voId, membership, dn, "/C=DE/O=GridGermany/CN=CA", "1",
                usernames.get(Caller.MEMBER)));
        commandGateway.sendAndWait(new ApproveMembershipCommand(voId, membership));
        assertSuccess(staff().post("/api/v1/accounts/" + usernames.get(Caller.MEMBER) + "/certificate-subjects",
                obj("subjectDn", dn)));
        Reply job = caller(Caller.MEMBER).post("/api/v1/jobs", job());
        assertThat(job.status()).as("submit the job the table acts on: %s", job).isEqualTo(201);
        jobId = job.json().path("jobId").asText();
    }

    @Override
    protected String resolve(String path) {
        String id = path.startsWith("/api/v1/jobs") ? jobId : path.endsWith("/retire") ? retiredId : resourceId;
        return path.replace("{id}", id).replace("{type}", "ISO_27001");
    }

    private String register() {
        Reply reply = staff().post("/api/v1/resources", resource());
        assertThat(reply.status()).as("register a resource: %s", reply).isEqualTo(201);
        return reply.json().path("resourceId").asText();
    }

    private Map<String, Object> resource() {
        // a site name belongs to one provider: each matrix's provider has a site of its own
        String site = "MATRIX-" + providerId.substring(0, 8).toUpperCase();
        return obj("providerId", providerId, "name", unique("Matrix cluster"), "siteName", site,
                "batchSystem", "SLURM", "cores", 64, "hs06PerCore", "10");
    }

    private Map<String, Object> job() {
        return obj("resourceId", resourceId, "subjectDn", dn, "fqan", fqan, "cores", 2, "wallTimeLimit", "PT1H",
                "dataProtectionClass", "INTERNAL");
    }
}
