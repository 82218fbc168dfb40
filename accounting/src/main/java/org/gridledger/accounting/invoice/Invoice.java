package org.gridledger.accounting.invoice;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.accounting.invoice.InvoiceNumbering.Series;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
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
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An invoice to a community for one month. Rules: lines are valid ({@link LinePricing}); only a draft changes; issuing
 * needs a line and a gross total that is not negative, claims the community's period ({@link InvoicePeriods}: a
 * second issue for it is refused) and takes the year's next gapless number ({@link InvoiceNumbering}); an issued
 * invoice is immutable and takes credit notes (their gross together at most the invoice's) and payments in its
 * currency. Overpayments are accepted: the outstanding balance becomes negative, a credit of the community.
 */
@Aggregate
class Invoice {

    static final int MAX_PAYMENT_TERM_DAYS = 365;
    private static final int MAX_TEXT = 2000;
    private static final int MAX_REFERENCE = 200;

    @AggregateIdentifier
    private InvoiceId invoiceId;
    private CommunityId communityId;
    private YearMonth period;
    private Currency currency;
    private boolean issued;
    private String number;
    private final List<InvoiceLine> lines = new ArrayList<>();
    private Money gross;
    private Money credited;
    /** Net and VAT credited so far per VAT rate (rates without trailing zeros). */
    private final Map<BigDecimal, Money> creditedNet = new HashMap<>();
    private final Map<BigDecimal, Money> creditedVat = new HashMap<>();

    Invoice() {
        // for Axon
    }

    @CommandHandler
    Invoice(DraftInvoiceCommand command, Clock clock) {
        if (command.communityId() == null || command.period() == null || command.currency() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "communityId, period and currency are required");
        }
        List<InvoiceLine> priced = LinePricing.price(command.lines(), command.currency(), 1);
        requireLineCount(priced.size());
        apply(new InvoiceDraftedEvent(command.invoiceId(), command.communityId(), command.period(),
                command.currency(), priced, LocalDate.now(clock)));
    }

    @CommandHandler
    void handle(AddInvoiceLinesCommand command) {
        requireDraft();
        List<InvoiceLine> priced = LinePricing.price(command.lines(), currency, lines.size() + 1);
        if (priced.isEmpty()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "lines are required");
        }
        requireLineCount(lines.size() + priced.size());
        apply(new InvoiceLinesAddedEvent(invoiceId, priced));
    }

    @CommandHandler
    void handle(IssueInvoiceCommand command, InvoicePeriods periods, InvoiceNumbering numbering, Clock clock) {
        requireDraft();
        if (command.paymentTermDays() < 0 || command.paymentTermDays() > MAX_PAYMENT_TERM_DAYS) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "the payment term lies between 0 and 365 days");
        }
        Money net = LinePricing.net(lines, currency);
        Money vat = LinePricing.vat(lines, currency);
        Money total = net.plus(vat);
        if (lines.isEmpty() || total.isNegative()) {
            throw DomainException.of(ErrorCode.INVOICE_NOT_ISSUABLE, "invoice %s has %d lines and a total of %s",
                    invoiceId, lines.size(), total);
        }
        if (command.billingRun() && !periods.claim(communityId, period, invoiceId)) {
            throw DomainException.of(ErrorCode.INVOICE_PERIOD_TAKEN, "community %s has an invoice for %s already",
                    communityId, period);
        }
        LocalDate today = LocalDate.now(clock);
        String issuedNumber = InvoiceNumbering.format(Series.INVOICE, today.getYear(),
                numbering.next(Series.INVOICE, today.getYear()));
        apply(new InvoiceIssuedEvent(invoiceId, issuedNumber, communityId, period, currency, today,
                today.plusDays(command.paymentTermDays()), List.copyOf(lines), net, vat, total));
    }

    @CommandHandler
    void handle(IssueCreditNoteCommand command, InvoiceNumbering numbering, Clock clock) {
        requireIssued();
        if (command.creditNoteId() == null || command.net() == null || command.vatRate() == null
                || command.vatRate().signum() < 0 || command.vatRate().compareTo(BigDecimal.ONE) > 0
                || blank(command.reason())) {
            throw new DomainException(ErrorCode.CREDIT_NOTE_INVALID,
                    "a credit note needs an amount, a VAT rate from 0 to 1 and a reason of up to 2000 characters");
        }
        requireCurrency(command.net());
        Money net = command.net();
        if (net.isNegative() || net.isZero() || !net.equals(net.rounded())) {
            throw new DomainException(ErrorCode.CREDIT_NOTE_INVALID,
                    "a credit note's amount is positive and in whole cents");
        }
        // a credit note reverses lines at their own VAT rate: at most the net still uncredited at that rate, and the
        // note that credits the rest of it takes the rest of that rate's VAT, so a full credit leaves nothing behind
        BigDecimal rate = command.vatRate().stripTrailingZeros();
        List<InvoiceLine> atRate = lines.stream().filter(l -> l.vatRate().compareTo(rate) == 0).toList();
        if (atRate.isEmpty()) {
            throw DomainException.of(ErrorCode.CREDIT_NOTE_INVALID, "invoice %s charges no VAT at the rate %s",
                    number, rate.toPlainString());
        }
        Money zero = Money.zero(currency);
        Money netLeft = atRate.stream().map(InvoiceLine::net).reduce(zero, Money::plus)
                .minus(creditedNet.getOrDefault(rate, zero));
        Money vatLeft = atRate.stream().map(InvoiceLine::vat).reduce(zero, Money::plus)
                .minus(creditedVat.getOrDefault(rate, zero));
        if (net.compareTo(netLeft) > 0) {
            throw DomainException.of(ErrorCode.CREDIT_NOTE_EXCEEDS_INVOICE,
                    "invoice %s: %s net at VAT rate %s is left to credit; %s is too much", number, netLeft,
                    rate.toPlainString(), net);
        }
        Money vat = net.compareTo(netLeft) == 0 ? vatLeft : net.times(command.vatRate()).rounded();
        if (vat.compareTo(vatLeft) > 0) {
            vat = vatLeft;
        }
        Money creditGross = net.plus(vat);
        if (credited.plus(creditGross).compareTo(gross) > 0) {
            throw DomainException.of(ErrorCode.CREDIT_NOTE_EXCEEDS_INVOICE,
                    "invoice %s: %s credited of %s; %s more is too much", number, credited, gross, creditGross);
        }
        LocalDate today = LocalDate.now(clock);
        String creditNumber = InvoiceNumbering.format(Series.CREDIT_NOTE, today.getYear(),
                numbering.next(Series.CREDIT_NOTE, today.getYear()));
        apply(new CreditNoteIssuedEvent(invoiceId, command.creditNoteId(), creditNumber, number, communityId, today,
                command.vatRate(), net, vat, creditGross, command.reason().strip()));
    }

    @CommandHandler
    void handle(RecordPaymentCommand command, Clock clock) {
        requireIssued();
        if (command.paymentId() == null || command.amount() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "paymentId and amount are required");
        }
        requireCurrency(command.amount());
        LocalDate today = LocalDate.now(clock);
        // a payment is what the bank received: a positive amount in whole cents, never rounded into another
        if (command.amount().isNegative() || command.amount().isZero()
                || !command.amount().equals(command.amount().rounded()) || blank(command.reference())
                || command.reference().strip().length() > MAX_REFERENCE
                || command.receivedOn() == null || command.receivedOn().isAfter(today)) {
            throw new DomainException(ErrorCode.PAYMENT_INVALID,
                    "a payment needs a positive amount in whole cents, a reference and a date not in the future");
        }
        apply(new PaymentRecordedEvent(invoiceId, command.paymentId(), communityId, command.amount(),
                command.receivedOn(), command.reference().strip(), today));
    }

    private void requireDraft() {
        if (issued) {
            throw DomainException.of(ErrorCode.INVOICE_ISSUED, "invoice %s is issued as %s", invoiceId, number);
        }
    }

    private void requireIssued() {
        if (!issued) {
            throw DomainException.of(ErrorCode.INVOICE_NOT_ISSUED, "invoice %s is a draft", invoiceId);
        }
    }

    private void requireCurrency(Money amount) {
        if (!amount.currency().equals(currency)) {
            throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "invoice %s is in %s, not %s", invoiceId, currency,
                    amount.currency());
        }
    }

    private static void requireLineCount(int count) {
        if (count > LinePricing.MAX_LINES) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "an invoice has at most 500 lines");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank() || text.length() > MAX_TEXT;
    }

    @EventSourcingHandler
    void on(InvoiceDraftedEvent event) {
        invoiceId = event.invoiceId();
        communityId = event.communityId();
        period = event.period();
        currency = event.currency();
        lines.addAll(event.lines());
        credited = Money.zero(currency);
    }

    @EventSourcingHandler
    void on(InvoiceLinesAddedEvent event) {
        lines.addAll(event.lines());
    }

    @EventSourcingHandler
    void on(InvoiceIssuedEvent event) {
        issued = true;
        number = event.number();
        gross = event.grossTotal();
    }

    @EventSourcingHandler
    void on(CreditNoteIssuedEvent event) {
        credited = credited.plus(event.gross());
        BigDecimal rate = event.vatRate().stripTrailingZeros();
        creditedNet.merge(rate, event.net(), Money::plus);
        creditedVat.merge(rate, event.vat(), Money::plus);
    }
}
