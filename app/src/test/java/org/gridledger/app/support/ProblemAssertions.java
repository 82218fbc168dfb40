package org.gridledger.app.support;

import org.gridledger.domain.error.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of the error contract: RFC 9457 problem details with a stable type and error code. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** The reply is a problem with this status and error code, typed {@code urn:gridledger:problem:<slug>}. */
    public static void assertProblem(Reply reply, int status, ErrorCode code) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertProblemOfType(reply, code);
    }

    /** A 404 problem; commands on unknown aggregates answer the generic NOT_FOUND, reads the specific code. */
    public static void assertNotFound(Reply reply, ErrorCode specific) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(404);
        assertProblemOfType(reply, reply.errorCode().equals(ErrorCode.NOT_FOUND.name()) ? ErrorCode.NOT_FOUND : specific);
    }

    public static void assertProblemOfType(Reply reply, ErrorCode code) {
        assertThat(reply.contentType()).as("content type of %s", reply).startsWith("application/problem+json");
        assertThat(reply.errorCode()).as("errorCode of %s", reply).isEqualTo(code.name());
        assertThat(reply.json().path("type").asText()).as("type of %s", reply)
                .isEqualTo("urn:gridledger:problem:" + code.slug());
        assertThat(reply.json().path("status").asInt()).as("status field of %s", reply).isEqualTo(reply.status());
    }
}
