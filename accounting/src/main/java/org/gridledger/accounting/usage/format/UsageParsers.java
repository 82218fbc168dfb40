package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;

/**
 * The parser for each usage format. Parsers hold no state between documents; each call to
 * {@link UsageRecordParser#parse} reads one document. The caller owns the stream: parsers read it to the end of the
 * document (or to the error) and never close it.
 */
public final class UsageParsers {

    private UsageParsers() {
    }

    /** The parser of {@code format} for documents that name their own site (all but sacct). */
    public static UsageRecordParser forFormat(UsageFormat format) {
        return forFormat(format, ParseOptions.NONE);
    }

    /**
     * The parser of {@code format} reading with {@code options}. sacct output names no site, so
     * {@link UsageFormat#SLURM_SACCT} needs {@link ParseOptions#site()}: without it this fails with
     * {@link ErrorCode#VALIDATION_FAILED}.
     */
    public static UsageRecordParser forFormat(UsageFormat format, ParseOptions options) {
        return switch (format) {
            case OGF_UR -> XmlUsageParser.ogfUr(options);
            case EMI_CAR -> XmlUsageParser.emiCar(options);
            case APEL -> new ApelJobParser(options);
            case JSON -> new JsonUsageParser(options);
            case SLURM_SACCT -> {
                if (options.site() == null) {
                    throw DomainException.of(ErrorCode.VALIDATION_FAILED,
                            "sacct output names no site: the upload must name the APEL site its jobs ran at");
                }
                yield new SlurmSacctParser(options);
            }
        };
    }
}
