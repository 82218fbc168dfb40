package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.UsageFormat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Recognises a usage document's format from its first bytes, for uploads that do not say: the APEL header, a JSON
 * array, the sacct header's {@code JobID} column, or the namespace of the XML root (the CAR namespace, else the OGF
 * UR one). Anything else is not recognised. The parser chosen still checks the whole document.
 */
public final class UsageFormatSniffer {

    /** How many leading bytes {@link #sniff(byte[], int)} looks at, at most. */
    public static final int HEAD_BYTES = 4_096;

    private UsageFormatSniffer() {
    }

    public static Optional<UsageFormat> sniff(byte[] head, int length) {
        String text = new String(head, 0, Math.min(length, HEAD_BYTES), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String start = text.stripLeading();
        if (start.startsWith(ApelJobParser.KIND)) {
            return Optional.of(UsageFormat.APEL);
        }
        if (start.startsWith("[")) {
            return Optional.of(UsageFormat.JSON);
        }
        if (start.startsWith("<")) {
            if (text.contains(XmlUsageParser.CAR)) {
                return Optional.of(UsageFormat.EMI_CAR);
            }
            if (text.contains(XmlUsageParser.URF) || text.contains(XmlUsageParser.URWG)) {
                return Optional.of(UsageFormat.OGF_UR);
            }
            return Optional.empty();
        }
        int newline = start.indexOf('\n');
        String firstLine = newline < 0 ? start : start.substring(0, newline);
        if (firstLine.contains("|") && java.util.Arrays.stream(firstLine.strip().split("\\|"))
                .anyMatch("JobID"::equals)) {
            return Optional.of(UsageFormat.SLURM_SACCT);
        }
        return Optional.empty();
    }
}
