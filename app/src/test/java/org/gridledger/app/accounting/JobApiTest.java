package org.gridledger.app.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gridledger.app.security.Role;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Http;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.VoCommands.AddVoRoleCommand;
import org.gridledger.domain.identity.VoCommands.ApproveMembershipCommand;
import org.gridledger.domain.identity.VoCommands.AssignMemberCommand;
import org.gridledger.domain.identity.VoCommands.CreateVirtualOrganizationCommand;
import org.gridledger.domain.identity.VoCommands.PublishVoAupCommand;
import org.gridledger.domain.identity.VoCommands.RequestMembershipCommand;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.portfolio.CommunityId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertNotFound;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/**
 * Jobs through HTTP against the real VO directory, provider and community read models: submission rules, the site's
 * state reports, cancellation, visibility, the emergency report and the usage hand-over.
 */
class JobApiTest extends ApiTestBase {

    @Autowired
    private CommandGateway commandGateway;
    @Autowired
    private JdbcClient jdbc;

    /** A community with a VO, a provider with a 64-core resource and a member of the VO with an account. */
    final class Scenario {
        final String communityId;
        final String vo = "vo" + UUID.randomUUID().toString().substring(0, 8);
        final String providerId;
        final String resourceId;
        final String site = ResourceApiTest.site();
        final String dn = "/C=DE/O=GridGermany/OU=Test/CN=" + unique("member");
        final MembershipId membership = MembershipId.random();
        final VoId voId = VoId.random();
        final String memberName = createAccount("member", Role.MEMBER);
        final Http member = withToken(memberName);
        final Http siteAccount;

        Scenario(String dataProtectionClass) {
            Map<String, Object> profile = Bodies.profile("Job physics");
            profile.put("dataProtectionClass", dataProtectionClass);
            Reply community = staff().post("/api/v1/communities", obj("name", unique("JobGrid"), "profile", profile));
            assertThat(community.status()).as("%s", community).isEqualTo(201);
            communityId = community.json().path("communityId").asText();
            providerId = staff().post("/api/v1/providers", obj("name", unique("Job Centre"), "kind", "COMPUTE_CENTRE"))
                    .json().path("providerId").asText();
            Map<String, Object> cluster = ResourceApiTest.resource(providerId, site, null);
            cluster.put("cores", 64);
            Reply resource = staff().post("/api/v1/resources", cluster);
            assertThat(resource.status()).as("%s", resource).isEqualTo(201);
            resourceId = resource.json().path("resourceId").asText();
            String siteUser = unique("site");
            assertSuccess(staff().post("/api/v1/accounts", obj("username", siteUser, "password", ACCOUNT_PASSWORD,
                    "roles", List.of("PROVIDER"), "providerIds", List.of(providerId))));
            siteAccount = withToken(siteUser);
            commandGateway.sendAndWait(new CreateVirtualOrganizationCommand(voId, CommunityId.of(communityId), vo,
                    "VO of a job test"));
            commandGateway.sendAndWait(new PublishVoAupCommand(voId, "1", "Use the grid for research only.", null));
            commandGateway.sendAndWait(new AddVoRoleCommand(voId, "emergency"));
            commandGateway.sendAndWait(new RequestMembershipCommand(voId, membership, dn,
                    "/C=DE/O=GridGermany/CN=GridKa-CA", "1", memberName));
            commandGateway.sendAndWait(new ApproveMembershipCommand(voId, membership));
            // the DN is the member's because staff bound it to the account; the membership alone would not make it so
            assertSuccess(staff().post("/api/v1/accounts/" + memberName + "/certificate-subjects",
                    obj("subjectDn", dn)));
        }

        void grantEmergency() {
            commandGateway.sendAndWait(new AssignMemberCommand(voId, membership, "/" + vo, "emergency"));
        }

        Map<String, Object> job(int cores, String protection) {
            return obj("resourceId", resourceId, "subjectDn", dn, "fqan", "/" + vo + "/Role=NULL/Capability=NULL",
                    "cores", cores, "wallTimeLimit", "PT12H", "dataProtectionClass", protection);
        }

        String submit() {
            Reply reply = member.post("/api/v1/jobs", job(8, "INTERNAL"));
            assertThat(reply.status()).as("%s", reply).isEqualTo(201);
            return reply.location();
        }

        long jobsOfDn() {
            return jdbc.sql("select count(*) from accounting_job where subject_dn = :dn").param("dn", dn)
                    .query(Long.class).single();
        }
    }

    @Test
    void aMemberSubmitsAJobUnderItsFqanAndReadsItBack() {
        Scenario s = new Scenario("INTERNAL");

        Reply created = s.member.post("/api/v1/jobs", s.job(64, "PUBLIC"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("jobId").asText();
        assertThat(created.location()).isEqualTo("/api/v1/jobs/" + id);
        JsonNode job = s.member.get(created.location()).json();
        assertThat(job.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(job.path("voName").asText()).isEqualTo(s.vo);
        assertThat(job.path("communityId").asText()).isEqualTo(s.communityId);
        assertThat(job.path("siteName").asText()).isEqualTo(s.site);
        assertThat(job.path("owner").asText()).isEqualTo(s.memberName);
        assertThat(job.path("wallTimeLimit").asText()).isEqualTo("PT12H");
        assertThat(job.path("requiredProtection").asText()).isEqualTo("INTERNAL");
        assertThat(job.path("emergency").asBoolean()).isFalse();
    }

    @Test
    void badSubmissionsAreProblemsAndNothingIsStored() {
        Scenario s = new Scenario("INTERNAL");
        Map<String, Object> notHeld = s.job(1, "PUBLIC");
        notHeld.put("fqan", "/" + s.vo + "/Role=production");
        Map<String, Object> unknownVo = s.job(1, "PUBLIC");
        unknownVo.put("fqan", "/novo" + UUID.randomUUID().toString().substring(0, 6) + "/Role=NULL");
        Map<String, Object> unknownResource = s.job(1, "PUBLIC");
        unknownResource.put("resourceId", UUID.randomUUID().toString());
        Map<String, Object> malformed = s.job(1, "PUBLIC");
        malformed.put("wallTimeLimit", "twelve hours");

        assertProblem(s.member.post("/api/v1/jobs", s.job(65, "PUBLIC")), 422, ErrorCode.JOB_CORES_EXCEED_RESOURCE);
        assertProblem(newAccountWithRole(Role.MEMBER).post("/api/v1/jobs", s.job(1, "PUBLIC")), 403,
                ErrorCode.JOB_SUBJECT_NOT_SUBMITTERS);
        // an approved membership asked as a DN does not make the DN the asker's: a community admin could ask and
        // approve one as anybody's DN
        String asker = createAccount("asker", Role.MEMBER);
        String askedDn = "/C=DE/O=GridGermany/OU=Test/CN=" + unique("asked");
        MembershipId asked = MembershipId.random();
        commandGateway.sendAndWait(new RequestMembershipCommand(s.voId, asked, askedDn,
                "/C=DE/O=GridGermany/CN=GridKa-CA", "1", asker));
        commandGateway.sendAndWait(new ApproveMembershipCommand(s.voId, asked));
        Map<String, Object> asAsked = s.job(1, "PUBLIC");
        asAsked.put("subjectDn", askedDn);
        assertProblem(withToken(asker).post("/api/v1/jobs", asAsked), 403, ErrorCode.JOB_SUBJECT_NOT_SUBMITTERS);
        assertProblem(s.member.post("/api/v1/jobs", notHeld), 422, ErrorCode.JOB_FQAN_NOT_HELD);
        assertNotFound(s.member.post("/api/v1/jobs", unknownVo), ErrorCode.VO_NOT_FOUND);
        assertNotFound(s.member.post("/api/v1/jobs", unknownResource), ErrorCode.RESOURCE_NOT_FOUND);
        assertProblem(s.member.post("/api/v1/jobs", malformed), 400, ErrorCode.INVALID_VALUE);
        assertThat(s.jobsOfDn()).isZero();
    }

    @Test
    void medicalDataRunsOnlyWhereTheResourceOrItsProviderIsCertified() {
        Scenario s = new Scenario("PERSONAL_MEDICAL");

        Reply uncertified = s.member.post("/api/v1/jobs", s.job(4, "PUBLIC"));
        assertProblem(uncertified, 422, ErrorCode.JOB_PLACEMENT_REFUSED);
        assertThat(s.jobsOfDn()).isZero();

        assertSuccess(staff().post("/api/v1/resources/" + s.resourceId + "/certifications",
                ResourceApiTest.certification()));
        Reply certified = s.member.post("/api/v1/jobs", s.job(4, "PUBLIC"));
        assertThat(certified.status()).as("%s", certified).isEqualTo(201);
        assertThat(certified.json().path("requiredProtection").asText()).isEqualTo("PERSONAL_MEDICAL");
    }

    @Test
    void emergencyPriorityNeedsTheVoRoleAndIsReportedPerPeriod() {
        Scenario s = new Scenario("INTERNAL");
        Map<String, Object> emergency = s.job(8, "INTERNAL");
        emergency.put("emergency", true);
        emergency.put("emergencyReason", "Flood forecast for the Elbe");

        assertProblem(s.member.post("/api/v1/jobs", emergency), 422, ErrorCode.JOB_EMERGENCY_NOT_GRANTED);
        assertThat(s.jobsOfDn()).isZero();
        s.grantEmergency();
        Reply granted = s.member.post("/api/v1/jobs", emergency);

        assertThat(granted.status()).as("%s", granted).isEqualTo(201);
        String id = granted.json().path("jobId").asText();
        JsonNode report = newAccountWithRole(Role.FINANCE).get("/api/v1/jobs/emergencies?size=200").json();
        assertThat(report.path("items").findValuesAsText("jobId")).contains(id);
        JsonNode mine = report.path("items").findParents("jobId").stream()
                .filter(j -> j.path("jobId").asText().equals(id)).findFirst().orElseThrow();
        assertThat(mine.path("emergencyReason").asText()).isEqualTo("Flood forecast for the Elbe");
        assertThat(staff().get("/api/v1/jobs/emergencies?from=" + today().plusMonths(1).withDayOfMonth(1) + "&until="
                + today().plusMonths(2).withDayOfMonth(1)).json().path("items").findValuesAsText("jobId"))
                .doesNotContain(id);
        assertThat(staff().get("/api/v1/jobs/" + id + "/history").json().path("events").get(0).path("reason").asText())
                .isEqualTo("Flood forecast for the Elbe");
        assertProblem(staff().get("/api/v1/jobs/emergencies?from=" + today() + "&until=" + today()), 422,
                ErrorCode.INVALID_PERIOD);
    }

    @Test
    void theSiteReportsTheStatesAndAFinishedJobHandsOverItsUsageRecord() {
        Scenario s = new Scenario("INTERNAL");
        String path = s.submit();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(1, ChronoUnit.HOURS);

        assertProblem(s.siteAccount.post(path + "/state", obj("state", "RUNNING")), 422,
                ErrorCode.JOB_TRANSITION_INVALID);
        Reply queued = s.siteAccount.post(path + "/state", obj("state", "QUEUED"));
        Reply running = s.siteAccount.post(path + "/state", obj("state", "RUNNING", "startTime", start.toString()));
        Reply incomplete = s.siteAccount.post(path + "/state", obj("state", "SUCCESSFUL"));
        Reply done = s.siteAccount.post(path + "/state", obj("state", "SUCCESSFUL", "endTime", end.toString(),
                "wallSeconds", 3600, "cpuSeconds", 27_000, "note", "exit 0"));

        assertThat(queued.status()).as("%s", queued).isEqualTo(201);
        assertThat(queued.location()).isEqualTo(path);
        assertThat(running.json().path("startTime").asText()).isEqualTo(start.toString());
        assertProblem(incomplete, 422, ErrorCode.JOB_REPORT_INVALID);
        assertThat(done.status()).as("%s", done).isEqualTo(201);
        assertThat(done.json().path("state").asText()).isEqualTo("SUCCESSFUL");
        assertThat(done.json().path("usageRecorded").asBoolean()).isTrue();
        assertProblem(s.siteAccount.post(path + "/state", obj("state", "FAILED")), 422,
                ErrorCode.JOB_TRANSITION_INVALID);
        JsonNode events = staff().get(path + "/history").json().path("events");
        JsonNode usage = events.get(events.size() - 1);
        assertThat(usage.path("eventType").asText()).isEqualTo("JobUsageRecordedEvent");
        JsonNode record = usage.path("payload").path("usageRecord");
        assertThat(record.path("site").asText()).isEqualTo(s.site);
        assertThat(record.path("localJobId").asText()).isEqualTo(path.substring(path.lastIndexOf('/') + 1));
        assertThat(record.path("globalUserName").asText()).isEqualTo(s.dn);
        assertThat(record.path("vo").asText()).isEqualTo(s.vo);
        assertThat(record.path("wallSeconds").asLong()).isEqualTo(3600);
        assertThat(record.path("processors").asInt()).isEqualTo(8);
        assertThat(record.path("serviceLevel").decimalValue()).isEqualByComparingTo("10.5");
    }

    @Test
    void anEmergencySuspensionOfThePersonCancelsItsUnfinishedJobsAndLeavesFinishedOnesAlone() {
        Scenario s = new Scenario("INTERNAL");
        String submitted = s.submit();
        String queued = s.submit();
        assertSuccess(s.siteAccount.post(queued + "/state", obj("state", "QUEUED")));
        String failed = s.submit();
        assertSuccess(s.siteAccount.post(failed + "/state", obj("state", "FAILED")));

        Reply suspended = staff().post("/api/v1/emergency/suspensions", obj("username", s.memberName,
                "reason", "Proxy certificate stolen"));

        assertThat(suspended.status()).as("%s", suspended).isEqualTo(201);
        assertThat(suspended.json().path("cancelledJobs")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(id(submitted), id(queued));
        for (String path : List.of(submitted, queued)) {
            JsonNode job = staff().get(path).json();
            assertThat(job.path("state").asText()).isEqualTo("CANCELLED");
            assertThat(job.path("cancelledBy").asText()).isEqualTo("EMERGENCY");
            assertThat(job.path("note").asText()).startsWith("Emergency suspension ")
                    .endsWith(": Proxy certificate stolen");
        }
        assertThat(staff().get(failed).json().path("state").asText()).isEqualTo("FAILED");
    }

    @Test
    void aRebuildOfTheJobProjectionReproducesTheJob() {
        Scenario s = new Scenario("INTERNAL");
        String path = s.submit();
        assertSuccess(s.siteAccount.post(path + "/state", obj("state", "QUEUED", "note", "queue short")));
        assertSuccess(s.member.post(path + "/cancel", obj("reason", "rebuild check")));
        JsonNode before = staff().get(path).json();

        assertSuccess(staff().post("/api/v1/admin/projections/accounting_job/rebuild", null));

        assertThat(staff().get(path).json()).isEqualTo(before);
    }

    @Test
    void onlyTheSiteOfTheResourceReportsAndOnlyTheOwnerCancels() {
        Scenario s = new Scenario("INTERNAL");
        Scenario other = new Scenario("INTERNAL");
        String path = s.submit();

        assertProblem(other.siteAccount.post(path + "/state", obj("state", "QUEUED")), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(other.member.post(path + "/cancel", obj("reason", "not mine")), 403, ErrorCode.OUT_OF_SCOPE);
        Reply cancelled = s.member.post(path + "/cancel", obj("reason", "wrong input file"));
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(201);
        assertThat(cancelled.json().path("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("cancelledBy").asText()).isEqualTo("OWNER");
        assertProblem(s.member.post(path + "/cancel", null), 422, ErrorCode.JOB_TRANSITION_INVALID);
    }

    @Test
    void everyCallerSeesTheJobsOfItsScope() {
        Scenario s = new Scenario("INTERNAL");
        Scenario other = new Scenario("INTERNAL");
        String mine = s.submit();
        String theirs = other.submit();
        String admin = createAccount("job-admin", Role.COMMUNITY_ADMIN);
        assertSuccess(staff().post("/api/v1/communities/" + s.communityId + "/admins", obj("username", admin)));

        assertThat(ids(s.member)).contains(id(mine)).doesNotContain(id(theirs));
        assertThat(ids(s.siteAccount)).contains(id(mine)).doesNotContain(id(theirs));
        assertThat(ids(withToken(admin))).contains(id(mine)).doesNotContain(id(theirs));
        assertThat(ids(staff())).contains(id(mine), id(theirs));
        assertProblem(s.member.get(theirs), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(s.siteAccount.get(theirs), 403, ErrorCode.OUT_OF_SCOPE);
        assertProblem(staff().get("/api/v1/jobs/" + UUID.randomUUID()), 404, ErrorCode.JOB_NOT_FOUND);
    }

    private static List<String> ids(Http caller) {
        return caller.get("/api/v1/jobs?size=200").json().path("items").findValuesAsText("jobId");
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
