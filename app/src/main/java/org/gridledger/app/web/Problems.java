package org.gridledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.error.ErrorKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;

/**
 * Builds RFC 9457 problem details: {@code type} is {@code urn:gridledger:problem:<code-slug>}, {@code title} the
 * code's stable title, {@code errorCode} the code itself, {@code detail} what exactly went wrong.
 */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    public static HttpStatus statusOf(ErrorKind kind) {
        return switch (kind) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE_VIOLATED -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
        };
    }

    public static ProblemDetail of(ErrorCode code, String detail, String instance) {
        return of(code, statusOf(code.kind()), detail, instance);
    }

    public static ProblemDetail of(ErrorCode code, HttpStatus status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:gridledger:problem:" + code.slug()));
        problem.setTitle(code.title());
        if (instance != null) {
            problem.setInstance(URI.create(instance.replaceAll("[^A-Za-z0-9/._~%!$&'()*+,;=:@-]", "")));
        }
        problem.setProperty("errorCode", code.name());
        return problem;
    }

    /** Writes a problem straight to the servlet response (for filters, which run outside Spring MVC). */
    public void write(HttpServletResponse response, ErrorCode code, String detail, String instance) throws IOException {
        ProblemDetail problem = of(code, detail, instance);
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        if (code.kind() == ErrorKind.UNAUTHENTICATED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"GridLedger\", Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
