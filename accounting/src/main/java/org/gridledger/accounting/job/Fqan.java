package org.gridledger.accounting.job;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.util.regex.Pattern;

/**
 * A VOMS fully qualified attribute name, {@code /vo[/group…][/Role=r][/Capability=c]}: the VO is the first segment,
 * the group the path up to the role, the role {@code Role=NULL} when none is given (APEL's convention).
 */
record Fqan(String text, String vo, String group, String role) {

    static final int MAX_LENGTH = 512;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern ATTRIBUTE = Pattern.compile("(Role|Capability)=[A-Za-z0-9._-]+");

    static Fqan parse(String fqan) {
        String text = fqan == null ? "" : fqan.strip();
        if (!text.startsWith("/") || text.length() > MAX_LENGTH) {
            throw invalid(text);
        }
        String[] segments = text.substring(1).split("/", -1);
        StringBuilder group = new StringBuilder();
        String role = null;
        boolean attributes = false;
        for (String segment : segments) {
            if (ATTRIBUTE.matcher(segment).matches()) {
                attributes = true;
                if (segment.startsWith("Role=")) {
                    if (role != null) {
                        throw invalid(text);
                    }
                    role = segment;
                }
            } else if (!attributes && SEGMENT.matcher(segment).matches()) {
                group.append('/').append(segment);
            } else {
                throw invalid(text);
            }
        }
        if (group.isEmpty()) {
            throw invalid(text);
        }
        return new Fqan(text, segments[0], group.toString(), role == null ? "Role=NULL" : role);
    }

    private static DomainException invalid(String text) {
        return DomainException.of(ErrorCode.VALIDATION_FAILED,
                "'%s' is no FQAN of the form /vo[/group][/Role=r][/Capability=c]", text);
    }
}
