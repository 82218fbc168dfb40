package org.gridledger.accounting.resource;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.Certification;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What makes a resource's fields acceptable, each refused with {@code VALIDATION_FAILED}: a name of 1 to 200
 * characters; an APEL site name (letters, digits, {@code . _ -}, up to 100); 1 to 10 000 000 cores and 0 to 100 000
 * GPUs; up to 20 special devices of up to 100 characters; up to 50 hosts, each a host name or CE id without white
 * space of up to 255 characters, kept trimmed and in lower case (host names compare without case); an HS06 per core
 * above 0 with at most four decimals, below 100 000 000.
 */
final class ResourcePolicy {

    static final int MAX_NAME = 200;
    static final int MAX_CORES = 10_000_000;
    static final int MAX_GPUS = 100_000;
    static final int MAX_DEVICES = 20;
    static final int MAX_DEVICE = 100;
    static final int MAX_HOSTS = 50;
    static final int MAX_HOST = 255;
    static final int MAX_ISSUER = 200;
    private static final Pattern SITE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9][a-z0-9._:/@=-]*");
    private static final BigDecimal MAX_HS06 = new BigDecimal("100000000");

    private ResourcePolicy() {
    }

    static String name(String name) {
        String tidy = name == null ? "" : name.strip();
        if (tidy.isEmpty() || tidy.codePointCount(0, tidy.length()) > MAX_NAME) {
            throw invalid("name must have 1 to %d characters", MAX_NAME);
        }
        return tidy;
    }

    static String siteName(String siteName) {
        String tidy = siteName == null ? "" : siteName.strip();
        if (!SITE.matcher(tidy).matches()) {
            throw invalid("siteName must be an APEL site name: up to 100 letters, digits or ._- (got '%s')", tidy);
        }
        return tidy;
    }

    static void capacity(int cores, int gpus) {
        if (cores < 1 || cores > MAX_CORES) {
            throw invalid("cores must lie between 1 and %d", MAX_CORES);
        }
        if (gpus < 0 || gpus > MAX_GPUS) {
            throw invalid("gpus must lie between 0 and %d", MAX_GPUS);
        }
    }

    static List<String> devices(List<String> devices) {
        if (devices == null) {
            return List.of();
        }
        if (devices.size() > MAX_DEVICES) {
            throw invalid("at most %d special devices", MAX_DEVICES);
        }
        List<String> tidy = devices.stream().map(d -> d == null ? "" : d.strip()).toList();
        if (tidy.stream().anyMatch(d -> d.isEmpty() || d.length() > MAX_DEVICE)) {
            throw invalid("a special device is named with 1 to %d characters", MAX_DEVICE);
        }
        return tidy.stream().distinct().toList();
    }

    /** The hosts trimmed, in lower case and sorted. */
    static List<String> hosts(Set<String> hosts) {
        if (hosts == null) {
            return List.of();
        }
        if (hosts.size() > MAX_HOSTS) {
            throw invalid("at most %d hosts", MAX_HOSTS);
        }
        TreeSet<String> tidy = new TreeSet<>();
        for (String host : hosts) {
            String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
            if (h.length() > MAX_HOST || !HOST.matcher(h).matches()) {
                throw invalid("'%s' is no host name or CE id (up to %d characters, no white space)", host, MAX_HOST);
            }
            tidy.add(h);
        }
        return List.copyOf(tidy);
    }

    static BigDecimal hs06(BigDecimal hs06PerCore) {
        if (hs06PerCore == null || hs06PerCore.signum() <= 0 || hs06PerCore.compareTo(MAX_HS06) >= 0
                || hs06PerCore.stripTrailingZeros().scale() > 4) {
            throw invalid("hs06PerCore must be above 0 and below %s with at most four decimals", MAX_HS06);
        }
        return hs06PerCore.stripTrailingZeros().scale() < 0 ? hs06PerCore.setScale(0) : hs06PerCore.stripTrailingZeros();
    }

    /** Type and both dates given, an issuer of at most 200 characters, and an end after the beginning. */
    static Certification certification(Certification certification) {
        if (certification == null || certification.type() == null || certification.validFrom() == null
                || certification.validUntil() == null) {
            throw invalid("a certification needs type, validFrom and validUntil");
        }
        String issuer = certification.issuedBy() == null || certification.issuedBy().isBlank()
                ? null : certification.issuedBy().strip();
        if (issuer != null && issuer.length() > MAX_ISSUER) {
            throw invalid("issuedBy is limited to %d characters", MAX_ISSUER);
        }
        if (!certification.validUntil().isAfter(certification.validFrom())) {
            throw DomainException.of(ErrorCode.CERTIFICATION_INVALID, "validUntil (%s) must lie after validFrom (%s)",
                    certification.validUntil(), certification.validFrom());
        }
        return new Certification(certification.type(), issuer, certification.validFrom(), certification.validUntil());
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 2000) {
            throw invalid("a reason of 1 to 2000 characters is required");
        }
        return reason.strip();
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
