package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.UsageFormat;

import java.io.InputStream;

/**
 * A streaming parser of one usage-record format: it never holds the whole document, only the record being read.
 * A document that cannot be read at all (not well-formed, external entities, an unknown header version) fails with a
 * {@link org.gridledger.domain.error.DomainException} carrying
 * {@link org.gridledger.domain.error.ErrorCode#USAGE_DOCUMENT_MALFORMED}; records reported to the sink before that
 * point must then be discarded by the caller.
 */
public interface UsageRecordParser {

    UsageFormat format();

    void parse(InputStream document, UsageRecordSink sink);
}
