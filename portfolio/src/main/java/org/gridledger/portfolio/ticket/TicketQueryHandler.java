package org.gridledger.portfolio.ticket;

import org.axonframework.queryhandling.QueryHandler;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.support.SlaTargetKind;
import org.gridledger.domain.support.TicketDeadline;
import org.gridledger.domain.support.TicketId;
import org.gridledger.domain.support.TicketLinkKind;
import org.gridledger.domain.support.TicketOutcome;
import org.gridledger.domain.support.TicketQueries.CommentView;
import org.gridledger.domain.support.TicketQueries.CreditView;
import org.gridledger.domain.support.TicketQueries.DueDeadlineView;
import org.gridledger.domain.support.TicketQueries.DueDeadlinesView;
import org.gridledger.domain.support.TicketQueries.FindDueTicketDeadlinesQuery;
import org.gridledger.domain.support.TicketQueries.FindServiceCreditsQuery;
import org.gridledger.domain.support.TicketQueries.FindSlaComplianceQuery;
import org.gridledger.domain.support.TicketQueries.FindTicketQuery;
import org.gridledger.domain.support.TicketQueries.FindTicketsQuery;
import org.gridledger.domain.support.TicketQueries.LinkView;
import org.gridledger.domain.support.TicketQueries.NotificationView;
import org.gridledger.domain.support.TicketQueries.ServiceCreditRow;
import org.gridledger.domain.support.TicketQueries.ServiceCreditsView;
import org.gridledger.domain.support.TicketQueries.SlaComplianceRow;
import org.gridledger.domain.support.TicketQueries.SlaComplianceView;
import org.gridledger.domain.support.TicketQueries.TicketPageView;
import org.gridledger.domain.support.TicketQueries.TicketView;
import org.gridledger.domain.support.TicketQueries.TicketVisibility;
import org.gridledger.domain.support.TicketSide;
import org.gridledger.domain.support.TicketStatus;
import org.gridledger.portfolio.calendar.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answers the ticket queries from the ticket read model. Service credits for billing: {@code service_credit_entry}
 * summed per month, community, package and provider ({@link FindServiceCreditsQuery}).
 */
@Component
class TicketQueryHandler {

    private final JdbcClient jdbc;
    /** The calendar's zone, in which a breach or an opening belongs to a month (as the credits do). */
    private final String zone;

    TicketQueryHandler(JdbcClient jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.zone = calendar.zone().getId();
    }

    @QueryHandler
    TicketView handle(FindTicketQuery query) {
        return jdbc.sql("select t.*, p.name as provider_name from ticket t left join provider p using (provider_id)"
                        + " where t.ticket_id = :id")
                .param("id", query.ticketId().value())
                .query(this::row).optional().map(this::withDetails)
                .orElseThrow(() -> DomainException.of(ErrorCode.TICKET_NOT_FOUND, "no ticket %s", query.ticketId()));
    }

    @QueryHandler
    TicketPageView handle(FindTicketsQuery query) {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        TicketVisibility visibility = query.visibility();
        if (!visibility.all()) {
            List<String> any = new ArrayList<>();
            if (!visibility.communities().isEmpty()) {
                any.add("t.community_id in (:communities)");
                params.put("communities", visibility.communities().stream().map(CommunityId::value).toList());
            }
            if (!visibility.providers().isEmpty()) {
                any.add("t.provider_id in (:providers)");
                params.put("providers", visibility.providers().stream().map(ProviderId::value).toList());
            }
            if (visibility.submittedBy() != null) {
                any.add("t.submitted_by = :submitter");
                params.put("submitter", visibility.submittedBy());
            }
            conditions.add(any.isEmpty() ? "false" : "(" + String.join(" or ", any) + ")");
        }
        if (query.status() != null) {
            conditions.add("t.status = :status");
            params.put("status", query.status().name());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from ticket t" + where).params(params).query(Long.class).single();
        params.put("limit", query.pagination().size());
        params.put("offset", query.pagination().offset());
        List<TicketView> items = jdbc.sql("select t.*, p.name as provider_name from ticket t"
                        + " left join provider p using (provider_id)" + where
                        + " order by t.opened_at desc, t.ticket_id limit :limit offset :offset")
                .params(params).query(this::row).list();
        return new TicketPageView(items.stream().map(this::withDetails).toList(), query.pagination().page(),
                query.pagination().size(), total);
    }

    @QueryHandler
    DueDeadlinesView handle(FindDueTicketDeadlinesQuery query) {
        return new DueDeadlinesView(jdbc.sql("""
                        select ticket_id, deadline, due_at from ticket_deadline where due_at <= :asOf
                        order by due_at, ticket_id, deadline limit :limit""")
                .param("asOf", Timestamp.from(query.asOf()))
                .param("limit", Math.max(1, Math.min(query.limit(), 1000)))
                .query((rs, n) -> new DueDeadlineView(new TicketId(rs.getObject("ticket_id", UUID.class)),
                        TicketDeadline.valueOf(rs.getString("deadline")), instant(rs, "due_at")))
                .list());
    }

    /**
     * Per provider (null: the first-level queue): tickets opened in the month that lie with it, breaches in the
     * month charged to it, and its net penalties of the month.
     */
    @QueryHandler
    SlaComplianceView handle(FindSlaComplianceQuery query) {
        YearMonth month = required(query.month());
        LocalDate from = month.atDay(1);
        Map<String, Object> params = new HashMap<>(Map.of("from", from, "until", from.plusMonths(1), "zone", zone));
        String filter = "";
        if (query.providers() != null) {
            if (query.providers().isEmpty()) {
                return new SlaComplianceView(month, List.of());
            }
            filter = " where x.provider_id in (:providers)";
            params.put("providers", query.providers().stream().map(ProviderId::value).toList());
        }
        List<SlaComplianceRow> rows = jdbc.sql("""
                        with opened as (
                            select provider_id, count(*) as n from ticket
                            where (opened_at at time zone :zone)::date >= :from
                              and (opened_at at time zone :zone)::date < :until group by provider_id),
                        breaches as (
                            select provider_id, count(*) filter (where kind = 'RESPONSE') as response,
                                count(*) filter (where kind = 'RESOLUTION') as resolution from ticket_breach
                            where (breached_at at time zone :zone)::date >= :from
                              and (breached_at at time zone :zone)::date < :until group by provider_id),
                        penalties as (
                            select provider_id, sum(amount) as amount, min(currency) as currency from service_credit_entry
                            where credit_month = :from and entry in ('PENALTY', 'PENALTY_REVERSAL') group by provider_id),
                        x as (select provider_id from opened union select provider_id from breaches
                              union select provider_id from penalties)
                        select x.provider_id, p.name, coalesce(o.n, 0) as opened, coalesce(b.response, 0) as response,
                            coalesce(b.resolution, 0) as resolution, coalesce(e.amount, 0) as penalties,
                            coalesce(e.currency, 'EUR') as currency
                        from x left join provider p on p.provider_id = x.provider_id
                            left join opened o on o.provider_id is not distinct from x.provider_id
                            left join breaches b on b.provider_id is not distinct from x.provider_id
                            left join penalties e on e.provider_id is not distinct from x.provider_id""" + filter
                        + " order by p.name nulls first, x.provider_id")
                .params(params)
                .query((rs, n) -> new SlaComplianceRow(providerId(rs), rs.getString("name"), rs.getLong("opened"),
                        rs.getLong("response"), rs.getLong("resolution"),
                        new Money(rs.getBigDecimal("penalties"), Currency.getInstance(rs.getString("currency")))))
                .list();
        return new SlaComplianceView(month, rows);
    }

    @QueryHandler
    ServiceCreditsView handle(FindServiceCreditsQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.month() != null) {
            conditions.add("credit_month = :month");
            params.put("month", query.month().atDay(1));
        }
        if (query.communityId() != null) {
            conditions.add("community_id = :community");
            params.put("community", query.communityId().value());
        }
        if (query.providerId() != null) {
            conditions.add("provider_id = :provider");
            params.put("provider", query.providerId().value());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return new ServiceCreditsView(jdbc.sql("""
                        select credit_month, community_id, package_id, provider_id, currency,
                            count(*) filter (where entry = 'CREDIT')
                                - count(*) filter (where entry = 'CREDIT_REVERSAL') as breaches,
                            coalesce(sum(amount) filter (where entry in ('CREDIT', 'CREDIT_REVERSAL')), 0) as credited,
                            coalesce(sum(amount) filter (where entry in ('PENALTY', 'PENALTY_REVERSAL')), 0) as penalised
                        from service_credit_entry""" + where + """

                        group by credit_month, community_id, package_id, provider_id, currency
                        order by credit_month, community_id, package_id, provider_id nulls first""")
                .params(params)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new ServiceCreditRow(YearMonth.from(rs.getObject("credit_month", LocalDate.class)),
                            new CommunityId(rs.getObject("community_id", UUID.class)),
                            new SupportPackageId(rs.getObject("package_id", UUID.class)), providerId(rs),
                            rs.getLong("breaches"), new Money(rs.getBigDecimal("credited"), currency),
                            new Money(rs.getBigDecimal("penalised"), currency));
                })
                .list());
    }

    private TicketView withDetails(TicketView t) {
        UUID id = t.ticketId().value();
        List<CommentView> comments = jdbc.sql("select * from ticket_comment where ticket_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new CommentView(TicketSide.valueOf(rs.getString("side")), rs.getString("author"),
                        rs.getString("text"), instant(rs, "commented_at")))
                .list();
        List<LinkView> links = jdbc.sql("select * from ticket_link where ticket_id = :id order by kind, other_ticket_id")
                .param("id", id)
                .query((rs, n) -> new LinkView(new TicketId(rs.getObject("other_ticket_id", UUID.class)),
                        TicketLinkKind.valueOf(rs.getString("kind"))))
                .list();
        List<CreditView> credits = jdbc.sql("""
                        select c.kind, c.credit_month, c.amount, c.currency, exists (select 1 from service_credit_entry r
                            where r.ticket_id = c.ticket_id and r.kind = c.kind and r.entry = 'CREDIT_REVERSAL') as reversed
                        from service_credit_entry c where c.ticket_id = :id and c.entry = 'CREDIT' order by c.kind""")
                .param("id", id)
                .query((rs, n) -> new CreditView(SlaTargetKind.valueOf(rs.getString("kind")),
                        YearMonth.from(rs.getObject("credit_month", LocalDate.class)),
                        new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                        rs.getBoolean("reversed")))
                .list();
        Map<TicketDeadline, Instant> deadlines = new EnumMap<>(TicketDeadline.class);
        jdbc.sql("select deadline, due_at from ticket_deadline where ticket_id = :id").param("id", id)
                .query(rs -> {
                    deadlines.put(TicketDeadline.valueOf(rs.getString("deadline")), instant(rs, "due_at"));
                });
        List<NotificationView> notifications = jdbc.sql("""
                        select recipient, subject, sent_at from ticket_notification where ticket_id = :id
                        order by notification_id""")
                .param("id", id)
                .query((rs, n) -> new NotificationView(rs.getString("recipient"), rs.getString("subject"),
                        instant(rs, "sent_at")))
                .list();
        return new TicketView(t.ticketId(), t.communityId(), t.packageId(), t.providerId(), t.providerName(),
                t.routing(), t.priority(), t.emergency(), t.status(), t.outcome(), t.subject(), t.description(),
                t.submittedBy(), t.openedAt(), t.responseTarget(), t.resolutionTarget(), t.respondedAt(),
                t.solvedAt(), t.closedAt(), t.responseBreached(), t.resolutionBreached(), t.exempted(),
                t.affectedPersonDn(), t.suspensionReference(), deadlines, comments, links, credits, notifications);
    }

    private TicketView row(ResultSet rs, int n) throws SQLException {
        UUID packageId = rs.getObject("package_id", UUID.class);
        String outcome = rs.getString("outcome");
        return new TicketView(new TicketId(rs.getObject("ticket_id", UUID.class)),
                new CommunityId(rs.getObject("community_id", UUID.class)),
                packageId == null ? null : new SupportPackageId(packageId), providerId(rs),
                rs.getString("provider_name"), rs.getString("routing"), TicketPriority.valueOf(rs.getString("priority")),
                rs.getBoolean("emergency"), TicketStatus.valueOf(rs.getString("status")),
                outcome == null ? null : TicketOutcome.valueOf(outcome), rs.getString("subject"),
                rs.getString("description"), rs.getString("submitted_by"), instant(rs, "opened_at"),
                seconds(rs, "response_target_seconds"), seconds(rs, "resolution_target_seconds"),
                instant(rs, "responded_at"), instant(rs, "solved_at"), instant(rs, "closed_at"),
                rs.getBoolean("response_breached"), rs.getBoolean("resolution_breached"), rs.getBoolean("exempted"),
                rs.getString("affected_person_dn"), rs.getString("suspension_reference"), Map.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    private static ProviderId providerId(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("provider_id", UUID.class);
        return id == null ? null : new ProviderId(id);
    }

    private static Duration seconds(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofSeconds(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static YearMonth required(YearMonth month) {
        if (month == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "month is required");
        }
        return month;
    }
}
