package org.gridledger.portfolio.ticket;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.domain.support.SlaTargetKind;
import org.gridledger.domain.support.TicketDeadline;
import org.gridledger.domain.support.TicketEvents.ProviderPenaltyRecordedEvent;
import org.gridledger.domain.support.TicketEvents.ProviderPenaltyReversedEvent;
import org.gridledger.domain.support.TicketEvents.ServiceCreditGrantedEvent;
import org.gridledger.domain.support.TicketEvents.ServiceCreditReversedEvent;
import org.gridledger.domain.support.TicketEvents.SlaBreachedEvent;
import org.gridledger.domain.support.TicketEvents.TicketClosedEvent;
import org.gridledger.domain.support.TicketEvents.TicketCommentedEvent;
import org.gridledger.domain.support.TicketEvents.TicketExemptedEvent;
import org.gridledger.domain.support.TicketEvents.TicketLinkedEvent;
import org.gridledger.domain.support.TicketId;
import org.gridledger.domain.support.TicketLinkKind;
import org.gridledger.domain.support.TicketOutcome;
import org.gridledger.domain.support.TicketQueries.FindDueTicketDeadlinesQuery;
import org.gridledger.domain.support.TicketQueries.FindServiceCreditsQuery;
import org.gridledger.domain.support.TicketQueries.FindSlaComplianceQuery;
import org.gridledger.domain.support.TicketQueries.FindTicketQuery;
import org.gridledger.domain.support.TicketQueries.FindTicketsQuery;
import org.gridledger.domain.support.TicketQueries.ServiceCreditRow;
import org.gridledger.domain.support.TicketQueries.SlaComplianceRow;
import org.gridledger.domain.support.TicketQueries.TicketView;
import org.gridledger.domain.support.TicketQueries.TicketVisibility;
import org.gridledger.domain.support.TicketSide;
import org.gridledger.domain.support.TicketStatus;
import org.gridledger.testing.EmbeddedDatabase;
import org.gridledger.testing.TestJson;
import org.gridledger.portfolio.calendar.WorkingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridledger.portfolio.ticket.TicketSamples.CENTRE;
import static org.gridledger.portfolio.ticket.TicketSamples.COMPANY;
import static org.gridledger.portfolio.ticket.TicketSamples.MEDIGRID;
import static org.gridledger.portfolio.ticket.TicketSamples.OPENED;
import static org.gridledger.portfolio.ticket.TicketSamples.SUPPORT;
import static org.gridledger.portfolio.ticket.TicketSamples.TICKET;
import static org.gridledger.portfolio.ticket.TicketSamples.berlin;
import static org.gridledger.portfolio.ticket.TicketSamples.opened;
import static org.gridledger.portfolio.ticket.TicketSamples.openedDeadlines;
import static org.gridledger.portfolio.ticket.TicketSamples.scheduled;

/** The ticket read model and the context the rules read, on PostgreSQL. */
class TicketProjectionTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private final JdbcClient jdbc = JdbcClient.create(EmbeddedDatabase.dataSource());
    private final TicketProjection projection = new TicketProjection(jdbc);
    private final TicketQueryHandler queries = new TicketQueryHandler(jdbc, WorkingCalendar.germanDefault());
    private final JdbcTicketContext context = new JdbcTicketContext(jdbc, TestJson.objectMapper());

    @BeforeEach
    void emptyTables() {
        EmbeddedDatabase.truncate("ticket_notification", "service_credit_month_lock", "service_credit_entry",
                "ticket_breach", "ticket_deadline", "ticket_link", "ticket_comment", "ticket", "tender_contract",
                "tender_offer", "tender", "subscription_seats", "subscription", "support_package_terms",
                "support_package");
    }

    @Test
    void anOpenedTicketIsFoundWithItsDeadlinesAndCommentsInOrder() {
        projection.on(opened());
        projection.on(scheduled(openedDeadlines()));
        projection.on(new TicketCommentedEvent(TICKET, TicketSide.SUPPORT, "agent", "Looking", OPENED.plusSeconds(60)));
        projection.on(new TicketCommentedEvent(TICKET, TicketSide.SUBMITTER, "mia", "Thanks", OPENED.plusSeconds(120)));
        projection.on(new TicketCommentedEvent(TICKET, TicketSide.SUBMITTER, "mia", "Thanks", OPENED.plusSeconds(120)));

        TicketView view = queries.handle(new FindTicketQuery(TICKET));

        assertThat(view.status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(view.providerId()).isEqualTo(CENTRE);
        assertThat(view.priority()).isEqualTo(TicketPriority.VERY_URGENT);
        assertThat(view.responseTarget()).isEqualTo(Duration.ofHours(4));
        assertThat(view.deadlines()).isEqualTo(openedDeadlines());
        assertThat(view.comments()).extracting(c -> c.text()).as("a replayed comment is not doubled")
                .containsExactly("Looking", "Thanks");
    }

    @Test
    void anUnknownTicketIsNotFound() {
        assertThatThrownBy(() -> queries.handle(new FindTicketQuery(TicketId.random())))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TICKET_NOT_FOUND));
    }

    @Test
    void onlyDueDeadlinesAreSweptOldestFirstAndAClosedTicketHasNone() {
        projection.on(opened());
        projection.on(scheduled(openedDeadlines()));

        assertThat(queries.handle(new FindDueTicketDeadlinesQuery(berlin("2026-11-26T15:00"), 10)).items())
                .extracting(d -> d.deadline())
                .containsExactly(TicketDeadline.RESPONSE_WARNING, TicketDeadline.RESPONSE_BREACH);

        projection.on(new TicketClosedEvent(TICKET, TicketOutcome.SOLVED, "mia", OPENED.plusSeconds(60)));
        projection.on(scheduled(java.util.Map.of()));
        assertThat(queries.handle(new FindDueTicketDeadlinesQuery(berlin("2027-01-01T00:00"), 10)).items()).isEmpty();
        assertThat(queries.handle(new FindTicketQuery(TICKET)).outcome()).isEqualTo(TicketOutcome.SOLVED);
    }

    @Test
    void visibilityLimitsTheListToCommunitiesProvidersOrTheSubmitter() {
        projection.on(opened());
        Pagination page = Pagination.first();
        assertThat(queries.handle(new FindTicketsQuery(TicketVisibility.everything(), null, page)).totalItems()).isOne();
        assertThat(queries.handle(new FindTicketsQuery(new TicketVisibility(false, null, Set.of(CENTRE), null), null,
                page)).totalItems()).isOne();
        assertThat(queries.handle(new FindTicketsQuery(new TicketVisibility(false, null, Set.of(COMPANY), null), null,
                page)).totalItems()).isZero();
        assertThat(queries.handle(new FindTicketsQuery(new TicketVisibility(false, null, null, "mia"), null,
                page)).totalItems()).isOne();
        assertThat(queries.handle(new FindTicketsQuery(new TicketVisibility(false, null, null, null), null,
                page)).totalItems()).isZero();
        assertThat(queries.handle(new FindTicketsQuery(TicketVisibility.everything(), TicketStatus.CLOSED,
                page)).totalItems()).isZero();
    }

    @Test
    void aBreachBelongsToTheMonthOfTheCalendarsZone() {
        projection.on(opened());
        // 23:30 UTC on 30 November is already 1 December in Berlin
        projection.on(new SlaBreachedEvent(TICKET, SlaTargetKind.RESOLUTION, Duration.ofHours(24), CENTRE,
                Instant.parse("2026-11-30T23:30:00Z")));
        TicketQueryHandler utc = new TicketQueryHandler(jdbc, new WorkingCalendar(ZoneOffset.UTC, LocalTime.of(8, 0),
                LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null));

        assertThat(queries.handle(new FindSlaComplianceQuery(NOVEMBER, null)).rows()).singleElement()
                .satisfies(row -> assertThat(row.resolutionBreaches()).isZero());
        assertThat(queries.handle(new FindSlaComplianceQuery(NOVEMBER.plusMonths(1), null)).rows()).singleElement()
                .satisfies(row -> assertThat(row.resolutionBreaches()).isOne());
        assertThat(utc.handle(new FindSlaComplianceQuery(NOVEMBER, null)).rows()).singleElement()
                .satisfies(row -> assertThat(row.resolutionBreaches()).isOne());
    }

    @Test
    void creditsAndPenaltiesAreSummedPerMonthAndAReversalCancelsThem() {
        projection.on(opened());
        Money credit = Money.euros("112.50");
        projection.on(new SlaBreachedEvent(TICKET, SlaTargetKind.RESPONSE, Duration.ofHours(4), CENTRE,
                berlin("2026-11-26T15:00")));
        projection.on(new ServiceCreditGrantedEvent(TICKET, SlaTargetKind.RESPONSE, MEDIGRID, SUPPORT, CENTRE,
                NOVEMBER, credit));
        projection.on(new ProviderPenaltyRecordedEvent(TICKET, SlaTargetKind.RESPONSE, CENTRE, MEDIGRID, SUPPORT,
                NOVEMBER, credit));
        projection.on(new ServiceCreditGrantedEvent(TICKET, SlaTargetKind.RESPONSE, MEDIGRID, SUPPORT, CENTRE,
                NOVEMBER, credit)); // replayed: no second row

        assertThat(queries.handle(new FindServiceCreditsQuery(NOVEMBER, MEDIGRID, null)).rows()).containsExactly(
                new ServiceCreditRow(NOVEMBER, MEDIGRID, SUPPORT, CENTRE, 1, credit, credit));
        assertThat(context.lockAndSumCredits(MEDIGRID, SUPPORT, NOVEMBER, Money.zero(Money.EUR))).isEqualTo(credit);
        assertThat(queries.handle(new FindSlaComplianceQuery(NOVEMBER, null)).rows()).containsExactly(
                new SlaComplianceRow(CENTRE, null, 1, 1, 0, credit));
        assertThat(queries.handle(new FindTicketQuery(TICKET)).credits()).singleElement()
                .satisfies(c -> assertThat(c.reversed()).isFalse());

        projection.on(new TicketExemptedEvent(TICKET, "submitter's fault", OPENED.plusSeconds(3600)));
        projection.on(new ServiceCreditReversedEvent(TICKET, SlaTargetKind.RESPONSE, MEDIGRID, SUPPORT, CENTRE,
                NOVEMBER, credit, "submitter's fault"));
        projection.on(new ProviderPenaltyReversedEvent(TICKET, SlaTargetKind.RESPONSE, CENTRE, MEDIGRID, SUPPORT,
                NOVEMBER, credit, "submitter's fault"));

        Money zero = Money.zero(Money.EUR);
        assertThat(queries.handle(new FindServiceCreditsQuery(NOVEMBER, null, CENTRE)).rows()).containsExactly(
                new ServiceCreditRow(NOVEMBER, MEDIGRID, SUPPORT, CENTRE, 0, zero, zero));
        assertThat(context.lockAndSumCredits(MEDIGRID, SUPPORT, NOVEMBER, zero)).isEqualTo(zero);
        TicketView view = queries.handle(new FindTicketQuery(TICKET));
        assertThat(view.exempted()).isTrue();
        assertThat(view.responseBreached()).isTrue();
        assertThat(view.credits()).singleElement().satisfies(c -> assertThat(c.reversed()).isTrue());
    }

    @Test
    void linksAreKeptOnce() {
        projection.on(opened());
        TicketId other = TicketId.random();
        projection.on(new TicketLinkedEvent(TICKET, other, TicketLinkKind.CAUSED_BY));
        projection.on(new TicketLinkedEvent(TICKET, other, TicketLinkKind.CAUSED_BY));
        assertThat(queries.handle(new FindTicketQuery(TICKET)).links()).hasSize(1);
    }

    @Test
    void theContextReadsSeatsTermsWithTheirCreditRuleAndContracts() {
        packageRow(SUPPORT, "SECOND_LEVEL_SUPPORT");
        jdbc.sql("""
                        insert into support_package_terms (package_id, version, effective_from, monthly_flat_fee,
                            per_seat_fee, included_units, included_unit, overage_price, sla_targets,
                            credit_percent_per_breach, credit_monthly_cap_percent)
                        values (:id, 1, '2026-11-01', 900, 3, 25, 'TICKET', 45,
                            '[{"priority":"URGENT","response":"PT8H","resolution":"PT40H"}]', 5, 10)""")
                .param("id", SUPPORT.value()).update();
        subscribe(SUPPORT, 450);

        assertThat(context.subscribedSeats(MEDIGRID, SUPPORT, TODAY)).contains(450);
        assertThat(context.subscribedSeats(MEDIGRID, SUPPORT, LocalDate.of(2026, 10, 31))).isEmpty();
        TicketContext.Terms terms = context.termsInForce(SUPPORT, TODAY).orElseThrow();
        assertThat(terms.slaTargets()).singleElement().satisfies(t -> {
            assertThat(t.priority()).isEqualTo(TicketPriority.URGENT);
            assertThat(t.resolution()).isEqualTo(Duration.ofHours(40));
        });
        assertThat(terms.creditRule().percentPerBreach()).isEqualByComparingTo("5");
        assertThat(terms.monthlyFlatFee()).isEqualTo(Money.euros("900"));
        assertThat(context.termsInForce(SUPPORT, LocalDate.of(2026, 10, 31))).isEmpty();
    }

    @Test
    void aContractForTheCommunitysLotComesBeforeOneForTheWholePackage() {
        packageRow(SUPPORT, "SECOND_LEVEL_SUPPORT");
        contract(SUPPORT, CENTRE, "", "");
        assertThat(context.route(SUPPORT, MEDIGRID, TODAY)).hasValueSatisfying(r -> {
            assertThat(r.providerId()).isEqualTo(CENTRE);
            assertThat(r.explanation()).contains("whole package");
        });
        contract(SUPPORT, COMPANY, MEDIGRID.toString(), "|communities:" + MEDIGRID);
        assertThat(context.route(SUPPORT, MEDIGRID, TODAY)).hasValueSatisfying(r -> {
            assertThat(r.providerId()).isEqualTo(COMPANY);
            assertThat(r.explanation()).contains("community's lot");
        });
        assertThat(context.route(SUPPORT, MEDIGRID, LocalDate.of(2030, 1, 1))).as("after the term").isEmpty();
        assertThat(context.holdsContract(COMPANY, SUPPORT, TODAY)).isTrue();
        assertThat(context.holdsContract(new ProviderId(UUID.randomUUID()), SUPPORT, TODAY)).isFalse();
    }

    @Test
    void theEmergencyPackageIsTheOneSubscribedElseOneWithARunningContract() {
        SupportPackageId contracted = SupportPackageId.of("00000000-0000-0000-0000-0000000000e1");
        SupportPackageId subscribed = SupportPackageId.of("00000000-0000-0000-0000-0000000000e2");
        assertThat(context.emergencyPackage(MEDIGRID, TODAY)).isEmpty();
        packageRow(contracted, "EMERGENCY_RESPONSE");
        contract(contracted, CENTRE, "", "");
        assertThat(context.emergencyPackage(MEDIGRID, TODAY)).contains(contracted);
        packageRow(subscribed, "EMERGENCY_RESPONSE");
        subscribe(subscribed, 1);
        assertThat(context.emergencyPackage(MEDIGRID, TODAY)).contains(subscribed);
    }

    private void packageRow(SupportPackageId id, String category) {
        jdbc.sql("""
                        insert into support_package (package_id, name, description, category, currency, status, defined_on)
                        values (:id, :name, 'd', :category, 'EUR', 'PUBLISHED', '2026-10-01')""")
                .param("id", id.value()).param("name", "p-" + id).param("category", category).update();
    }

    private void subscribe(SupportPackageId packageId, int seats) {
        UUID subscription = UUID.randomUUID();
        jdbc.sql("""
                        insert into subscription (subscription_id, community_id, package_id, starts_on, subscribed_on)
                        values (:id, :community, :package, '2026-11-01', '2026-10-20')""")
                .param("id", subscription).param("community", MEDIGRID.value()).param("package", packageId.value())
                .update();
        jdbc.sql("insert into subscription_seats (subscription_id, effective_from, seats) values (:id, '2026-11-01', :n)")
                .param("id", subscription).param("n", seats).update();
    }

    private void contract(SupportPackageId packageId, ProviderId provider, String communities, String lotKey) {
        UUID tender = UUID.randomUUID();
        jdbc.sql("""
                        insert into tender (tender_id, package_id, lot_communities, lot_key, weight_price, weight_quality,
                            weight_capacity, weight_experience, deadline, status, opened_on)
                        values (:id, :package, :communities, :lot, 100, 0, 0, 0, now(), 'AWARDED', '2026-10-01')""")
                .param("id", tender).param("package", packageId.value()).param("communities", communities)
                .param("lot", lotKey).update();
        jdbc.sql("""
                        insert into tender_contract (tender_id, provider_id, package_id, valid_from, valid_until)
                        values (:id, :provider, :package, '2026-11-01', '2028-11-01')""")
                .param("id", tender).param("provider", provider.value()).param("package", packageId.value()).update();
    }
}
