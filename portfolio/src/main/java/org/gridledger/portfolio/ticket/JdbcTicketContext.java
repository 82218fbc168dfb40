package org.gridledger.portfolio.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ServiceCreditRule;
import org.gridledger.domain.portfolio.SlaTarget;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.Money;
import org.gridledger.domain.support.TicketId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads {@code subscription}/{@code subscription_seats}, {@code support_package_terms}, {@code tender}/
 * {@code tender_contract} and the ticket tables on the command's transaction.
 */
@Component
class JdbcTicketContext implements TicketContext {

    private static final TypeReference<List<SlaTarget>> SLA_LIST = new TypeReference<>() {
    };
    /** Contracts covering {@code :on}, not terminated by then. */
    private static final String RUNNING = """
            c.valid_from <= :on and :on < c.valid_until and (c.terminated_on is null or :on < c.terminated_on)""";
    private static final String SUBSCRIBED = """
            exists (select 1 from subscription s where s.community_id = :community and s.package_id = p.package_id
                and s.starts_on <= :on and (s.ends_on is null or :on < s.ends_on))""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JdbcTicketContext(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<Integer> subscribedSeats(CommunityId communityId, SupportPackageId packageId, LocalDate on) {
        return jdbc.sql("""
                        select (select n.seats from subscription_seats n where n.subscription_id = s.subscription_id
                                and n.effective_from <= :on order by n.effective_from desc limit 1) as seats
                        from subscription s where s.community_id = :community and s.package_id = :package
                            and s.starts_on <= :on and (s.ends_on is null or :on < s.ends_on)
                        order by s.starts_on desc limit 1""")
                .param("community", communityId.value())
                .param("package", packageId.value())
                .param("on", on)
                .query((rs, n) -> rs.getObject("seats") == null ? 1 : rs.getInt("seats"))
                .optional();
    }

    @Override
    public Optional<Terms> termsInForce(SupportPackageId packageId, LocalDate on) {
        return jdbc.sql("""
                        select t.*, p.currency from support_package_terms t join support_package p using (package_id)
                        where t.package_id = :package and t.effective_from <= :on and not t.superseded
                        order by t.effective_from desc, t.version desc limit 1""")
                .param("package", packageId.value())
                .param("on", on)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    BigDecimal percent = rs.getBigDecimal("credit_percent_per_breach");
                    ServiceCreditRule rule = percent == null ? null
                            : new ServiceCreditRule(percent, rs.getBigDecimal("credit_monthly_cap_percent"));
                    return new Terms(readSla(rs.getString("sla_targets")), rule,
                            new Money(rs.getBigDecimal("monthly_flat_fee"), currency),
                            new Money(rs.getBigDecimal("per_seat_fee"), currency));
                })
                .optional();
    }

    @Override
    public Optional<Route> route(SupportPackageId packageId, CommunityId communityId, LocalDate on) {
        return jdbc.sql("""
                        select c.provider_id, c.tender_id, t.lot_communities <> '' as community_lot,
                            (select count(*) from ticket k where k.provider_id = c.provider_id
                                and k.status <> 'CLOSED') as open_tickets
                        from tender_contract c join tender t on t.tender_id = c.tender_id
                        where c.package_id = :package and\s""" + RUNNING + """
                            and (t.lot_key = '' or (t.lot_region is null
                                and (',' || t.lot_communities || ',') like ('%,' || :community || ',%')))
                        order by community_lot desc, open_tickets, c.provider_id limit 1""")
                .param("package", packageId.value())
                .param("community", communityId.toString())
                .param("on", on)
                .query((rs, n) -> new Route(new ProviderId(rs.getObject("provider_id", UUID.class)),
                        "contract of tender " + rs.getObject("tender_id", UUID.class)
                                + (rs.getBoolean("community_lot") ? " for the community's lot" : " for the whole package")
                                + " on " + on))
                .optional();
    }

    @Override
    public boolean holdsContract(ProviderId providerId, SupportPackageId packageId, LocalDate on) {
        return jdbc.sql("select exists (select 1 from tender_contract c where c.provider_id = :provider"
                        + " and c.package_id = :package and " + RUNNING + ")")
                .param("provider", providerId.value())
                .param("package", packageId.value())
                .param("on", on)
                .query(Boolean.class).single();
    }

    @Override
    public Optional<SupportPackageId> emergencyPackage(CommunityId communityId, LocalDate on) {
        return jdbc.sql("""
                        select p.package_id from support_package p where p.category = 'EMERGENCY_RESPONSE'
                            and (\s""" + SUBSCRIBED + """
                                or exists (select 1 from tender_contract c where c.package_id = p.package_id and\s"""
                        + RUNNING + """
                        ))
                        order by\s""" + SUBSCRIBED + " desc, p.name, p.package_id limit 1")
                .param("community", communityId.value())
                .param("on", on)
                .query((rs, n) -> new SupportPackageId(rs.getObject("package_id", UUID.class)))
                .optional();
    }

    @Override
    public boolean ticketExists(TicketId ticketId) {
        return jdbc.sql("select exists (select 1 from ticket where ticket_id = :id)")
                .param("id", ticketId.value()).query(Boolean.class).single();
    }

    @Override
    public Money lockAndSumCredits(CommunityId communityId, SupportPackageId packageId, YearMonth month, Money zero) {
        LocalDate first = month.atDay(1);
        jdbc.sql("""
                        insert into service_credit_month_lock (community_id, package_id, credit_month)
                        values (:community, :package, :month) on conflict do nothing""")
                .param("community", communityId.value()).param("package", packageId.value()).param("month", first)
                .update();
        jdbc.sql("""
                        select credit_month from service_credit_month_lock where community_id = :community
                            and package_id = :package and credit_month = :month for update""")
                .param("community", communityId.value()).param("package", packageId.value()).param("month", first)
                .query().listOfRows();
        BigDecimal sum = jdbc.sql("""
                        select coalesce(sum(amount), 0) from service_credit_entry where community_id = :community
                            and package_id = :package and credit_month = :month
                            and entry in ('CREDIT', 'CREDIT_REVERSAL')""")
                .param("community", communityId.value()).param("package", packageId.value()).param("month", first)
                .query(BigDecimal.class).single();
        return zero.plus(new Money(sum, zero.currency()));
    }

    private List<SlaTarget> readSla(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, SLA_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read SLA targets", e);
        }
    }
}
