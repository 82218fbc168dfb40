package org.gridledger.reporting.finance;

import org.gridledger.domain.finance.CreditNoteId;
import org.gridledger.domain.finance.GrantEvents.GrantInstalment;
import org.gridledger.domain.finance.GrantId;
import org.gridledger.domain.finance.GrantQueries.GrantView;
import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.InvoiceLineKind;
import org.gridledger.domain.finance.InvoiceQueries.CreditNoteView;
import org.gridledger.domain.finance.InvoiceQueries.PaymentView;
import org.gridledger.domain.finance.PaymentId;
import org.gridledger.domain.finance.ProviderCostQueries.CostKind;
import org.gridledger.domain.finance.ProviderCostQueries.ProviderCostRow;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.gridledger.domain.shared.Money.euros;

/**
 * Two communities over January to March 2026, figures chosen so that every total can be checked by hand.
 *
 * <ul>
 *   <li>MediGrid, A1 for 2026-01, issued 2026-02-02, due 2026-03-04: consulting 350.00 + usage 33.95 net, VAT 72.95,
 *   gross 456.90; credit note CN-2026-000001 on 2026-02-10 (net 100.00, gross 119.00); paid 200.00 on 2026-02-20.</li>
 *   <li>"HEP-Grid, e.V.", B1 for 2026-01, issued 2026-02-02, due 2026-03-04: training 1,000.00 net, gross 1,190.00;
 *   paid in full on 2026-03-01.</li>
 *   <li>MediGrid, A2 for 2026-02, issued 2026-03-02, due 2026-04-01: consulting 350.00 net, gross 416.50; unpaid.</li>
 *   <li>A grant of 500.00 a month from 2025-12 to 2026-03.</li>
 *   <li>Provider costs: 2026-01 consulting contract 200.004 and penalty −10.001 (one package), usage 30.005,
 *   training contract 800.00; 2026-02 consulting 200.00; 2026-03 training 800.00.</li>
 * </ul>
 */
public final class FinanceFixtures {

    public static final CommunityId MEDIGRID = new CommunityId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    public static final CommunityId HEPGRID = new CommunityId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    public static final SupportPackageId CONSULTING = new SupportPackageId(
            UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    public static final SupportPackageId TRAINING = new SupportPackageId(
            UUID.fromString("00000000-0000-0000-0000-0000000000c2"));
    public static final ProviderId GRIDKA = new ProviderId(UUID.fromString("00000000-0000-0000-0000-0000000000f1"));

    private FinanceFixtures() {
    }

    public static IssuedInvoice a1() {
        return new IssuedInvoice(InvoiceId.random(), "2026-000001", MEDIGRID, "MediGrid", YearMonth.of(2026, 1),
                LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 4), euros("383.95"), euros("72.95"),
                euros("456.90"),
                List.of(line(1, InvoiceLineKind.SUBSCRIPTION, PackageCategory.CONSULTING, "350.00", "66.50"),
                        line(2, InvoiceLineKind.USAGE, null, "33.95", "6.45")),
                List.of(new CreditNoteView(CreditNoteId.random(), "CN-2026-000001", LocalDate.of(2026, 2, 10),
                        new BigDecimal("0.19"), euros("100.00"), euros("19.00"), euros("119.00"), "outage, 2 days")),
                List.of(payment("200.00", LocalDate.of(2026, 2, 20), "SEPA 4711")));
    }

    public static IssuedInvoice b1() {
        return new IssuedInvoice(InvoiceId.random(), "2026-000002", HEPGRID, "HEP-Grid, e.V.", YearMonth.of(2026, 1),
                LocalDate.of(2026, 2, 2), LocalDate.of(2026, 3, 4), euros("1000.00"), euros("190.00"),
                euros("1190.00"),
                List.of(line(1, InvoiceLineKind.SUBSCRIPTION, PackageCategory.TRAINING, "1000.00", "190.00")),
                List.of(), List.of(payment("1190.00", LocalDate.of(2026, 3, 1), "SEPA 0815")));
    }

    public static IssuedInvoice a2() {
        return new IssuedInvoice(InvoiceId.random(), "2026-000003", MEDIGRID, "MediGrid", YearMonth.of(2026, 2),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1), euros("350.00"), euros("66.50"),
                euros("416.50"),
                List.of(line(1, InvoiceLineKind.SUBSCRIPTION, PackageCategory.CONSULTING, "350.00", "66.50")),
                List.of(), List.of());
    }

    public static List<IssuedInvoice> invoices() {
        return List.of(a1(), b1(), a2());
    }

    public static List<GrantView> grants() {
        List<GrantInstalment> schedule = List.of(
                new GrantInstalment(YearMonth.of(2025, 12), euros("500.00")),
                new GrantInstalment(YearMonth.of(2026, 1), euros("500.00")),
                new GrantInstalment(YearMonth.of(2026, 2), euros("500.00")),
                new GrantInstalment(YearMonth.of(2026, 3), euros("500.00")));
        return List.of(new GrantView(GrantId.random(), "BMBF", "01IG07001", euros("2000.00"), YearMonth.of(2025, 12),
                YearMonth.of(2026, 3), LocalDate.of(2026, 3, 31), LocalDate.of(2025, 11, 20),
                LocalDate.of(2025, 11, 20), schedule));
    }

    public static List<ProviderCostRow> costs() {
        YearMonth jan = YearMonth.of(2026, 1);
        return List.of(
                cost(jan, CONSULTING, PackageCategory.CONSULTING, CostKind.CONTRACT, "200.004"),
                cost(jan, CONSULTING, PackageCategory.CONSULTING, CostKind.PENALTY, "-10.001"),
                cost(jan, null, null, CostKind.USAGE, "30.005"),
                cost(jan, TRAINING, PackageCategory.TRAINING, CostKind.CONTRACT, "800.00"),
                cost(YearMonth.of(2026, 2), CONSULTING, PackageCategory.CONSULTING, CostKind.CONTRACT, "200.00"),
                cost(YearMonth.of(2026, 3), TRAINING, PackageCategory.TRAINING, CostKind.CONTRACT, "800.00"));
    }

    private static ProviderCostRow cost(YearMonth month, SupportPackageId packageId, PackageCategory category,
                                        CostKind kind, String amount) {
        return new ProviderCostRow(month, GRIDKA, "GridKa", packageId, category, kind, euros(amount));
    }

    private static InvoiceLine line(int no, InvoiceLineKind kind, PackageCategory category, String net, String vat) {
        return new InvoiceLine(no, "line " + no, kind, BigDecimal.ONE, null, euros(net), new BigDecimal("0.19"),
                category, null, euros(net), euros(vat));
    }

    private static PaymentView payment(String amount, LocalDate receivedOn, String reference) {
        return new PaymentView(PaymentId.random(), euros(amount), receivedOn, reference, receivedOn);
    }
}
