package org.gridledger.app.security;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.finance.SettlementCommands.IssueProviderSettlementCommand;
import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.finance.SettlementLine;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static org.gridledger.app.security.Role.FINANCE;
import static org.gridledger.app.security.Role.PROVIDER;
import static org.gridledger.app.security.Role.STAFF;
import static org.gridledger.app.support.Bodies.obj;

/**
 * The authorization table of provider settlements. The settlement belongs to the PROVIDER caller's provider; it is
 * issued with one usage line directly through the command bus, which is all a table of rights needs. Settling
 * rows name a month nobody has anything in, so the allowed callers get a refusal that is no 401 or 403.
 * See {@link EndpointMatrix}.
 */
class SettlementAuthorizationTest extends EndpointMatrix {

    @Autowired
    private CommandGateway commandGateway;

    private String settlementId;

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                only("POST", "/api/v1/settlements", () -> obj("period", "2018-01"), FINANCE, STAFF),
                only("POST", "/api/v1/providers/{providerId}/settlements", () -> obj("period", "2018-01"),
                        FINANCE, STAFF),
                only("GET", "/api/v1/settlements", null, FINANCE, STAFF, PROVIDER),
                only("GET", "/api/v1/settlements/costs", null, FINANCE, STAFF),
                only("GET", "/api/v1/settlements/{id}", null, FINANCE, STAFF, PROVIDER),
                only("GET", "/api/v1/settlements/{id}/statement.csv", null, FINANCE, STAFF, PROVIDER),
                only("GET", "/api/v1/settlements/{id}/statement.pdf", null, FINANCE, STAFF, PROVIDER),
                only("GET", "/api/v1/settlements/{id}/history", null, FINANCE, STAFF),
                only("POST", "/api/v1/settlements/{id}/payments", () -> obj("amount", "0.01", "currency", "EUR",
                        "paidOn", today().toString(), "reference", "matrix"), FINANCE, STAFF),
                only("POST", "/api/v1/settlements/{id}/reversal", () -> obj("reason", "matrix"), FINANCE, STAFF));
    }

    @Override
    protected void prepare() {
        SettlementId id = SettlementId.random();
        commandGateway.sendAndWait(new IssueProviderSettlementCommand(id, ProviderId.of(providerId), "Matrix",
                YearMonth.of(2018, 2), Money.EUR, List.of(new SettlementLine(1, CostKind.USAGE, "Matrix usage",
                        null, null, BigDecimal.TEN, "WALL_HOUR", Money.euros("0.10"), Money.euros("1.00"), null))));
        settlementId = id.toString();
    }

    @Override
    protected String resolve(String path) {
        if (path.equals("/api/v1/settlements/costs")) {
            return path + "?from=2018-01&until=2018-02";
        }
        return path.replace("{id}", settlementId).replace("{providerId}", providerId);
    }
}
