package org.gridledger.app.finance;

import org.gridledger.accounting.invoice.InvoicePeriods;
import org.gridledger.accounting.rating.ChargeKind;
import org.gridledger.accounting.usage.UsageReadModel;
import org.gridledger.domain.accounting.UsageCommands.CloseUsageMonthCommand;
import org.gridledger.domain.accounting.UsageMonthId;
import org.gridledger.domain.error.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.finance.InvoiceCommands.DraftInvoiceCommand;
import org.gridledger.domain.finance.InvoiceCommands.IssueInvoiceCommand;
import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.finance.InvoiceLineDraft;
import org.gridledger.domain.finance.InvoiceLineKind;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoiceQuery;
import org.gridledger.domain.finance.InvoiceQueries.InvoiceView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.reporting.billing.BillLine;
import org.gridledger.reporting.billing.CommunityBill;
import org.gridledger.reporting.billing.Invoicing;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.List;

/**
 * Where an issuing billing run hands its bills: each bill becomes a drafted and then issued Invoice, through the
 * invoice commands, in the run's chunk transaction (Axon joins it), so a failed chunk rolls its invoices, numbers and
 * ledger entries back with its records. Fee and overage lines become subscription lines of their package's category,
 * service credits credit lines; each carries the rater's rounded net, and the invoice recomputes nothing but the VAT,
 * with the same rule as the bill. Usage charges become usage lines and late usage adjustment lines, each with the
 * bill line's usage reference, from which {@code billed_usage} reads what was charged (ADR 0023).
 */
@Component
class BillingRunInvoicing implements Invoicing {

    static final String ACTOR = "billing-run";
    private static final Logger LOG = LoggerFactory.getLogger(BillingRunInvoicing.class);

    private final CommandSender commands;
    private final Queries queries;
    private final FinanceProperties finance;
    private final UsageReadModel usage;
    private final InvoicePeriods periods;

    BillingRunInvoicing(CommandSender commands, Queries queries, FinanceProperties finance, UsageReadModel usage,
                        InvoicePeriods periods) {
        this.commands = commands;
        this.queries = queries;
        this.finance = finance;
        this.usage = usage;
        this.periods = periods;
    }

    /** Whether a billing run invoiced the community for the period; invoices drafted by hand do not count. */
    @Override
    public boolean invoiced(CommunityId communityId, YearMonth period) {
        return periods.claimed(communityId, period);
    }

    @Override
    public String issue(CommunityBill bill) {
        InvoiceId id = InvoiceId.random();
        List<InvoiceLineDraft> lines = bill.lines().stream().map(BillingRunInvoicing::line).toList();
        commands.sendAsSystem(new DraftInvoiceCommand(id, bill.community().communityId(), bill.period(),
                bill.community().currency(), lines), ACTOR);
        commands.sendAsSystem(new IssueInvoiceCommand(id, finance.paymentTermDays(), true), ACTOR);
        return queries.ask(new FindInvoiceQuery(id, null), InvoiceView.class).number();
    }

    /**
     * Closes the period's usage month unless it is closed already. A month that has not ended in UTC yet (the
     * organisation's month ends up to two hours earlier) cannot be closed; the run goes on and the month can be closed
     * through {@code POST /api/v1/usage/billed-periods} later.
     */
    @Override
    public void closeUsage(YearMonth period) {
        if (usage.closed(period)) {
            return;
        }
        try {
            commands.sendAsSystem(new CloseUsageMonthCommand(new UsageMonthId(period)), ACTOR);
        } catch (DomainException e) {
            LOG.warn("usage of {} stays open: {}", period, e.getMessage());
        }
    }

    /**
     * Fees and overage are subscription lines of their package's category; a service credit is a credit line and a
     * withdrawn one a (positive) adjustment, each with its credit reference (month and package); usage is a usage line
     * and late usage an adjustment, each with its usage reference.
     */
    private static InvoiceLineDraft line(BillLine line) {
        InvoiceLineKind referenced = switch (line.kind()) {
            case USAGE -> InvoiceLineKind.USAGE;
            case SERVICE_CREDIT -> InvoiceLineKind.CREDIT;
            case LATE_USAGE, SERVICE_CREDIT_WITHDRAWN -> InvoiceLineKind.ADJUSTMENT;
            default -> null;
        };
        if (referenced != null) {
            return new InvoiceLineDraft(line.description(), referenced, line.quantity(), line.unit(), line.unitPrice(),
                    line.vatRate(), null, line.reference(), line.net());
        }
        return new InvoiceLineDraft(line.description(), InvoiceLineKind.SUBSCRIPTION, line.quantity(), line.unit(),
                line.unitPrice(), line.vatRate(), line.category(),
                line.subscriptionId() == null ? line.kind().name() : line.subscriptionId() + " " + line.kind(),
                line.net());
    }
}
