package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.UsageFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class UsageParsersTest {

    @ParameterizedTest
    @EnumSource(UsageFormat.class)
    void everyFormatHasItsParser(UsageFormat format) {
        UsageRecordParser parser = UsageParsers.forFormat(format, ParseOptions.forSite("DE-TEST"));

        assertThat(parser.format()).isEqualTo(format);
    }
}
