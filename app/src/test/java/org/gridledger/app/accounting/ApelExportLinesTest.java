package org.gridledger.app.accounting;

import org.gridledger.accounting.usage.format.SummaryRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records keep their text as reported, line breaks included; the APEL export, which is line-based, turns each control
 * character into a space so that one odd record cannot break a site's summary message.
 */
class ApelExportLinesTest {

    @Test
    void controlCharactersBecomeSpacesAndAnEmptyValueIsNone() {
        assertThat(UsageExportController.oneLine("/DC=org/CN=a\nb\r\tc")).isEqualTo("/DC=org/CN=a b  c");
        assertThat(UsageExportController.oneLine(" \t\n")).isNull();
        assertThat(UsageExportController.oneLine(null)).isNull();

        SummaryRow row = new SummaryRow("DE-SITE", YearMonth.of(2026, 8),
                UsageExportController.oneLine("/DC=org/CN=Jane\nDoe"), "atlas", "/atlas", "Role=NULL",
                UsageExportController.oneLine("ce01.example.org\r"), null, null, null,
                Instant.parse("2026-08-10T10:00:00Z"), Instant.parse("2026-08-10T10:00:00Z"), 60, 30, 600, 300, 1);
        assertThat(row.globalUserName()).isEqualTo("/DC=org/CN=Jane Doe");
        assertThat(row.submitHost()).isEqualTo("ce01.example.org");
    }
}
