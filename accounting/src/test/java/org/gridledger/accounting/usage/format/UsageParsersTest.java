package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.UsageFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class UsageParsersTest {

    @ParameterizedTest
    @EnumSource(UsageFormat.class)
    void everyFormatHasItsParser(UsageFormat format) {
        UsageRecordParser parser = UsageParsers.forFormat(format, ParseOptions.forSite("DE-TEST"));

        assertThat(parser.format()).isEqualTo(format);
    }

    @ParameterizedTest
    @EnumSource(UsageFormat.class)
    void parsersLeaveTheStreamOpenForItsOwner(UsageFormat format) {
        String document = switch (format) {
            case APEL -> "APEL-individual-job-message: v0.3\n";
            case OGF_UR -> "<UsageRecords xmlns='" + XmlUsageParser.URF + "'/>";
            case EMI_CAR -> "<UsageRecords xmlns='" + XmlUsageParser.CAR + "'/>";
            case SLURM_SACCT -> String.join("|", SlurmSacctParser.REQUIRED) + "\n";
            case JSON -> "[]";
        };
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new FilterInputStream(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        UsageParsers.forFormat(format, ParseOptions.forSite("DE-TEST")).parse(in, new CollectingSink());

        assertThat(closed).isFalse();
    }
}
