package org.gridledger.reporting.pdf;

import java.math.BigDecimal;
import java.util.List;

/** What the SLA compliance PDF of a month shows: one row per provider (or the first-level queue). */
public record SlaComplianceDocument(String issuer, String month, String currency, List<Row> rows) {

    public SlaComplianceDocument {
        rows = List.copyOf(rows);
    }

    /** @param penalties the provider's net penalties in the document's currency */
    public record Row(String provider, Long ticketsOpened, Long responseBreaches, Long resolutionBreaches,
                      BigDecimal penalties) {
    }
}
