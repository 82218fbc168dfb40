package org.gridledger.app.accounting;

import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Which format an upload is written in: the {@code format} parameter when given (a {@link UsageFormat} name or one of
 * the short names {@code apel}, {@code ur}, {@code car}, {@code sacct}, {@code json}), else the content type
 * ({@code application/json} → JSON; XML types → EMI CAR when the document uses the CAR namespace, else OGF UR),
 * else the first bytes of the body ({@code APEL-individual-job-message} → APEL, {@code [} or {@code {} → JSON,
 * {@code <} → XML as above, a header line with {@code |} → Slurm sacct). Only the first 64 KiB are looked at.
 */
final class UsageFormatSelection {

    static final String CAR_NAMESPACE = "http://eu-emi.eu/namespaces/2012/11/computerecord";
    private static final int PEEK = 64 * 1024;
    private static final Map<String, UsageFormat> SHORT_NAMES = Map.of("apel", UsageFormat.APEL,
            "ur", UsageFormat.OGF_UR, "ogf-ur", UsageFormat.OGF_UR, "car", UsageFormat.EMI_CAR,
            "emi-car", UsageFormat.EMI_CAR, "sacct", UsageFormat.SLURM_SACCT, "slurm", UsageFormat.SLURM_SACCT,
            "json", UsageFormat.JSON);

    /** The selected format and the body to read (which still starts at its first byte). */
    record Selected(UsageFormat format, InputStream body) {
    }

    private UsageFormatSelection() {
    }

    static Selected select(String parameter, String contentType, InputStream body) throws IOException {
        if (parameter != null && !parameter.isBlank()) {
            return new Selected(named(parameter), body);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.equals("application/json")) {
            return new Selected(UsageFormat.JSON, body);
        }
        BufferedInputStream buffered = new BufferedInputStream(body, PEEK);
        buffered.mark(PEEK);
        byte[] head = buffered.readNBytes(PEEK);
        buffered.reset();
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        boolean xmlType = type.equals("application/xml") || type.equals("text/xml");
        if (xmlType || text.startsWith("<")) {
            return new Selected(text.contains(CAR_NAMESPACE) ? UsageFormat.EMI_CAR : UsageFormat.OGF_UR, buffered);
        }
        if (text.startsWith("APEL-individual-job-message")) {
            return new Selected(UsageFormat.APEL, buffered);
        }
        if (text.startsWith("[") || text.startsWith("{")) {
            return new Selected(UsageFormat.JSON, buffered);
        }
        int eol = text.indexOf('\n');
        if ((eol < 0 ? text : text.substring(0, eol)).contains("|")) {
            return new Selected(UsageFormat.SLURM_SACCT, buffered);
        }
        throw new DomainException(ErrorCode.USAGE_FORMAT_UNKNOWN,
                "name the format with ?format=apel|ur|car|sacct|json or send a content type that tells it");
    }

    private static UsageFormat named(String parameter) {
        String p = parameter.strip().toLowerCase(Locale.ROOT);
        UsageFormat format = SHORT_NAMES.get(p);
        if (format != null) {
            return format;
        }
        for (UsageFormat f : UsageFormat.values()) {
            if (f.name().equalsIgnoreCase(p)) {
                return f;
            }
        }
        throw DomainException.of(ErrorCode.USAGE_FORMAT_UNKNOWN, "unknown format '%s'; allowed: apel, ur, car, sacct, json",
                parameter);
    }
}
