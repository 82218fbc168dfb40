package org.gridledger.accounting.invoice;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.CreditNoteId;
import org.gridledger.domain.finance.InvoiceCommands.AddInvoiceLinesCommand;
import org.gridledger.domain.finance.InvoiceCommands.DraftInvoiceCommand;
import org.gridledger.domain.finance.InvoiceCommands.IssueCreditNoteCommand;
import org.gridledger.domain.finance.InvoiceCommands.IssueInvoiceCommand;
import org.gridledger.domain.finance.InvoiceCommands.RecordPaymentCommand;
import org.gridledger.domain.finance.InvoiceEvents.CreditNoteIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceDraftedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceLinesAddedEvent;
import org.gridledger.domain.finance.InvoiceEvents.PaymentRecordedEvent;
import org.gridledger.domain.finance.InvoiceId;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.InvoiceLineDraft;
import org.gridledger.domain.finance.InvoiceLineKind;
import org.gridledger.domain.finance.PaymentId;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.shared.Money;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import static org.gridledger.accounting.invoice.InvoiceSamples.VAT_19;
import static org.gridledger.accounting.invoice.InvoiceSamples.priced;
import static org.gridledger.accounting.invoice.InvoiceSamples.subscription;
import static org.gridledger.accounting.invoice.InvoiceSamples.usage;
import static org.gridledger.domain.shared.Money.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.testing.FixedClocks.TODAY;
import static org.gridledger.testing.Rejections.rejectedWith;

/** Drafting, issuing (numbers, period rule, immutability), credit notes and payments of an invoice. */
class InvoiceTest {

    private static final InvoiceId ID = InvoiceId.random();
    private static final CommunityId MEDIGRID = CommunityId.random();
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private FixtureConfiguration<Invoice> fixture;
    private InMemoryInvoiceRules rules;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        rules = new InMemoryInvoiceRules();
        fixture.registerInjectableResource(FixedClocks.now());
        fixture.registerInjectableResource(rules);
    }

    @Test
    void draftingPricesEveryLineRoundedHalfEvenToCents() {
        fixture.givenNoPriorActivity()
                .when(new DraftInvoiceCommand(ID, MEDIGRID, NOVEMBER, EUR, List.of(subscription(), usage())))
                .expectEvents(drafted());
    }

    @Test
    void anExactHalfCentRoundsToTheEvenCent() {
        InvoiceLineDraft half = new InvoiceLineDraft("Half cent", InvoiceLineKind.ADJUSTMENT, BigDecimal.ONE, null,
                Money.euros("0.125"), BigDecimal.ZERO, null, null);
        fixture.givenNoPriorActivity()
                .when(new DraftInvoiceCommand(ID, MEDIGRID, NOVEMBER, EUR, List.of(half)))
                .expectEvents(new InvoiceDraftedEvent(ID, MEDIGRID, NOVEMBER, EUR, List.of(priced(half, 1, "0.12", "0")),
                        TODAY));
    }

    @Test
    void inconsistentLinesAreRefused() {
        InvoiceLineDraft subscriptionWithoutCategory = new InvoiceLineDraft("Fee", InvoiceLineKind.SUBSCRIPTION,
                BigDecimal.ONE, null, Money.euros("10"), VAT_19, null, null);
        InvoiceLineDraft positiveCredit = new InvoiceLineDraft("Credit", InvoiceLineKind.CREDIT, BigDecimal.ONE, null,
                Money.euros("10"), VAT_19, null, null);
        InvoiceLineDraft usageWithCategory = new InvoiceLineDraft("Usage", InvoiceLineKind.USAGE, BigDecimal.ONE, null,
                Money.euros("10"), VAT_19, PackageCategory.TRAINING, null);
        InvoiceLineDraft vatAboveOne = new InvoiceLineDraft("Usage", InvoiceLineKind.USAGE, BigDecimal.ONE, null,
                Money.euros("10"), new BigDecimal("19"), null, null);
        InvoiceLineDraft oddUnit = new InvoiceLineDraft("Usage", InvoiceLineKind.USAGE, BigDecimal.ONE, "HS06 hours!",
                Money.euros("10"), VAT_19, null, null);
        InvoiceLineDraft badCreditMonth = new InvoiceLineDraft("Credit", InvoiceLineKind.CREDIT, BigDecimal.ONE, null,
                Money.euros("-10"), VAT_19, null, "service-credit 2026-13 " + java.util.UUID.randomUUID());
        InvoiceLineDraft creditWithoutPackage = new InvoiceLineDraft("Credit", InvoiceLineKind.CREDIT, BigDecimal.ONE,
                null, Money.euros("-10"), VAT_19, null, "service-credit 2026-10 goodwill");
        for (InvoiceLineDraft line : List.of(subscriptionWithoutCategory, positiveCredit, usageWithCategory, vatAboveOne,
                oddUnit, badCreditMonth, creditWithoutPackage)) {
            fixture.givenNoPriorActivity()
                    .when(new DraftInvoiceCommand(ID, MEDIGRID, NOVEMBER, EUR, List.of(line)))
                    .expectException(rejectedWith(ErrorCode.INVOICE_LINE_INVALID));
        }
    }

    @Test
    void aProratedNetThatRoundingExplainsIsTakenAndAnyOtherRefused() {
        // 350.00 for 15 of 30 days: unit price 11.666666667, quantity × price 175.000000005, given net 175.00
        Money perDay = Money.euros("11.666666667");
        InvoiceLineDraft prorated = new InvoiceLineDraft("Consulting, 15 days", InvoiceLineKind.SUBSCRIPTION,
                new BigDecimal("15"), null, perDay, VAT_19, PackageCategory.CONSULTING, null, Money.euros("175.00"));
        fixture.givenNoPriorActivity()
                .when(new DraftInvoiceCommand(ID, MEDIGRID, NOVEMBER, EUR, List.of(prorated)))
                .expectEvents(new InvoiceDraftedEvent(ID, MEDIGRID, NOVEMBER, EUR,
                        List.of(priced(prorated, 1, "175.00", "33.25")), TODAY));
        for (Money wrong : List.of(Money.euros("175.01"), Money.euros("174.99"), Money.euros("175.004"))) {
            InvoiceLineDraft off = new InvoiceLineDraft("Consulting", InvoiceLineKind.SUBSCRIPTION,
                    new BigDecimal("15"), null, perDay, VAT_19, PackageCategory.CONSULTING, null, wrong);
            fixture.givenNoPriorActivity()
                    .when(new DraftInvoiceCommand(ID, MEDIGRID, NOVEMBER, EUR, List.of(off)))
                    .expectException(rejectedWith(ErrorCode.INVOICE_LINE_INVALID));
        }
    }

    @Test
    void aLineInAnotherCurrencyIsRefused() {
        InvoiceLineDraft francs = new InvoiceLineDraft("Usage", InvoiceLineKind.USAGE, BigDecimal.ONE, null,
                Money.of("10", "CHF"), VAT_19, null, null);
        fixture.givenNoPriorActivity()
                .when(new DraftInvoiceCommand(ID, MEDIGRID, NOVEMBER, EUR, List.of(francs)))
                .expectException(rejectedWith(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void linesAddedToADraftAreNumberedOn() {
        fixture.given(new InvoiceDraftedEvent(ID, MEDIGRID, NOVEMBER, EUR,
                        List.of(priced(subscription(), 1, "350.00", "66.50")), TODAY))
                .when(new AddInvoiceLinesCommand(ID, List.of(usage())))
                .expectEvents(new InvoiceLinesAddedEvent(ID, List.of(priced(usage(), 2, "33.95", "6.45"))));
    }

    @Test
    void issuingNumbersGaplesslyPerYearAndSetsTheDueDate() {
        rules.next(InvoiceNumbering.Series.INVOICE, 2026);
        fixture.given(drafted())
                .when(new IssueInvoiceCommand(ID, 30))
                .expectEvents(issued("2026-000002"));
    }

    @Test
    void totalsAreTheSumsOfTheRoundedLines() {
        // three lines of 0.005 each round to 0.00 (HALF_EVEN); the total is 0.00, not the rounded sum 0.015 → 0.02
        InvoiceLineDraft tiny = new InvoiceLineDraft("Tiny", InvoiceLineKind.USAGE, BigDecimal.ONE, null,
                Money.euros("0.005"), BigDecimal.ZERO, null, null);
        InvoiceLineDraft fee = new InvoiceLineDraft("Fee", InvoiceLineKind.ADJUSTMENT, BigDecimal.ONE, null,
                Money.euros("1.00"), BigDecimal.ZERO, null, null);
        List<InvoiceLine> lines = List.of(priced(tiny, 1, "0.00", "0"), priced(tiny, 2, "0.00", "0"),
                priced(tiny, 3, "0.00", "0"), priced(fee, 4, "1.00", "0"));
        fixture.given(new InvoiceDraftedEvent(ID, MEDIGRID, NOVEMBER, EUR, lines, TODAY))
                .when(new IssueInvoiceCommand(ID, 14))
                .expectEvents(new InvoiceIssuedEvent(ID, "2026-000001", MEDIGRID, NOVEMBER, EUR, TODAY,
                        TODAY.plusDays(14), lines, Money.euros("1.00"), Money.euros("0"), Money.euros("1.00")));
    }

    @Test
    void anEmptyOrNegativeInvoiceIsNotIssued() {
        fixture.given(new InvoiceDraftedEvent(ID, MEDIGRID, NOVEMBER, EUR, List.of(), TODAY))
                .when(new IssueInvoiceCommand(ID, 30))
                .expectException(rejectedWith(ErrorCode.INVOICE_NOT_ISSUABLE));
        InvoiceLineDraft credit = new InvoiceLineDraft("Credit", InvoiceLineKind.CREDIT, BigDecimal.ONE, null,
                Money.euros("-5"), VAT_19, null, null);
        fixture.given(new InvoiceDraftedEvent(ID, MEDIGRID, NOVEMBER, EUR, List.of(priced(credit, 1, "-5.00", "-0.95")),
                        TODAY))
                .when(new IssueInvoiceCommand(ID, 30))
                .expectException(rejectedWith(ErrorCode.INVOICE_NOT_ISSUABLE));
    }

    @Test
    void aSecondBillingRunInvoiceForTheSameCommunityAndPeriodIsRefused() {
        rules.claim(MEDIGRID, NOVEMBER, InvoiceId.random());

        fixture.given(drafted())
                .when(new IssueInvoiceCommand(ID, 30, true))
                .expectException(rejectedWith(ErrorCode.INVOICE_PERIOD_TAKEN));
    }

    @Test
    void anInvoiceDraftedByHandIsIssuedBesideTheRunsAndClaimsNoPeriod() {
        rules.claim(MEDIGRID, NOVEMBER, InvoiceId.random());
        fixture.given(drafted())
                .when(new IssueInvoiceCommand(ID, 30))
                .expectEvents(issued("2026-000001"));

        InMemoryInvoiceRules fresh = new InMemoryInvoiceRules();
        AggregateTestFixture<Invoice> second = new AggregateTestFixture<>(Invoice.class);
        second.registerInjectableResource(FixedClocks.now());
        second.registerInjectableResource(fresh);
        second.given(drafted())
                .when(new IssueInvoiceCommand(ID, 30))
                .expectSuccessfulHandlerExecution();
        assertThat(fresh.claimed(MEDIGRID, NOVEMBER)).as("a hand-drafted invoice leaves the period to the run")
                .isFalse();
    }

    @Test
    void anIssuedInvoiceIsNeitherChangedNorIssuedAgain() {
        fixture.given(drafted(), issued("2026-000001"))
                .when(new AddInvoiceLinesCommand(ID, List.of(usage())))
                .expectException(rejectedWith(ErrorCode.INVOICE_ISSUED));
        fixture.given(drafted(), issued("2026-000001"))
                .when(new IssueInvoiceCommand(ID, 30))
                .expectException(rejectedWith(ErrorCode.INVOICE_ISSUED));
    }

    @Test
    void aDraftTakesNeitherPaymentsNorCreditNotes() {
        fixture.given(drafted())
                .when(new RecordPaymentCommand(ID, PaymentId.random(), Money.euros("10"), TODAY, "SEPA 1"))
                .expectException(rejectedWith(ErrorCode.INVOICE_NOT_ISSUED));
        fixture.given(drafted())
                .when(new IssueCreditNoteCommand(ID, CreditNoteId.random(), Money.euros("10"), VAT_19, "goodwill"))
                .expectException(rejectedWith(ErrorCode.INVOICE_NOT_ISSUED));
    }

    @Test
    void aPaymentIsRecordedAndAnOverpaymentAccepted() {
        PaymentId payment = PaymentId.random();
        fixture.given(drafted(), issued("2026-000001"))
                .when(new RecordPaymentCommand(ID, payment, Money.euros("500.00"), TODAY.minusDays(1), " SEPA 4711 "))
                .expectEvents(new PaymentRecordedEvent(ID, payment, MEDIGRID, Money.euros("500.00"), TODAY.minusDays(1),
                        "SEPA 4711", TODAY));
    }

    @Test
    void aPaymentInAnotherCurrencyIsRefused() {
        fixture.given(drafted(), issued("2026-000001"))
                .when(new RecordPaymentCommand(ID, PaymentId.random(), Money.of("456.90", "USD"), TODAY, "wire"))
                .expectException(rejectedWith(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void aPaymentNeedsAPositiveAmountInWholeCentsAReferenceAndAPastDate() {
        for (RecordPaymentCommand bad : List.of(
                new RecordPaymentCommand(ID, PaymentId.random(), Money.euros("0"), TODAY, "x"),
                new RecordPaymentCommand(ID, PaymentId.random(), Money.euros("0.004"), TODAY, "x"),
                new RecordPaymentCommand(ID, PaymentId.random(), Money.euros("10.005"), TODAY, "x"),
                new RecordPaymentCommand(ID, PaymentId.random(), Money.euros("-1"), TODAY, "x"),
                new RecordPaymentCommand(ID, PaymentId.random(), Money.euros("1"), TODAY, " "),
                new RecordPaymentCommand(ID, PaymentId.random(), Money.euros("1"), TODAY.plusDays(1), "x"))) {
            fixture.given(drafted(), issued("2026-000001"))
                    .when(bad)
                    .expectException(rejectedWith(ErrorCode.PAYMENT_INVALID));
        }
    }

    @Test
    void aCreditNoteTakesTheNextNumberOfItsOwnSeries() {
        CreditNoteId note = CreditNoteId.random();
        fixture.given(drafted(), issued("2026-000001"))
                .when(new IssueCreditNoteCommand(ID, note, Money.euros("100"), VAT_19, "service outage"))
                .expectEvents(new CreditNoteIssuedEvent(ID, note, "CN-2026-000001", "2026-000001", MEDIGRID, TODAY,
                        VAT_19, Money.euros("100.00"), Money.euros("19.00"), Money.euros("119.00"), "service outage"));
    }

    @Test
    void creditNotesTogetherNeverExceedTheInvoice() {
        // gross 456.90; 300 + 57 VAT = 357.00 credited; 84 + 15.96 = 99.96 would make 456.96
        CreditNoteIssuedEvent first = new CreditNoteIssuedEvent(ID, CreditNoteId.random(), "CN-2026-000001",
                "2026-000001", MEDIGRID, TODAY, VAT_19, Money.euros("300"), Money.euros("57"), Money.euros("357"), "x");
        fixture.given(drafted(), issued("2026-000001"), first)
                .when(new IssueCreditNoteCommand(ID, CreditNoteId.random(), Money.euros("84"), VAT_19, "more"))
                .expectException(rejectedWith(ErrorCode.CREDIT_NOTE_EXCEEDS_INVOICE));
        fixture.given(drafted(), issued("2026-000001"), first)
                .when(new IssueCreditNoteCommand(ID, CreditNoteId.random(), Money.euros("83.95"), VAT_19, "rest"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCreditNoteCreditsAtARateTheInvoiceChargesAndNoMoreNetThanIsLeftAtIt() {
        // gross 456.90 would hold 450.00 at 0 %, but the invoice charged 19 % only: that net would reverse revenue
        // never booked and leave its VAT behind
        fixture.given(drafted(), issued("2026-000001"))
                .when(new IssueCreditNoteCommand(ID, CreditNoteId.random(), Money.euros("450"), BigDecimal.ZERO, "x"))
                .expectException(rejectedWith(ErrorCode.CREDIT_NOTE_INVALID));
        fixture.given(drafted(), issued("2026-000001"))
                .when(new IssueCreditNoteCommand(ID, CreditNoteId.random(), Money.euros("383.96"), VAT_19, "x"))
                .expectException(rejectedWith(ErrorCode.CREDIT_NOTE_EXCEEDS_INVOICE));
    }

    @Test
    void theCreditNoteForTheRestOfARateTakesTheRestOfItsVatSoAFullCreditLeavesNothing() {
        CreditNoteIssuedEvent first = new CreditNoteIssuedEvent(ID, CreditNoteId.random(), "CN-2026-000001",
                "2026-000001", MEDIGRID, TODAY, VAT_19, Money.euros("33.94"), Money.euros("6.45"),
                Money.euros("40.39"), "x");
        CreditNoteId rest = CreditNoteId.random();
        // 350.01 × 0.19 = 66.5019, and 72.95 − 6.45 = 66.50 of the invoice's VAT is left: together exactly 456.90
        fixture.given(drafted(), issued("2026-000001"), first)
                .when(new IssueCreditNoteCommand(ID, rest, Money.euros("350.01"), new BigDecimal("0.190"), "rest"))
                .expectEvents(new CreditNoteIssuedEvent(ID, rest, "CN-2026-000001", "2026-000001", MEDIGRID, TODAY,
                        new BigDecimal("0.190"), Money.euros("350.01"), Money.euros("66.50"), Money.euros("416.51"),
                        "rest"));
    }

    @Test
    void aCreditNoteNeedsAPositiveAmountInWholeCentsAndAReason() {
        fixture.given(drafted(), issued("2026-000001"))
                .when(new IssueCreditNoteCommand(ID, CreditNoteId.random(), Money.euros("0.004"), VAT_19, "x"))
                .expectException(rejectedWith(ErrorCode.CREDIT_NOTE_INVALID));
        fixture.given(drafted(), issued("2026-000001"))
                .when(new IssueCreditNoteCommand(ID, CreditNoteId.random(), Money.euros("10.005"), VAT_19, "x"))
                .expectException(rejectedWith(ErrorCode.CREDIT_NOTE_INVALID));
        fixture.given(drafted(), issued("2026-000001"))
                .when(new IssueCreditNoteCommand(ID, CreditNoteId.random(), Money.euros("1"), VAT_19, " "))
                .expectException(rejectedWith(ErrorCode.CREDIT_NOTE_INVALID));
    }

    /** Net 350.00 + 33.95 = 383.95, VAT 66.50 + 6.45 = 72.95, gross 456.90. */
    static InvoiceDraftedEvent drafted() {
        return new InvoiceDraftedEvent(ID, MEDIGRID, NOVEMBER, EUR, lines(), TODAY);
    }

    private static List<InvoiceLine> lines() {
        return List.of(priced(subscription(), 1, "350.00", "66.50"), priced(usage(), 2, "33.95", "6.45"));
    }

    private static InvoiceIssuedEvent issued(String number) {
        return new InvoiceIssuedEvent(ID, number, MEDIGRID, NOVEMBER, EUR, TODAY, TODAY.plusDays(30), lines(),
                Money.euros("383.95"), Money.euros("72.95"), Money.euros("456.90"));
    }
}
