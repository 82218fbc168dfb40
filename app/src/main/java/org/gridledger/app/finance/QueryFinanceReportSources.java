package org.gridledger.app.finance;

import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.finance.GrantQueries.FindGrantsQuery;
import org.gridledger.domain.finance.GrantQueries.GrantView;
import org.gridledger.domain.finance.GrantQueries.GrantsView;
import org.gridledger.domain.finance.InvoiceQueries.CreditNotesView;
import org.gridledger.domain.finance.InvoiceQueries.FindCreditNotesQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoiceLinesQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoicePaymentsQuery;
import org.gridledger.domain.finance.InvoiceQueries.FindInvoicesQuery;
import org.gridledger.domain.finance.InvoiceQueries.InvoiceLinesView;
import org.gridledger.domain.finance.InvoiceQueries.InvoicePageView;
import org.gridledger.domain.finance.InvoiceQueries.InvoiceView;
import org.gridledger.domain.finance.InvoiceQueries.PaymentsView;
import org.gridledger.domain.finance.InvoiceStatus;
import org.gridledger.domain.finance.ProviderCostQueries.FindProviderCostsQuery;
import org.gridledger.domain.finance.ProviderCostQueries.ProviderCostRow;
import org.gridledger.domain.finance.ProviderCostQueries.ProviderCostsView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.reporting.finance.FinanceReportSources;
import org.gridledger.reporting.finance.IssuedInvoice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The finance reports' sources, read through the published queries: invoices page by page with each one's lines,
 * credit notes and payments, community names, grants, and the provider costs of the settlement read model.
 */
@Component
class QueryFinanceReportSources implements FinanceReportSources {

    private final Queries queries;
    private final JdbcClient jdbc;

    QueryFinanceReportSources(Queries queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    @Override
    public List<IssuedInvoice> invoicesForPeriods(YearMonth from, YearMonth until) {
        Map<CommunityId, String> names = new HashMap<>();
        List<IssuedInvoice> invoices = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(until); month = month.plusMonths(1)) {
            YearMonth period = month;
            for (InvoiceView view : allPages(page -> new FindInvoicesQuery(null, true, null, period,
                    InvoiceStatus.ISSUED, null, page))) {
                invoices.add(complete(view, names.computeIfAbsent(view.communityId(), this::communityName)));
            }
        }
        return invoices;
    }

    @Override
    public List<IssuedInvoice> invoicesOf(CommunityId communityId) {
        String name = communityName(communityId);
        return allPages(page -> new FindInvoicesQuery(null, true, communityId, null, InvoiceStatus.ISSUED, null,
                page)).stream().map(view -> complete(view, name)).toList();
    }

    @Override
    public String communityName(CommunityId communityId) {
        return queries.ask(new FindCommunityQuery(communityId), CommunityView.class).name();
    }

    @Override
    public Optional<YearMonth> latestInvoicedPeriod(YearMonth notAfter) {
        return jdbc.sql("select max(period) from invoice where status = 'ISSUED' and period <= :notAfter")
                .param("notAfter", notAfter.toString())
                .query((rs, n) -> rs.getString(1)).list().stream()
                .filter(java.util.Objects::nonNull).map(YearMonth::parse).findFirst();
    }

    @Override
    public List<GrantView> grants() {
        return queries.ask(new FindGrantsQuery(), GrantsView.class).grants();
    }

    @Override
    public List<ProviderCostRow> providerCosts(YearMonth from, YearMonth until) {
        return queries.ask(new FindProviderCostsQuery(from, until), ProviderCostsView.class).rows();
    }

    private List<InvoiceView> allPages(Function<Pagination, Object> pageQuery) {
        List<InvoiceView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            InvoicePageView view = queries.ask(pageQuery.apply(new Pagination(page, Pagination.MAX_SIZE)),
                    InvoicePageView.class);
            all.addAll(view.items());
            if (view.items().size() < Pagination.MAX_SIZE || all.size() >= view.totalItems()) {
                return all;
            }
        }
    }

    private IssuedInvoice complete(InvoiceView view, String communityName) {
        return new IssuedInvoice(view.invoiceId(), view.number(), view.communityId(), communityName, view.period(),
                view.issuedOn(), view.dueOn(), view.netTotal(), view.vatTotal(), view.grossTotal(),
                queries.ask(new FindInvoiceLinesQuery(view.invoiceId()), InvoiceLinesView.class).lines(),
                queries.ask(new FindCreditNotesQuery(view.invoiceId()), CreditNotesView.class).creditNotes(),
                queries.ask(new FindInvoicePaymentsQuery(view.invoiceId()), PaymentsView.class).payments());
    }
}
