package org.gridledger.app.finance;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.gridledger.app.support.Bodies.obj;

/** Request bodies of the finance API. */
final class FinanceBodies {

    private FinanceBodies() {
    }

    /** Consulting subscription 350.00 and 1234.5 HS06 hours at 0.0275, both at 19 %: gross 456.90. */
    static Map<String, Object> invoice(String communityId, YearMonth period) {
        return obj("communityId", communityId, "period", period.toString(), "lines", List.of(
                obj("description", "Consulting, " + period, "kind", "SUBSCRIPTION", "quantity", "1",
                        "unitPrice", "350.00", "vatRate", "0.19", "category", "CONSULTING", "reference", "sub-1"),
                obj("description", "Normalised CPU at GridKa", "kind", "USAGE", "quantity", "1234.5",
                        "unit", "HS06_HOUR", "unitPrice", "0.0275", "vatRate", "0.19")));
    }

    static Map<String, Object> usageLine(String unitPrice) {
        return obj("description", "Storage", "kind", "USAGE", "quantity", "10", "unit", "GB_MONTH",
                "unitPrice", unitPrice, "vatRate", "0.19");
    }

    static Map<String, Object> payment(String amount, String currency, String receivedOn) {
        return obj("amount", amount, "currency", currency, "receivedOn", receivedOn, "reference", "SEPA " + amount);
    }

    static Map<String, Object> tariff(String providerId, String unit, String price, String effectiveFrom) {
        return obj("providerId", providerId, "unit", unit, "price", price, "effectiveFrom", effectiveFrom);
    }
}
