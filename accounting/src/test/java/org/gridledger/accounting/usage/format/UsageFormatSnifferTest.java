package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.UsageFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UsageFormatSnifferTest {

    @ParameterizedTest
    @CsvSource({
            "apel-v0.2-example.txt, APEL",
            "apel-v0.3-example.txt, APEL",
            "ogf-ur-example.xml, OGF_UR",
            "emi-car-example.xml, EMI_CAR",
            "sacct-example.txt, SLURM_SACCT",
            "usage-example.json, JSON"})
    void eachExampleIsRecognisedFromItsHead(String resource, UsageFormat format) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/usage/" + resource)) {
            byte[] head = in.readNBytes(UsageFormatSniffer.HEAD_BYTES);

            assertThat(UsageFormatSniffer.sniff(head, head.length)).contains(format);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"<html><body/></html>", "Site: DE-TEST", "{\"site\": 1}", "a|b|c"})
    void otherDocumentsAreNotRecognised(String text) {
        byte[] head = text.getBytes();

        assertThat(UsageFormatSniffer.sniff(head, head.length)).isEqualTo(Optional.empty());
    }
}
