package org.gridledger.accounting.ledger;

import org.gridledger.domain.finance.GrantEvents.GrantInstalment;
import org.gridledger.domain.finance.GrantEvents.GrantRecordedEvent;
import org.gridledger.domain.finance.InvoiceEvents.CreditNoteIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.InvoiceIssuedEvent;
import org.gridledger.domain.finance.InvoiceEvents.PaymentRecordedEvent;
import org.gridledger.domain.finance.InvoiceLine;
import org.gridledger.domain.finance.SettlementEvents.ProviderPaymentRecordedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementIssuedEvent;
import org.gridledger.domain.finance.SettlementEvents.ProviderSettlementReversedEvent;
import org.gridledger.domain.shared.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The posting rules, pure: which balanced entries an event books. Amounts are signed, debit positive and credit
 * negative; every entry sums to zero per currency, checked on construction.
 * <ul>
 *   <li>Invoice issued (on its issue day): debit the community's receivable with the gross; credit subscription
 *       revenue per package category, usage revenue, and adjustment revenue (adjustment and credit lines) with their
 *       nets; credit VAT payable with the VAT.</li>
 *   <li>Credit note (on its issue day): debit credit notes with the net and VAT payable with the VAT; credit the
 *       community's receivable with the gross.</li>
 *   <li>Payment (on its receipt day): debit bank, credit the community's receivable. An overpayment leaves a credit
 *       balance on the receivable.</li>
 *   <li>Grant: on its receipt day debit bank and credit deferred grant income; on the first day of each funded month
 *       move that month's instalment from deferred grant income to grant income.</li>
 *   <li>Provider settlement issued (on its issue day): debit the provider's costs, credit the provider's payable with
 *       the total (a negative total, penalties above the rest, books the other way round).</li>
 *   <li>Payment to a provider (on its payment day): debit the provider's payable, credit bank.</li>
 *   <li>Provider settlement reversed (on its reversal day): the entry with the sides swapped.</li>
 * </ul>
 */
public final class Postings {

    /** One line: a signed amount on an account (and sub-account, empty if none). */
    public record Line(Account account, String subaccount, Money amount) {
    }

    /** A balanced journal entry. */
    public record Entry(LocalDate bookedOn, String description, List<Line> lines) {

        public Entry {
            lines = List.copyOf(lines);
            Map<java.util.Currency, Money> sums = new LinkedHashMap<>();
            for (Line line : lines) {
                sums.merge(line.amount().currency(), line.amount(), Money::plus);
            }
            if (sums.values().stream().anyMatch(sum -> !sum.isZero())) {
                throw new IllegalStateException("unbalanced entry " + description + ": " + lines);
            }
        }
    }

    private Postings() {
    }

    public static Entry invoiceIssued(InvoiceIssuedEvent event) {
        List<Line> lines = new ArrayList<>();
        String community = event.communityId().toString();
        lines.add(new Line(Account.RECEIVABLES, community, event.grossTotal()));
        Map<String, Money> revenue = new LinkedHashMap<>();
        for (InvoiceLine line : event.lines()) {
            String key = switch (line.kind()) {
                case SUBSCRIPTION -> Account.SUBSCRIPTION_REVENUE.code() + "/" + line.category().name();
                case USAGE -> Account.USAGE_REVENUE.code() + "/";
                case ADJUSTMENT, CREDIT -> Account.ADJUSTMENT_REVENUE.code() + "/";
            };
            revenue.merge(key, line.net(), Money::plus);
        }
        revenue.forEach((key, net) -> {
            int slash = key.indexOf('/');
            lines.add(new Line(Account.byCode(key.substring(0, slash)), key.substring(slash + 1), net.negate()));
        });
        lines.add(new Line(Account.VAT_PAYABLE, "", event.vatTotal().negate()));
        return new Entry(event.issuedOn(), "Invoice " + event.number() + " for " + event.period(), lines);
    }

    public static Entry creditNoteIssued(CreditNoteIssuedEvent event) {
        return new Entry(event.issuedOn(), "Credit note " + event.number() + " on invoice " + event.invoiceNumber(),
                List.of(new Line(Account.CREDIT_NOTES, "", event.net()),
                        new Line(Account.VAT_PAYABLE, "", event.vat()),
                        new Line(Account.RECEIVABLES, event.communityId().toString(), event.gross().negate())));
    }

    public static Entry paymentRecorded(PaymentRecordedEvent event) {
        return new Entry(event.receivedOn(), "Payment " + event.reference() + " on invoice " + event.invoiceId(),
                List.of(new Line(Account.BANK, "", event.amount()),
                        new Line(Account.RECEIVABLES, event.communityId().toString(), event.amount().negate())));
    }

    public static List<Entry> grantRecorded(GrantRecordedEvent event) {
        String grant = event.grantId().toString();
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(event.receivedOn(), "Grant received from " + event.funder(),
                List.of(new Line(Account.BANK, "", event.amount()),
                        new Line(Account.DEFERRED_GRANT_INCOME, grant, event.amount().negate()))));
        for (GrantInstalment instalment : event.schedule()) {
            entries.add(new Entry(instalment.month().atDay(1),
                    "Grant income " + instalment.month() + " from " + event.funder(),
                    List.of(new Line(Account.DEFERRED_GRANT_INCOME, grant, instalment.amount()),
                            new Line(Account.GRANT_INCOME, "", instalment.amount().negate()))));
        }
        return entries;
    }

    public static Entry settlementIssued(ProviderSettlementIssuedEvent event) {
        String provider = event.providerId().toString();
        return new Entry(event.issuedOn(), "Settlement " + event.number() + " for " + event.period() + " with "
                + event.providerName(),
                List.of(new Line(Account.PROVIDER_COSTS, provider, event.total()),
                        new Line(Account.PROVIDER_PAYABLES, provider, event.total().negate())));
    }

    public static Entry providerPaymentRecorded(ProviderPaymentRecordedEvent event) {
        return new Entry(event.paidOn(), "Payment " + event.reference() + " to provider on settlement "
                + event.settlementId(),
                List.of(new Line(Account.PROVIDER_PAYABLES, event.providerId().toString(), event.amount()),
                        new Line(Account.BANK, "", event.amount().negate())));
    }

    public static Entry settlementReversed(ProviderSettlementReversedEvent event) {
        String provider = event.providerId().toString();
        return new Entry(event.reversedOn(), "Reversal of settlement " + event.number() + " for " + event.period(),
                List.of(new Line(Account.PROVIDER_PAYABLES, provider, event.total()),
                        new Line(Account.PROVIDER_COSTS, provider, event.total().negate())));
    }
}
