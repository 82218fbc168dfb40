package org.gridledger.accounting.usage;

import org.gridledger.accounting.usage.format.ParseOptions;
import org.gridledger.accounting.usage.format.UsageParsers;
import org.gridledger.accounting.usage.format.UsageRecordParser;
import org.gridledger.domain.accounting.UsageFormat;
import org.springframework.stereotype.Component;

/** The parsers of {@code usage.format}, one per format, reading with the upload's site, submit host and time zone. */
@Component
class FormatParsers implements UsageParserFactory {

    @Override
    public UsageRecordParser parser(UsageFormat format, DocumentContext context) {
        return UsageParsers.forFormat(format, new ParseOptions(context.site(), context.submitHost(), context.timeZone()));
    }
}
