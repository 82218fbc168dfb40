package org.gridledger.accounting.tariff;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.finance.TariffCommands.ChangeTariffPriceCommand;
import org.gridledger.domain.finance.TariffCommands.DefineTariffCommand;
import org.gridledger.domain.finance.TariffEvents.TariffDefinedEvent;
import org.gridledger.domain.finance.TariffEvents.TariffPriceSetEvent;
import org.gridledger.domain.finance.TariffId;
import org.gridledger.domain.finance.TariffKind;
import org.gridledger.domain.shared.DateRange;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Unit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The prices of one unit of usage ({@link #RATED_UNITS}) for one scope: a provider's default, a resource of the provider, or a community's agreement
 * on either. Rules: the key (provider, resource, community, unit) is unique among tariffs ({@link TariffKeys}); prices
 * are not negative and in the tariff's currency; a price version is never replaced — a change is a new version from
 * its date, and two versions on the same date are refused; only agreements have an end (exclusive), and an
 * agreement's validities never overlap.
 */
@Aggregate
class Tariff {

    /** The units usage is rated in: normalised CPU, wall, storage, GPU and special-device time. */
    static final Set<Unit> RATED_UNITS = EnumSet.of(Unit.HS06_HOUR, Unit.WALL_HOUR, Unit.GB_MONTH, Unit.GPU_HOUR,
            Unit.DEVICE_HOUR);

    @AggregateIdentifier
    private TariffId tariffId;
    private TariffKind kind;
    private Currency currency;
    private final List<DateRange> versions = new ArrayList<>();

    Tariff() {
        // for Axon
    }

    @CommandHandler
    Tariff(DefineTariffCommand command, TariffKeys keys, Clock clock) {
        if (command.providerId() == null || command.unit() == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "providerId and unit are required");
        }
        if (!RATED_UNITS.contains(command.unit())) {
            throw DomainException.of(ErrorCode.TARIFF_INVALID, "usage is rated in %s, not %s", RATED_UNITS,
                    command.unit());
        }
        TariffKind kind = command.communityId() != null ? TariffKind.AGREEMENT
                : command.resourceId() != null ? TariffKind.RESOURCE : TariffKind.PROVIDER_DEFAULT;
        DateRange validity = validity(kind, command.price(), command.effectiveFrom(), command.effectiveUntil());
        String key = TariffKeys.key(command.providerId(), command.resourceId(), command.communityId(), command.unit());
        if (!keys.claim(key, command.tariffId())) {
            throw DomainException.of(ErrorCode.TARIFF_EXISTS, "a tariff for %s exists", key);
        }
        LocalDate today = LocalDate.now(clock);
        apply(new TariffDefinedEvent(command.tariffId(), kind, command.providerId(), command.resourceId(),
                command.communityId(), command.unit(), command.price().currency(), today));
        apply(new TariffPriceSetEvent(command.tariffId(), command.price(), validity.from(), validity.until(), today));
    }

    @CommandHandler
    void handle(ChangeTariffPriceCommand command, Clock clock) {
        DateRange validity = validity(kind, command.price(), command.effectiveFrom(), command.effectiveUntil());
        if (!command.price().currency().equals(currency)) {
            throw DomainException.of(ErrorCode.CURRENCY_MISMATCH, "tariff %s prices in %s", tariffId, currency);
        }
        for (DateRange existing : versions) {
            boolean clash = kind == TariffKind.AGREEMENT ? existing.overlaps(validity)
                    : existing.from().equals(validity.from());
            if (clash) {
                throw DomainException.of(ErrorCode.TARIFF_OVERLAPS, "tariff %s has a price from %s%s", tariffId,
                        existing.from(), existing.until() == null ? "" : " until " + existing.until());
            }
        }
        apply(new TariffPriceSetEvent(tariffId, command.price(), validity.from(), validity.until(),
                LocalDate.now(clock)));
    }

    private static DateRange validity(TariffKind kind, Money price, LocalDate from, LocalDate until) {
        if (price == null || from == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "price and effectiveFrom are required");
        }
        if (price.isNegative()) {
            throw new DomainException(ErrorCode.TARIFF_INVALID, "a price must not be negative");
        }
        if (until != null && kind != TariffKind.AGREEMENT) {
            throw new DomainException(ErrorCode.TARIFF_INVALID,
                    "only an agreement ends; a default or resource price is in force until the next one");
        }
        if (until != null && !until.isAfter(from)) {
            throw new DomainException(ErrorCode.TARIFF_INVALID, "effectiveUntil must lie after effectiveFrom");
        }
        return new DateRange(from, until);
    }

    @EventSourcingHandler
    void on(TariffDefinedEvent event) {
        tariffId = event.tariffId();
        kind = event.kind();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(TariffPriceSetEvent event) {
        versions.add(new DateRange(event.effectiveFrom(), event.effectiveUntil()));
    }
}
