package org.gridledger.reporting.billing;

import org.gridledger.accounting.rating.CreditReference;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.gridledger.testing.EmbeddedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The outstanding service credits of earlier months, on the embedded PostgreSQL: credit entries as the ticket
 * projection writes them, invoices and their lines as the invoice projection does, and the billing runs' bills.
 */
class LateCreditsTest {

    private static final YearMonth MAY = YearMonth.of(2019, 5);
    private static final YearMonth JUNE = YearMonth.of(2019, 6);
    private static final YearMonth JULY = YearMonth.of(2019, 7);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final AtomicLong RUNS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final LateCredits lateCredits = new LateCredits(jdbc);
    private CommunityId community;
    private SupportPackageId pkg;

    @BeforeEach
    void aCommunityAndAPackage() {
        community = CommunityId.random();
        pkg = SupportPackageId.random();
    }

    @Test
    void a_credit_recorded_after_its_month_was_billed_is_outstanding_with_its_breaches() {
        billed(MAY, "ISSUE", false);
        entry("CREDIT", MAY, "6.25", "EUR");

        assertThat(outstanding(JUNE))
                .containsExactly(new LateCredits.Outstanding(MAY, pkg, 1, Money.euros("6.25")));
    }

    @Test
    void an_earlier_months_credit_carries_the_vat_rate_its_month_was_invoiced_at_and_the_own_month_none() {
        billed(MAY, "ISSUE", false);
        entry("CREDIT", MAY, "6.25", "EUR");
        entry("CREDIT", JUNE, "6.25", "EUR");

        assertThat(lateCredits.outstanding(community, JUNE, EUR))
                .extracting(LateCredits.Outstanding::month, o -> o.vatRate() == null ? null
                        : o.vatRate().stripTrailingZeros().toPlainString())
                .containsExactly(tuple(MAY, "0.19"), tuple(JUNE, null));
    }

    @Test
    void a_credit_an_invoice_credited_whole_is_settled_and_one_credited_in_part_keeps_the_rest_outstanding() {
        billed(MAY, "ISSUE", false);
        entry("CREDIT", MAY, "6.25", "EUR");
        SupportPackageId other = SupportPackageId.random();
        entry("CREDIT", MAY, "12.50", "EUR", other);
        invoiceLine(MAY, "CREDIT", "-6.25", CreditReference.of(MAY, pkg));
        invoiceLine(MAY, "CREDIT", "-10.00", CreditReference.of(MAY, other));

        assertThat(outstanding(JUNE))
                .containsExactly(new LateCredits.Outstanding(MAY, other, 1, Money.euros("2.50")));
    }

    @Test
    void a_credit_reversed_after_an_invoice_credited_it_is_outstanding_negative() {
        billed(MAY, "ISSUE", false);
        entry("CREDIT", MAY, "6.25", "EUR");
        entry("CREDIT_REVERSAL", MAY, "-6.25", "EUR");
        invoiceLine(MAY, "CREDIT", "-6.25", CreditReference.of(MAY, pkg));

        assertThat(outstanding(JUNE))
                .containsExactly(new LateCredits.Outstanding(MAY, pkg, 0, Money.euros("-6.25")));
    }

    @Test
    void a_withdrawal_on_a_later_invoice_settles_the_reversal() {
        billed(MAY, "ISSUE", false);
        entry("CREDIT", MAY, "6.25", "EUR");
        entry("CREDIT_REVERSAL", MAY, "-6.25", "EUR");
        invoiceLine(MAY, "CREDIT", "-6.25", CreditReference.of(MAY, pkg));
        invoiceLine(JUNE, "ADJUSTMENT", "6.25", CreditReference.of(MAY, pkg));

        assertThat(outstanding(JULY)).isEmpty();
    }

    @Test
    void a_month_not_billed_by_an_issuing_run_is_left_to_its_own_run_and_later_months_to_theirs() {
        billed(MAY, "DRY_RUN", false);
        entry("CREDIT", MAY, "6.25", "EUR");
        entry("CREDIT", JULY, "6.25", "EUR");

        assertThat(outstanding(JUNE)).isEmpty();
    }

    @Test
    void the_invoices_own_month_is_its_credits_less_what_an_issued_invoice_credited_for_it_already() {
        entry("CREDIT", JUNE, "6.25", "EUR");
        entry("CREDIT", JUNE, "6.25", "EUR");
        assertThat(outstanding(JUNE))
                .containsExactly(new LateCredits.Outstanding(JUNE, pkg, 2, Money.euros("12.50")));

        // staff credited part of June on a goodwill invoice drafted under the credit's reference
        invoiceLine(MAY, "CREDIT", "-5.00", CreditReference.of(JUNE, pkg));

        assertThat(outstanding(JUNE))
                .containsExactly(new LateCredits.Outstanding(JUNE, pkg, 2, Money.euros("7.50")));
    }

    @Test
    void a_month_whose_run_issued_credit_lines_without_a_reference_was_credited_whole_then() {
        billed(MAY, "ISSUE", true);
        entry("CREDIT", MAY, "6.25", "EUR");

        assertThat(outstanding(JUNE)).isEmpty();
    }

    @Test
    void credits_in_another_currency_and_lines_with_other_references_are_not_counted() {
        billed(MAY, "ISSUE", false);
        entry("CREDIT", MAY, "6.25", "USD");
        invoiceLine(MAY, "CREDIT", "-1.00", "service-credit 2019-05 goodwill");
        invoiceLine(MAY, "CREDIT", "-1.00", "service-credit 2019-13 " + pkg.value());
        invoiceLine(MAY, "ADJUSTMENT", "-1.00", "late-usage 2019-05 " + UUID.randomUUID() + " HS06_HOUR 1");

        assertThat(outstanding(JUNE)).isEmpty();
    }

    /** What is outstanding for the invoice of {@code period}, without the VAT rates (see the test of those). */
    private List<LateCredits.Outstanding> outstanding(YearMonth period) {
        return lateCredits.outstanding(community, period, EUR).stream()
                .map(o -> new LateCredits.Outstanding(o.month(), o.packageId(), o.breaches(), o.amount()))
                .toList();
    }

    private void entry(String entry, YearMonth month, String amount, String currency) {
        entry(entry, month, amount, currency, pkg);
    }

    private void entry(String entry, YearMonth month, String amount, String currency, SupportPackageId packageId) {
        jdbc.sql("""
                        insert into service_credit_entry (ticket_id, kind, entry, community_id, package_id, provider_id,
                            credit_month, amount, currency)
                        values (:ticket, 'RESPONSE', :entry, :community, :package, null, :month, :amount, :currency)""")
                .param("ticket", UUID.randomUUID()).param("entry", entry).param("community", community.value())
                .param("package", packageId.value()).param("month", Date.valueOf(month.atDay(1)))
                .param("amount", new BigDecimal(amount)).param("currency", currency)
                .update();
    }

    /** An issuing (or dry) run's bill of the community for {@code month}; a legacy one has an unreferenced credit. */
    private void billed(YearMonth month, String mode, boolean legacyCredit) {
        long run = RUNS.incrementAndGet();
        jdbc.sql("insert into batch_job_instance (job_instance_id, version, job_name, job_key) values (:id, 0, :name,"
                + " :key)").param("id", run).param("name", "lateCreditsTest").param("key", Long.toString(run)).update();
        String lines = legacyCredit
                ? "[{\"kind\": \"FLAT_FEE\", \"reference\": null}, {\"kind\": \"SERVICE_CREDIT\", \"reference\": null}]"
                : "[{\"kind\": \"FLAT_FEE\", \"reference\": null}]";
        jdbc.sql("""
                        insert into billing_run_bill (run_id, community_id, period, mode, community_name, currency,
                            vat_rate, net_total, vat_total, gross_total, line_count, lines, outcome, recorded_at)
                        values (:run, :community, :period, :mode, 'Test', 'EUR', 0.19, 100, 19, 119, 1,
                            cast(:lines as jsonb), :outcome, :at)""")
                .param("run", run).param("community", community.value()).param("period", month.toString())
                .param("mode", mode).param("lines", lines)
                .param("outcome", "ISSUE".equals(mode) ? "ISSUED" : "PREVIEWED")
                .param("at", Timestamp.from(Instant.now()))
                .update();
    }

    /** An issued invoice of the community for {@code period} with one line. */
    private void invoiceLine(YearMonth period, String kind, String net, String reference) {
        UUID invoice = UUID.randomUUID();
        jdbc.sql("""
                        insert into invoice (invoice_id, number, community_id, period, currency, status, drafted_on)
                        values (:id, :number, :community, :period, 'EUR', 'ISSUED', date '2019-07-01')""")
                .param("id", invoice).param("number", "T" + RUNS.incrementAndGet())
                .param("community", community.value()).param("period", period.toString())
                .update();
        jdbc.sql("""
                        insert into invoice_line (invoice_id, line_no, description, kind, quantity, unit, unit_price,
                            vat_rate, reference, net_amount, vat_amount)
                        values (:id, 1, 'line', :kind, 1, 'credit', :net, 0.19, :reference, :net, 0)""")
                .param("id", invoice).param("kind", kind).param("net", new BigDecimal(net))
                .param("reference", reference)
                .update();
    }
}
