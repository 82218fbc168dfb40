package org.gridledger.app.portfolio;

import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.support.Bodies;
import org.gridledger.app.support.Reply;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.app.support.Bodies.obj;
import static org.gridledger.app.support.ProblemAssertions.assertProblem;

/** A cancellation takes effect at the end of the billing month in which the notice of the terms in force ends. */
class CancellationNoticeTest extends ApiTestBase {

    @Test
    void the_notice_of_the_terms_decides_the_month_a_cancelled_subscription_ends() {
        String packageId = defineDraftPackage(unique("Notice"));
        Map<String, Object> terms = new HashMap<>(Bodies.terms(today(), "100.00"));
        terms.put("cancellationNoticeDays", 45);
        assertSuccess(staff().post("/api/v1/packages/" + packageId + "/terms", terms));
        assertSuccess(staff().post("/api/v1/packages/" + packageId + "/publish", null));
        String community = registerCommunity(unique("NoticeGrid"));
        Reply subscribed = staff().post("/api/v1/communities/" + community + "/subscriptions",
                obj("packageId", packageId, "startsOn", today().toString(), "seats", 3));
        assertThat(subscribed.status()).as("%s", subscribed).isEqualTo(201);

        Reply cancelled = staff().post(subscribed.location() + "/cancel", obj());

        LocalDate expectedEnd = YearMonth.from(today().plusDays(45)).plusMonths(1).atDay(1);
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(201);
        assertThat(cancelled.json().path("endsOn").asText()).isEqualTo(expectedEnd.toString());
        assertThat(staff().get("/api/v1/packages/" + packageId + "/terms").json().path("versions").get(0)
                .path("cancellationNoticeDays").asInt()).isEqualTo(45);
    }

    @Test
    void a_notice_beyond_a_year_is_refused_and_not_stored() {
        String packageId = defineDraftPackage(unique("LongNotice"));
        Map<String, Object> terms = new HashMap<>(Bodies.terms(today(), "100.00"));
        terms.put("cancellationNoticeDays", 400);

        assertProblem(staff().post("/api/v1/packages/" + packageId + "/terms", terms), 400, ErrorCode.VALIDATION_FAILED);
        assertThat(staff().get("/api/v1/packages/" + packageId + "/terms").json().path("versions")).isEmpty();
    }
}
