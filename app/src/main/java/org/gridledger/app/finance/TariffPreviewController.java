package org.gridledger.app.finance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffPreviewQueries.PreviewTariffChangeQuery;
import org.gridledger.domain.finance.TariffPreviewQueries.TariffPreviewView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * The tariff preview: finance and staff see what a proposed tariff change would have charged over ended months, per
 * community, resource and unit, next to what the tariffs in force charge. Nothing is stored; the change is made with
 * {@code POST /api/v1/tariffs} or {@code POST /api/v1/tariffs/{id}/prices}.
 */
@RestController
@RequestMapping("/api/v1/tariffs/preview")
@Tag(name = "Tariffs")
class TariffPreviewController {

    /**
     * A new price of an existing tariff ({@code tariffId}), or a new tariff ({@code providerId}, {@code unit},
     * optional {@code resourceId} and {@code communityId}), re-rated over {@code from}..{@code until} (yyyy-MM).
     */
    record PreviewRequest(@NotNull YearMonth from, @NotNull YearMonth until, TariffId tariffId, ProviderId providerId,
                          UUID resourceId, CommunityId communityId, Unit unit, String currency,
                          @NotNull BigDecimal price, @NotNull LocalDate effectiveFrom, LocalDate effectiveUntil) {
    }

    private final Queries queries;
    private final FinanceProperties finance;

    TariffPreviewController(Queries queries, FinanceProperties finance) {
        this.queries = queries;
        this.finance = finance;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Preview a tariff change: the provider's usage of ended months re-rated with a new price of "
            + "a tariff (tariffId) or a new tariff or agreement, per community, resource and unit: current, proposed, "
            + "difference and totals; nothing is stored")
    TariffPreviewView preview(@Valid @RequestBody PreviewRequest request) {
        return queries.ask(new PreviewTariffChangeQuery(request.from(), request.until(), request.tariffId(),
                request.providerId(), request.resourceId(), request.communityId(), request.unit(),
                new Money(request.price(), finance.currencyOr(request.currency())), request.effectiveFrom(),
                request.effectiveUntil()), TariffPreviewView.class);
    }
}
