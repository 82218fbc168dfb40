package org.gridledger.app.finance;

import org.gridledger.accounting.rating.UsageRating;
import org.gridledger.accounting.settlement.SettledPenalties;
import org.gridledger.accounting.settlement.SettlementComposer;
import org.gridledger.accounting.settlement.SettlementPolicy;
import org.gridledger.accounting.settlement.SettlementSources;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.SettlementCommands.IssueProviderSettlementCommand;
import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.finance.SettlementLine;
import org.gridledger.domain.finance.SettlementQueries.FindSettlementQuery;
import org.gridledger.domain.finance.SettlementQueries.FindSettlementsQuery;
import org.gridledger.domain.finance.SettlementQueries.SettlementPageView;
import org.gridledger.domain.finance.SettlementQueries.SettlementView;
import org.gridledger.domain.finance.SettlementStatus;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.shared.Pagination;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;

/**
 * Settles providers for a month: reads each provider's contracts and penalties from the portfolio and its cleared
 * usage from the usage rating, composes the lines ({@link SettlementComposer}) and issues them with one command per
 * provider, each composed and issued in one transaction under the provider's settlement lock. Settling one provider is strict (any refusal is the answer); settling every
 * provider goes on past a provider that has nothing to settle, is settled already or is refused, and reports why.
 */
@Component
public class ProviderSettlements {

    /** A provider the run did not settle, with the error code and detail of the refusal. */
    public record Skipped(ProviderId providerId, String providerName, ErrorCode errorCode, String detail) {
    }

    /**
     * The outcome of settling every provider for a month: the settlements issued, the providers skipped (settled
     * already, or refused) and how many providers had nothing to settle.
     */
    public record SettlementRunView(YearMonth period, List<SettlementView> settled, List<Skipped> skipped,
                             int nothingToSettle) {
    }

    private final SettlementSources sources;
    private final UsageRating usageRating;
    private final CommandSender commands;
    private final Queries queries;
    private final FinanceProperties finance;
    private final SettlementProperties settlement;
    private final Clock clock;
    private final SettledPenalties deducted;
    private final TransactionTemplate transactions;

    ProviderSettlements(SettlementSources sources, UsageRating usageRating, CommandSender commands, Queries queries,
                        FinanceProperties finance, SettlementProperties settlement, Clock clock,
                        SettledPenalties deducted, PlatformTransactionManager transactionManager) {
        this.sources = sources;
        this.usageRating = usageRating;
        this.commands = commands;
        this.queries = queries;
        this.finance = finance;
        this.settlement = settlement;
        this.clock = clock;
        this.deducted = deducted;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Issues the provider's settlement of {@code period}; refused when there is nothing to settle. */
    public SettlementView settle(ProviderId providerId, YearMonth period) {
        String name = sources.providerName(providerId).orElseThrow(() ->
                DomainException.of(ErrorCode.PROVIDER_NOT_FOUND, "no provider %s", providerId));
        SettlementPolicy.requireEnded(period, clock);
        return issue(providerId, name, period, commands::send);
    }

    /** Settles every registered provider that has something to settle for {@code period}, for the current principal. */
    public SettlementRunView settleAll(YearMonth period) {
        commands.requireValidAuditHeaders();
        return settleAll(period, commands::send);
    }

    /** Settles every provider as the system (a scheduler, the demo loader), outside any request. */
    public SettlementRunView settleAllAsSystem(YearMonth period, String actor) {
        return settleAll(period, command -> commands.sendAsSystem(command, actor));
    }

    private SettlementRunView settleAll(YearMonth period, Consumer<Object> sender) {
        SettlementPolicy.requireEnded(period, clock);
        List<SettlementView> settled = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int nothing = 0;
        for (ProviderId providerId : sources.providers()) {
            String name = sources.providerName(providerId).orElse(providerId.toString());
            if (settledAlready(providerId, period)) {
                skipped.add(new Skipped(providerId, name, ErrorCode.SETTLEMENT_PERIOD_TAKEN,
                        "settled for " + period + " already"));
                continue;
            }
            try {
                settled.add(issue(providerId, name, period, sender));
            } catch (DomainException e) {
                if (e.code() == ErrorCode.SETTLEMENT_NOTHING_TO_SETTLE) {
                    nothing++;
                    continue;
                }
                skipped.add(new Skipped(providerId, name, e.code(), e.getMessage()));
            }
        }
        return new SettlementRunView(period, settled, skipped, nothing);
    }

    /**
     * Composes and issues in one transaction that holds the provider's settlement lock: a settlement of another month
     * issued at the same time could otherwise deduct the same late penalty again (ADR 0031).
     */
    private SettlementView issue(ProviderId providerId, String name, YearMonth period, Consumer<Object> sender) {
        return transactions.execute(status -> {
            deducted.lockProvider(providerId);
            return compose(providerId, name, period, sender);
        });
    }

    private SettlementView compose(ProviderId providerId, String name, YearMonth period, Consumer<Object> sender) {
        Currency currency = finance.currencyOr(null);
        List<SettlementLine> lines = SettlementComposer.compose(period, currency,
                sources.contracts(providerId, period), sources.penalties(providerId, period),
                usageRating.forProvider(providerId, period), settlement.clearingCommission(),
                sources::communityName);
        if (lines.isEmpty()) {
            throw DomainException.of(ErrorCode.SETTLEMENT_NOTHING_TO_SETTLE,
                    "provider %s had no contract, penalty or cleared usage in %s", name, period);
        }
        SettlementId id = SettlementId.random();
        sender.accept(new IssueProviderSettlementCommand(id, providerId, name, period, currency, lines));
        return queries.ask(new FindSettlementQuery(id), SettlementView.class);
    }

    private boolean settledAlready(ProviderId providerId, YearMonth period) {
        return queries.ask(new FindSettlementsQuery(null, providerId, period, SettlementStatus.ISSUED,
                new Pagination(0, 1)), SettlementPageView.class).totalItems() > 0;
    }
}
