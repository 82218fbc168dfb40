package org.gridledger.accounting.usage.format;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What an upload says about its document that the document itself may not say.
 *
 * @param site       the APEL site name for records that carry none: every sacct record (sacct knows no sites) and
 *                   OGF UR 1.0 records without a {@code Site} element; {@code null} when the upload names none
 * @param submitHost the submit host for sacct records (sacct does not report one); may be {@code null}
 * @param timeZone   the zone of timestamps written without an offset: sacct prints local time; OGF UR, CAR and
 *                   APEL timestamps without an offset are read in this zone too (UTC unless told otherwise)
 */
public record ParseOptions(String site, String submitHost, ZoneId timeZone) {

    /** No site, no submit host, timestamps without an offset in UTC. */
    public static final ParseOptions NONE = new ParseOptions(null, null, ZoneOffset.UTC);

    public ParseOptions {
        Objects.requireNonNull(timeZone, "timeZone");
        site = FieldValues.text(site);
        submitHost = FieldValues.text(submitHost);
    }

    public static ParseOptions forSite(String site) {
        return new ParseOptions(site, null, ZoneOffset.UTC);
    }

    public ParseOptions withSubmitHost(String submitHost) {
        return new ParseOptions(site, submitHost, timeZone);
    }

    public ParseOptions withTimeZone(ZoneId zone) {
        return new ParseOptions(site, submitHost, zone);
    }
}
