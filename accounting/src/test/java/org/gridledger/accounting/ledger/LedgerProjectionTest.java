package org.gridledger.accounting.ledger;

import org.gridledger.domain.finance.CreditNoteId;
import org.gridledger.domain.finance.GrantEvents.GrantInstalment;
import org.gridledger.domain.finance.GrantEvents.GrantRecordedEvent;
import org.gridledger.domain.finance.GrantId;
import org.gridledger.domain.finance.InvoiceEvents.CreditNoteIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.PaymentRecordedEvent;
import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.InvoiceLineKind;
import org.gridledger.domain.finance.LedgerQueries.FindJournalQuery;
import org.gridledger.domain.finance.LedgerQueries.FindTrialBalanceQuery;
import org.gridledger.domain.finance.LedgerQueries.JournalLineView;
import org.gridledger.domain.finance.LedgerQueries.TrialBalanceRow;
import org.gridledger.domain.finance.LedgerQueries.TrialBalanceTotal;
import org.gridledger.domain.finance.LedgerQueries.TrialBalanceView;
import org.gridledger.domain.finance.PaymentId;
import org.gridledger.domain.finance.SettlementEvents.ProviderPaymentRecordedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementIssuedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementReversedEvent;
import org.gridledger.domain.finance.SettlementId;
import org.gridledger.domain.finance.SettlementPaymentId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.shared.Money;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.domain.shared.Money.EUR;

/**
 * Ledger scenarios on PostgreSQL with amounts to the cent: after every scenario, and after replaying it, the trial
 * balance's debits equal its credits.
 */
class LedgerProjectionTest {

    private static final CommunityId MEDIGRID = CommunityId.random();
    private static final InvoiceId INVOICE = InvoiceId.random();
    private static final LocalDate NOV_26 = LocalDate.of(2026, 11, 26);
    private static final Instant POSTED = Instant.parse("2026-11-26T10:00:00Z");
    private static final BigDecimal VAT_19 = new BigDecimal("0.19");

    private final LedgerProjection projection = new LedgerProjection(JdbcClient.create(EmbeddedDatabase.dataSource()));

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("ledger_line", "ledger_entry");
    }

    @AfterEach
    void theBooksBalance() {
        assertBalanced(projection.handle(new FindTrialBalanceQuery(LocalDate.of(2099, 1, 1))));
    }

    @Test
    void anIssuedInvoiceDebitsTheCommunityAndCreditsRevenuePerCategoryUsageAndVat() {
        issue();

        Map<String, TrialBalanceRow> rows = rows(NOV_26);
        assertThat(rows.get("1200/" + MEDIGRID).balance()).isEqualTo(Money.euros("552.10"));
        assertThat(rows.get("4100/CONSULTING").balance()).isEqualTo(Money.euros("-350.00"));
        assertThat(rows.get("4100/TRAINING").balance()).isEqualTo(Money.euros("-120.00"));
        assertThat(rows.get("4200/").balance()).isEqualTo(Money.euros("-13.95"));
        assertThat(rows.get("4300/").balance()).isEqualTo(Money.euros("20.00"));
        assertThat(rows.get("2100/").balance()).isEqualTo(Money.euros("-88.15"));
        assertThat(rows).hasSize(6);
    }

    @Test
    void aCreditNoteAndPaymentsSettleTheReceivableAndAnOverpaymentLeavesACredit() {
        issue();
        projection.on(new CreditNoteIssuedEvent(INVOICE, CreditNoteId.random(), "CN-2026-000001", "2026-000001",
                MEDIGRID, NOV_26, VAT_19, Money.euros("100.00"), Money.euros("19.00"), Money.euros("119.00"),
                "outage"), "credit-1", POSTED);
        projection.on(payment("400.00", NOV_26.plusDays(2)), "payment-1", POSTED);

        Map<String, TrialBalanceRow> rows = rows(NOV_26.plusDays(2));
        assertThat(rows.get("1200/" + MEDIGRID).balance()).isEqualTo(Money.euros("33.10"));
        assertThat(rows.get("4900/").balance()).isEqualTo(Money.euros("100.00"));
        assertThat(rows.get("2100/").balance()).isEqualTo(Money.euros("-69.15"));
        assertThat(rows.get("1000/").balance()).isEqualTo(Money.euros("400.00"));

        projection.on(payment("60.00", NOV_26.plusDays(3)), "payment-2", POSTED);
        assertThat(rows(NOV_26.plusDays(3)).get("1200/" + MEDIGRID).balance()).isEqualTo(Money.euros("-26.90"));
        assertThat(rows(NOV_26.plusDays(2)).get("1200/" + MEDIGRID).balance())
                .as("as of the day before the second payment").isEqualTo(Money.euros("33.10"));
    }

    @Test
    void aGrantIsDeferredOnReceiptAndReleasedMonthByMonth() {
        GrantId grant = GrantId.random();
        YearMonth jan = YearMonth.of(2026, 1);
        List<GrantInstalment> schedule = new java.util.ArrayList<>();
        for (int i = 0; i < 11; i++) {
            schedule.add(new GrantInstalment(jan.plusMonths(i), Money.euros("8333.33")));
        }
        schedule.add(new GrantInstalment(YearMonth.of(2026, 12), Money.euros("8333.37")));
        projection.on(new GrantRecordedEvent(grant, "BMBF", "01IG07001", Money.euros("100000.00"), jan,
                YearMonth.of(2026, 12), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 1, 15), schedule,
                LocalDate.of(2026, 1, 16)), "grant-1", POSTED);

        Map<String, TrialBalanceRow> march = rows(LocalDate.of(2026, 3, 31));
        assertThat(march.get("1000/").balance()).isEqualTo(Money.euros("100000.00"));
        assertThat(march.get("2500/" + grant).balance()).isEqualTo(Money.euros("-75000.01"));
        assertThat(march.get("4800/").balance()).isEqualTo(Money.euros("-24999.99"));
        Map<String, TrialBalanceRow> end = rows(LocalDate.of(2026, 12, 31));
        assertThat(end.get("2500/" + grant).balance()).isEqualTo(Money.euros("0.00"));
        assertThat(end.get("4800/").balance()).isEqualTo(Money.euros("-100000.00"));
        assertBalanced(projection.handle(new FindTrialBalanceQuery(LocalDate.of(2026, 3, 31))));
    }

    @Test
    void aReplayWritesTheSameEntriesOnce() {
        issue();
        projection.on(payment("552.10", NOV_26), "payment-1", POSTED);
        List<JournalLineView> before = journal();

        EmbeddedDatabase.inTransaction(projection::reset);
        issue();
        projection.on(payment("552.10", NOV_26), "payment-1", POSTED);
        projection.on(payment("552.10", NOV_26), "payment-1", POSTED);

        assertThat(journal()).isEqualTo(before);
        assertThat(rows(NOV_26).get("1200/" + MEDIGRID).balance()).isEqualTo(Money.euros("0.00"));
    }

    @Test
    void theJournalListsEveryLineOfThePeriodWithDebitOrCredit() {
        issue();
        projection.on(payment("100.00", NOV_26.plusDays(10)), "payment-1", POSTED);

        List<JournalLineView> november = journal();
        assertThat(november).hasSize(6);
        assertThat(november).allSatisfy(line -> assertThat(line.debit().isZero() ^ line.credit().isZero()).isTrue());
        assertThat(november.get(0).description()).isEqualTo("Invoice 2026-000001 for 2026-11");
        assertThat(projection.handle(new FindJournalQuery(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1))).lines())
                .extracting(JournalLineView::account).containsExactly("1000", "1200");
        assertThatThrownBy(() -> projection.handle(new FindJournalQuery(NOV_26, NOV_26)))
                .hasMessageContaining("journal");
    }

    /**
     * Consulting 350.00 and training 120.00 subscriptions, 13.95 usage, a 20.00 credit line: net 463.95, VAT 88.15
     * (66.50 + 22.80 + 2.65 − 3.80, each rounded per line), gross 552.10.
     */
    private void issue() {
        List<InvoiceLine> lines = List.of(
                line(1, InvoiceLineKind.SUBSCRIPTION, PackageCategory.CONSULTING, "350.00", "66.50"),
                line(2, InvoiceLineKind.SUBSCRIPTION, PackageCategory.TRAINING, "120.00", "22.80"),
                line(3, InvoiceLineKind.USAGE, null, "13.95", "2.65"),
                line(4, InvoiceLineKind.CREDIT, null, "-20.00", "-3.80"));
        projection.on(new InvoiceIssuedEvent(INVOICE, "2026-000001", MEDIGRID, YearMonth.of(2026, 11), EUR, NOV_26,
                NOV_26.plusDays(30), lines, Money.euros("463.95"), Money.euros("88.15"), Money.euros("552.10")),
                "invoice-1", POSTED);
    }

    private static InvoiceLine line(int no, InvoiceLineKind kind, PackageCategory category, String net, String vat) {
        return new InvoiceLine(no, "line " + no, kind, BigDecimal.ONE, kind == InvoiceLineKind.USAGE ? "HS06_HOUR" : null,
                Money.euros(net), VAT_19, category, null, Money.euros(net), Money.euros(vat));
    }

    private static PaymentRecordedEvent payment(String amount, LocalDate on) {
        return new PaymentRecordedEvent(INVOICE, PaymentId.random(), MEDIGRID, Money.euros(amount), on, "SEPA", on);
    }

    @Test
    void aSettlementBooksProviderCostsAgainstItsPayableWhichAPaymentAndAReversalClear() {
        ProviderId gridka = ProviderId.random();
        SettlementId paid = SettlementId.random();
        SettlementId reversed = SettlementId.random();
        projection.on(new ProviderSettlementIssuedEvent(paid, "S2026-000001", gridka, "GridKa",
                YearMonth.of(2026, 10), EUR, NOV_26, List.of(), Money.euros("746.41")), "settlement-1", POSTED);
        projection.on(new ProviderPaymentRecordedEvent(paid, SettlementPaymentId.random(), gridka,
                Money.euros("700.00"), NOV_26, "TX-1", NOV_26), "provider-payment-1", POSTED);
        projection.on(new ProviderSettlementIssuedEvent(reversed, "S2026-000002", gridka, "GridKa",
                YearMonth.of(2026, 9), EUR, NOV_26, List.of(), Money.euros("100.00")), "settlement-2", POSTED);
        projection.on(new ProviderSettlementReversedEvent(reversed, "S2026-000002", gridka, YearMonth.of(2026, 9),
                Money.euros("100.00"), NOV_26.plusDays(1), "wrong month"), "reversal-2", POSTED);
        projection.on(new ProviderPaymentRecordedEvent(paid, SettlementPaymentId.random(), gridka,
                Money.euros("700.00"), NOV_26, "TX-1", NOV_26), "provider-payment-1", POSTED);

        Map<String, TrialBalanceRow> onIssue = rows(NOV_26);
        assertThat(onIssue.get("5000/" + gridka).balance()).isEqualTo(Money.euros("846.41"));
        assertThat(onIssue.get("2200/" + gridka).balance()).isEqualTo(Money.euros("-146.41"));
        assertThat(onIssue.get("1000/").balance()).isEqualTo(Money.euros("-700.00"));
        Map<String, TrialBalanceRow> afterReversal = rows(NOV_26.plusDays(1));
        assertThat(afterReversal.get("5000/" + gridka).balance()).isEqualTo(Money.euros("746.41"));
        assertThat(afterReversal.get("2200/" + gridka).balance()).isEqualTo(Money.euros("-46.41"));
    }

    private Map<String, TrialBalanceRow> rows(LocalDate asOf) {
        TrialBalanceView view = projection.handle(new FindTrialBalanceQuery(asOf));
        assertBalanced(view);
        return view.rows().stream().collect(Collectors.toMap(r -> r.account() + "/" + r.subaccount(), r -> r));
    }

    private List<JournalLineView> journal() {
        return projection.handle(new FindJournalQuery(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1))).lines();
    }

    static void assertBalanced(TrialBalanceView view) {
        for (TrialBalanceTotal total : view.totals()) {
            assertThat(total.debit()).as("Σ debit = Σ credit in %s", total.currency()).isEqualTo(total.credit());
        }
        assertThat(view.rows().stream().map(TrialBalanceRow::balance).reduce(Money.zero(EUR), Money::plus))
                .isEqualTo(Money.zero(EUR));
    }
}
