package org.gridledger.app.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Maps every failure to an RFC 9457 problem with a stable {@code errorCode}: malformed input 400, missing
 * authentication 401, missing rights or scope 403, unknown things 404, concurrency and duplicates 409, broken rules
 * 422, oversized bodies 413. Unexpected failures are logged and answered 500 without internals.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE) // before Boot's ProblemDetailsExceptionHandler (order 0), which knows no error codes
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e, HttpServletRequest request) {
        return Problems.of(e.code(), e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler({CommandExecutionException.class, CompletionException.class, ExecutionException.class})
    ProblemDetail wrapped(Exception e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (e instanceof CommandExecutionException cee && cee.getDetails().isPresent()
                && cee.getDetails().get() instanceof DomainException de) {
            cause = de;
        }
        if (cause instanceof DomainException de) {
            return domain(de, request);
        }
        if (cause instanceof AxonException ae) {
            return axon(ae, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(AxonException.class)
    ProblemDetail axon(AxonException e, HttpServletRequest request) {
        if (e instanceof AggregateNotFoundException) {
            return Problems.of(ErrorCode.NOT_FOUND, "no such resource", request.getRequestURI());
        }
        if (e instanceof AggregateStreamCreationException) {
            return Problems.of(ErrorCode.DUPLICATE, "a resource with this id exists already", request.getRequestURI());
        }
        if (e instanceof ConcurrencyException) {
            return Problems.of(ErrorCode.CONCURRENT_MODIFICATION,
                    "the resource was changed or created concurrently", request.getRequestURI());
        }
        if (e instanceof EventStoreException && e.getCause() instanceof DomainException de) {
            return domain(de, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof RequestTooLargeException) {
                return Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, cause.getMessage(), request.getRequestURI());
            }
            if (cause instanceof DomainException de) {
                return domain(de, request);
            }
            cause = cause.getCause();
        }
        if (e.getCause() instanceof UnrecognizedPropertyException u) {
            return Problems.of(ErrorCode.INVALID_VALUE, "unknown field '" + u.getPropertyName() + "'", request.getRequestURI());
        }
        if (e.getCause() instanceof InvalidFormatException f) {
            return Problems.of(ErrorCode.INVALID_VALUE, "field '" + path(f) + "': value " + f.getValue()
                    + " is not valid" + allowed(f.getTargetType()), request.getRequestURI());
        }
        if (e.getCause() instanceof ValueInstantiationException v) {
            // a value the type's creator refused, such as a malformed UUID of an id field
            return v.getCause() instanceof DomainException de ? domain(de, request)
                    : Problems.of(ErrorCode.INVALID_VALUE, "field '" + path(v) + "' has an invalid value",
                            request.getRequestURI());
        }
        if (e.getCause() instanceof MismatchedInputException m) {
            return Problems.of(ErrorCode.INVALID_VALUE, "field '" + path(m) + "' has the wrong type or is missing",
                    request.getRequestURI());
        }
        return Problems.of(ErrorCode.MALFORMED_REQUEST, "the request body is not valid JSON", request.getRequestURI());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem = Problems.of(ErrorCode.VALIDATION_FAILED,
                errors.size() + " field(s) are missing or invalid", request.getRequestURI());
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler({HandlerMethodValidationException.class, ConstraintViolationException.class})
    ProblemDetail invalidParameter(Exception e, HttpServletRequest request) {
        return Problems.of(ErrorCode.VALIDATION_FAILED, "a parameter is invalid", request.getRequestURI());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ProblemDetail badParameter(Exception e, HttpServletRequest request) {
        String detail = e instanceof MethodArgumentTypeMismatchException m
                ? "parameter '" + m.getName() + "' has an invalid value" + allowed(m.getRequiredType())
                : e.getMessage();
        return Problems.of(ErrorCode.INVALID_VALUE, detail, request.getRequestURI());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return Problems.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "send application/json", request.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(e.getHeaders())
                .body(Problems.of(ErrorCode.METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED,
                        e.getMethod() + " is not supported here", request.getRequestURI()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e, HttpServletRequest request) {
        return Problems.of(ErrorCode.NOT_FOUND, "no such resource", request.getRequestURI());
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ProblemDetail tooLarge(RequestTooLargeException e, HttpServletRequest request) {
        return Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ProblemDetail tooLargeUpload(org.springframework.web.multipart.MaxUploadSizeExceededException e,
                                 HttpServletRequest request) {
        return Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is too large", request.getRequestURI());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        return Problems.of(ErrorCode.ACCESS_DENIED, "the principal's roles do not allow this", request.getRequestURI());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            // Spring MVC's own client errors without a handler above (406, a missing header, …) keep their status
            return Problems.of(ErrorCode.MALFORMED_REQUEST, HttpStatus.valueOf(spring.getStatusCode().value()),
                    spring.getBody().getDetail(), request.getRequestURI());
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; it has been logged");
        problem.setTitle("Internal error");
        problem.setProperty("errorCode", "INTERNAL_ERROR");
        return problem;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String allowed(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "; allowed: " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "";
    }
}
