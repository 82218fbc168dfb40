package org.gridledger.accounting.usage;

import org.gridledger.accounting.usage.format.UsageRecordParser;
import org.gridledger.domain.accounting.UsageFormat;

import java.time.ZoneId;

/** Gives the streaming parser of a format, reading with what the upload says about its document. */
public interface UsageParserFactory {

    /**
     * @param site       the APEL site for records that name none (sacct output), or null
     * @param submitHost the submit host for records that name none, or null
     * @param timeZone   the zone of timestamps written without an offset
     */
    record DocumentContext(String site, String submitHost, ZoneId timeZone) {
    }

    UsageRecordParser parser(UsageFormat format, DocumentContext context);
}
