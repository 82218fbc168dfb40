package org.gridledger.accounting.invoice;

import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.InvoiceLineDraft;
import org.gridledger.domain.finance.InvoiceLineKind;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;

/** Invoice lines used by the invoice and ledger tests. */
final class InvoiceSamples {

    static final BigDecimal VAT_19 = new BigDecimal("0.19");

    private InvoiceSamples() {
    }

    /** Consulting subscription, 1 × 350.00 at 19 %: net 350.00, VAT 66.50. */
    static InvoiceLineDraft subscription() {
        return new InvoiceLineDraft("Consulting, November", InvoiceLineKind.SUBSCRIPTION, BigDecimal.ONE, null,
                Money.euros("350.00"), VAT_19, PackageCategory.CONSULTING, "subscription 42");
    }

    /** 1234.5 HS06 hours at 0.0275: net 33.95 (33.94875 rounded), VAT 6.45 (6.4505 rounded). */
    static InvoiceLineDraft usage() {
        return new InvoiceLineDraft("Normalised CPU at GridKa", InvoiceLineKind.USAGE, new BigDecimal("1234.5"),
                "HS06_HOUR", Money.euros("0.0275"), VAT_19, null, "summary 2026-11 GridKa");
    }

    static InvoiceLine priced(InvoiceLineDraft draft, int lineNo, String net, String vat) {
        return new InvoiceLine(lineNo, draft.description(), draft.kind(), draft.quantity(), draft.unit(),
                draft.unitPrice(), draft.vatRate(), draft.category(), draft.reference(), Money.euros(net),
                Money.euros(vat));
    }
}
