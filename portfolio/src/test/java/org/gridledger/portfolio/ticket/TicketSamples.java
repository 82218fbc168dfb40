package org.gridledger.portfolio.ticket;

import org.axonframework.eventhandling.EventMessage;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ServiceCreditRule;
import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.support.TicketDeadline;
import org.gridledger.domain.support.TicketEvents.TicketDeadlinesScheduledEvent;
import org.gridledger.domain.support.TicketEvents.TicketOpenedEvent;
import org.gridledger.domain.support.TicketId;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A VERY_URGENT ticket opened on Thursday 26 November 2026, 11:00 in Berlin, and what its terms promise. */
final class TicketSamples {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final TicketId TICKET = TicketId.of("00000000-0000-0000-0000-0000000000a1");
    static final CommunityId MEDIGRID = CommunityId.of("00000000-0000-0000-0000-0000000000c1");
    static final SupportPackageId SUPPORT = SupportPackageId.of("00000000-0000-0000-0000-0000000000b1");
    static final ProviderId CENTRE = ProviderId.of("00000000-0000-0000-0000-0000000000d1");
    static final ProviderId COMPANY = ProviderId.of("00000000-0000-0000-0000-0000000000d2");
    static final Instant OPENED = berlin("2026-11-26T11:00");
    static final SlaTarget VERY_URGENT = new SlaTarget(TicketPriority.VERY_URGENT, Duration.ofHours(4),
            Duration.ofHours(24));
    static final ServiceCreditRule FIVE_PERCENT_CAPPED_AT_TEN = new ServiceCreditRule(new BigDecimal("5"),
            new BigDecimal("10"));
    /** 900.00 flat + 3.00 × 450 seats. */
    static final Money FEE = Money.euros("2250.00");
    static final String ROUTING = "contract of tender T for the whole package";

    private TicketSamples() {
    }

    static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    static TicketContext.Terms terms() {
        return new TicketContext.Terms(List.of(VERY_URGENT,
                new SlaTarget(TicketPriority.TOP_PRIORITY, Duration.ofHours(1), Duration.ofHours(8))),
                FIVE_PERCENT_CAPPED_AT_TEN, Money.euros("900.00"), Money.euros("3.00"));
    }

    static TicketOpenedEvent opened() {
        return new TicketOpenedEvent(TICKET, MEDIGRID, SUPPORT, TicketPriority.VERY_URGENT, false, "Jobs stuck",
                "CREAM CE rejects proxies", "mia", OPENED, CENTRE, ROUTING, VERY_URGENT, FIVE_PERCENT_CAPPED_AT_TEN,
                FEE, null);
    }

    /** The deadlines of {@link #opened()}, worked out by hand (Thursday 11:00 → Monday 30 November). */
    static Map<TicketDeadline, Instant> openedDeadlines() {
        Map<TicketDeadline, Instant> due = new EnumMap<>(TicketDeadline.class);
        due.put(TicketDeadline.RESPONSE_WARNING, berlin("2026-11-26T14:00"));
        due.put(TicketDeadline.RESPONSE_BREACH, berlin("2026-11-26T15:00"));
        due.put(TicketDeadline.RESOLUTION_WARNING, berlin("2026-11-30T09:00"));
        due.put(TicketDeadline.RESOLUTION_BREACH, berlin("2026-11-30T15:00"));
        return due;
    }

    static TicketDeadlinesScheduledEvent scheduled(Map<TicketDeadline, Instant> due) {
        return new TicketDeadlinesScheduledEvent(TICKET, due);
    }

    static Map<TicketDeadline, Instant> without(Map<TicketDeadline, Instant> due, TicketDeadline... removed) {
        Map<TicketDeadline, Instant> copy = new EnumMap<>(TicketDeadline.class);
        copy.putAll(due);
        for (TicketDeadline deadline : removed) {
            copy.remove(deadline);
        }
        return copy;
    }

    /** Captures the payloads a fixture published, for assertions on their content. */
    static final class Published extends BaseMatcher<List<EventMessage<?>>> {

        final List<Object> payloads = new ArrayList<>();

        @Override
        public boolean matches(Object item) {
            payloads.clear();
            for (Object message : (List<?>) item) {
                payloads.add(((EventMessage<?>) message).getPayload());
            }
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("any events");
        }

        <T> List<T> of(Class<T> type) {
            return payloads.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
