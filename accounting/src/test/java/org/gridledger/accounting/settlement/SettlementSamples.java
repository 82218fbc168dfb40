package org.gridledger.accounting.settlement;

import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.finance.SettlementLine;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.util.List;

/** Settlement lines as the composer makes them, for fixture and projection tests. */
final class SettlementSamples {

    static final SupportPackageId MIDDLEWARE = SupportPackageId.random();

    private SettlementSamples() {
    }

    /** 1000.00 a month for 22 of 31 days: 709.68. */
    static SettlementLine contract() {
        return new SettlementLine(1, CostKind.CONTRACT, "Middleware: support contract, 10 Oct–31 Oct (22 of 31 days)",
                MIDDLEWARE, PackageCategory.MIDDLEWARE_MAINTENANCE, BigDecimal.valueOf(22), "day", Money.euros("32.258064516"),
                Money.euros("709.68"), "tender 1");
    }

    static SettlementLine penalty() {
        return new SettlementLine(2, CostKind.PENALTY, "Middleware: penalties for missed service levels (1 breach)",
                MIDDLEWARE, PackageCategory.MIDDLEWARE_MAINTENANCE, null, null, null, Money.euros("-25.00"), null);
    }

    static SettlementLine usage() {
        return new SettlementLine(3, CostKind.USAGE, "Cleared usage at GRIDKA by MediGrid", null, null,
                new BigDecimal("1234.5"), "HS06_HOUR", Money.euros("0.05"), Money.euros("61.73"), "community");
    }

    /** 709.68 − 25.00 + 61.73 = 746.41. */
    static List<SettlementLine> lines() {
        return List.of(contract(), penalty(), usage());
    }

    static Money total() {
        return Money.euros("746.41");
    }
}
