package org.gridledger.app.finance;

import org.gridledger.accounting.rating.ChargeKind;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.finance.InvoiceCommands.DraftInvoiceCommand;
import org.gridledger.domain.finance.InvoiceCommands.IssueInvoiceCommand;
import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.finance.InvoiceLineDraft;
import org.gridledger.domain.finance.InvoiceLineKind;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoiceQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoicesQuery;
import org.gridledger.domain.finance.InvoiceQueries.InvoicePageView;
import org.gridledger.domain.finance.InvoiceQueries.InvoiceView;
import org.gridledger.domain.finance.InvoiceStatus;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Pagination;
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
 * with the same rule as the bill.
 */
@Component
class BillingRunInvoicing implements Invoicing {

    static final String ACTOR = "billing-run";

    private final CommandSender commands;
    private final Queries queries;
    private final FinanceProperties finance;

    BillingRunInvoicing(CommandSender commands, Queries queries, FinanceProperties finance) {
        this.commands = commands;
        this.queries = queries;
        this.finance = finance;
    }

    @Override
    public boolean invoiced(CommunityId communityId, YearMonth period) {
        return queries.ask(new FindInvoicesQuery(null, true, communityId, period, InvoiceStatus.ISSUED, null,
                new Pagination(0, 1)), InvoicePageView.class).totalItems() > 0;
    }

    @Override
    public String issue(CommunityBill bill) {
        InvoiceId id = InvoiceId.random();
        List<InvoiceLineDraft> lines = bill.lines().stream().map(BillingRunInvoicing::line).toList();
        commands.sendAsSystem(new DraftInvoiceCommand(id, bill.community().communityId(), bill.period(),
                bill.community().currency(), lines), ACTOR);
        commands.sendAsSystem(new IssueInvoiceCommand(id, finance.paymentTermDays()), ACTOR);
        return queries.ask(new FindInvoiceQuery(id, null), InvoiceView.class).number();
    }

    /** Fees and overage are subscription lines of their package's category; a service credit is a credit line. */
    private static InvoiceLineDraft line(BillLine line) {
        boolean credit = line.kind() == ChargeKind.SERVICE_CREDIT;
        return new InvoiceLineDraft(line.description(), credit ? InvoiceLineKind.CREDIT : InvoiceLineKind.SUBSCRIPTION,
                line.quantity(), line.unit(), line.unitPrice(), line.vatRate(), credit ? null : line.category(),
                line.subscriptionId() == null ? line.kind().name() : line.subscriptionId() + " " + line.kind(),
                line.net());
    }
}
