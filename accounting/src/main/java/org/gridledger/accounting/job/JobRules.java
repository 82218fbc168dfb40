package org.gridledger.accounting.job;

import org.gridledger.domain.accounting.JobCommands.SubmitJobCommand;
import org.gridledger.domain.accounting.JobState;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.DataProtectionClass;

import java.time.Duration;
import java.time.Instant;

/**
 * The field rules of jobs. A submission needs a resource, an owner, a subject DN in the slash form ({@code /C=DE/…}, up
 * to 512 characters), a valid {@link Fqan}, 1 or more cores, a wall-time limit above zero of at most
 * {@link #MAX_WALL_TIME}, a data-protection class, and for emergency priority a reason of up to 2000 characters.
 * A report's times may run at most {@link #CLOCK_SKEW} ahead of ours; a finished job's measures are all given or
 * (only when it FAILED) all absent, with an end not before the start and non-negative wall and CPU seconds.
 */
final class JobRules {

    static final Duration MAX_WALL_TIME = Duration.ofDays(31);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int MAX_DN = 512;
    static final int MAX_TEXT = 2000;

    private JobRules() {
    }

    record Request(ResourceId resourceId, String owner, String subjectDn, Fqan fqan, int cores, Duration wallTimeLimit,
                   DataProtectionClass dataProtectionClass, boolean emergency, String emergencyReason) {
    }

    record Measures(Instant start, Instant end, long wallSeconds, long cpuSeconds) {
    }

    static Request request(SubmitJobCommand command) {
        ResourceId resourceId = required(command.resourceId(), "resourceId");
        String owner = required(command.owner(), "owner").strip();
        String dn = command.subjectDn() == null ? "" : command.subjectDn().strip();
        if (!dn.startsWith("/") || dn.length() < 2 || dn.length() > MAX_DN) {
            throw invalid("subjectDn must be a certificate subject in the slash form, up to %d characters", MAX_DN);
        }
        Fqan fqan = Fqan.parse(command.fqan());
        if (command.cores() < 1) {
            throw invalid("a job needs at least one core");
        }
        Duration limit = required(command.wallTimeLimit(), "wallTimeLimit");
        if (limit.isNegative() || limit.isZero() || limit.compareTo(MAX_WALL_TIME) > 0) {
            throw invalid("wallTimeLimit must lie above zero and at most %s", MAX_WALL_TIME);
        }
        DataProtectionClass protection = required(command.dataProtectionClass(), "dataProtectionClass");
        String reason = null;
        if (command.emergency()) {
            reason = note(command.emergencyReason());
            if (reason == null) {
                throw invalid("emergency priority needs a reason");
            }
        }
        return new Request(resourceId, owner, dn, fqan, command.cores(), limit, protection, command.emergency(),
                reason);
    }

    /** A free text stripped, null when blank; at most 2000 characters. */
    static String note(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > MAX_TEXT) {
            throw invalid("a note or reason has at most %d characters", MAX_TEXT);
        }
        return text.strip();
    }

    static Instant startTime(Instant start, Instant now) {
        if (start.isAfter(now.plus(CLOCK_SKEW))) {
            throw DomainException.of(ErrorCode.JOB_REPORT_INVALID, "start time %s lies in the future", start);
        }
        return start;
    }

    /** The measures of a finished job, or null for a FAILED job reported without any. */
    static Measures measures(JobState outcome, Instant start, Instant end, Long wall, Long cpu, Instant now) {
        if (end == null && wall == null && cpu == null && outcome == JobState.FAILED) {
            return null;
        }
        if (start == null || end == null || wall == null || cpu == null) {
            throw DomainException.of(ErrorCode.JOB_REPORT_INVALID,
                    "a %s job is reported with start time (unless reported when it ran), end time, wall and CPU "
                            + "seconds", outcome);
        }
        if (end.isBefore(start) || wall < 0 || cpu < 0) {
            throw DomainException.of(ErrorCode.JOB_REPORT_INVALID,
                    "the end (%s) must not lie before the start (%s), wall and CPU seconds must not be negative",
                    end, start);
        }
        if (end.isAfter(now.plus(CLOCK_SKEW))) {
            throw DomainException.of(ErrorCode.JOB_REPORT_INVALID, "end time %s lies in the future", end);
        }
        return new Measures(start, end, wall, cpu);
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid("%s is required", field);
        }
        return value;
    }

    private static DomainException invalid(String format, Object... args) {
        return DomainException.of(ErrorCode.VALIDATION_FAILED, format, args);
    }
}
