package org.gridledger.identity.vo;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The syntax of the things a VO is made of: VOMS-style names, slash-form DNs, group paths, roles, AUP versions, and
 * how FQANs are written. Every check refuses with a stable error code.
 */
public final class VoRules {

    /** Lower-case labels of letters and digits, inner dashes allowed, joined by dots: {@code medigrid}, {@code vo.d-grid.de}. */
    private static final Pattern VO_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    /** {@code /KEY=value} components; values hold no slash, no quote and no control character. */
    private static final Pattern DN = Pattern.compile("(/[A-Za-z][A-Za-z0-9.]*=[^/=\"\\p{Cntrl}]+)+");
    private static final Pattern DN_CN = Pattern.compile("(^|/)CN=[^/]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUP_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern AUP_VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    static final int MAX_DN = 512;
    static final int MAX_GROUP = 512;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_AUP_TEXT = 100_000;

    private VoRules() {
    }

    public static String voName(String name) {
        String value = name == null ? "" : name.strip();
        if (value.length() < 2 || value.length() > 64 || !VO_NAME.matcher(value).matches()) {
            throw DomainException.of(ErrorCode.VO_NAME_INVALID, "'%s' is no valid VO name", value);
        }
        return value;
    }

    /** A subject or issuer DN in slash form with a CN, e.g. {@code /C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe}. */
    public static String dn(String dn, String field) {
        String value = dn == null ? "" : dn.strip();
        if (value.isEmpty() || value.length() > MAX_DN || !DN.matcher(value).matches()
                || !DN_CN.matcher(value).find()) {
            throw DomainException.of(ErrorCode.DN_INVALID, "%s '%s' is no DN of the form /C=DE/O=.../CN=...", field,
                    value);
        }
        return value;
    }

    /** A group path below {@code /voName}; the root group is {@code /voName} itself. */
    static String group(String group, String voName) {
        String value = group == null ? "" : group.strip();
        String root = "/" + voName;
        boolean valid = value.length() <= MAX_GROUP && (value.equals(root) || value.startsWith(root + "/"));
        if (valid && !value.equals(root)) {
            for (String segment : value.substring(root.length() + 1).split("/", -1)) {
                valid &= GROUP_SEGMENT.matcher(segment).matches() && !segment.startsWith("Role=");
            }
        }
        if (!valid) {
            throw DomainException.of(ErrorCode.VO_GROUP_INVALID, "'%s' is no group of the VO %s", value, voName);
        }
        return value;
    }

    /** The parent of a group that is not the root group. */
    static String parent(String group) {
        return group.substring(0, group.lastIndexOf('/'));
    }

    static String role(String role) {
        String value = role == null ? "" : role.strip();
        if (!ROLE.matcher(value).matches() || value.equalsIgnoreCase("NULL")) {
            throw DomainException.of(ErrorCode.VO_ROLE_INVALID, "'%s' is no valid role", value);
        }
        return value;
    }

    static String aupVersion(String version) {
        String value = version == null ? "" : version.strip();
        if (!AUP_VERSION.matcher(value).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED,
                    "an AUP version is 1 to 40 letters, digits, dots, dashes or underscores");
        }
        return value;
    }

    /** An AUP is given either as text or as an http(s) URL, not both. */
    static void aupContent(String text, String url) {
        boolean hasText = text != null && !text.isBlank();
        boolean hasUrl = url != null && !url.isBlank();
        if (hasText == hasUrl) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "an AUP needs either a text or a URL");
        }
        if (hasText && text.length() > MAX_AUP_TEXT) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "an AUP text has at most 100000 characters");
        }
        if (hasUrl) {
            try {
                URI uri = new URI(url.strip());
                if (url.strip().length() > 2000 || uri.getHost() == null
                        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    throw new URISyntaxException(url, "not an http(s) URL");
                }
            } catch (URISyntaxException e) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "an AUP URL must be an http(s) URL");
            }
        }
    }

    static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.strip().length() > MAX_DESCRIPTION) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a description has at most 2000 characters");
        }
        return description.strip();
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 2000) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a reason of 1 to 2000 characters is required");
        }
        return reason.strip();
    }

    /** The FQAN of a group with a role, or of plain group membership ({@code role} null): {@code /vo/g/Role=r/Capability=NULL}. */
    public static String fqan(String group, String role) {
        return group + "/Role=" + (role == null ? "NULL" : role) + "/Capability=NULL";
    }
}
