package org.gridledger.app.finance;

import org.gridledger.app.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funding projection's last recorded month: the latest invoiced month up to a bound, so that an invoice for a
 * later month (a prepayment drafted by hand) does not make the months before it count as billed.
 */
class LatestInvoicedPeriodTest extends ApiTestBase {

    @Autowired
    private QueryFinanceReportSources sources;

    @Test
    void an_invoice_for_a_later_month_is_not_the_latest_invoiced_month_up_to_an_earlier_bound() {
        String community = registerCommunity(unique("PrepaidGrid"));
        YearMonth billed = YearMonth.of(2091, 1);
        YearMonth prepaid = YearMonth.of(2091, 3);
        for (YearMonth period : new YearMonth[]{billed, prepaid}) {
            String draft = staff().post("/api/v1/invoices", FinanceBodies.invoice(community, period)).location();
            assertSuccess(staff().post(draft + "/issue", null));
        }

        assertThat(sources.latestInvoicedPeriod(prepaid)).contains(prepaid);
        assertThat(sources.latestInvoicedPeriod(prepaid.minusMonths(1))).contains(billed);
        assertThat(sources.latestInvoicedPeriod(YearMonth.of(1990, 1))).isEmpty();
    }
}
