package org.gridledger.reporting.billing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridledger.domain.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The bills a run computed, one row per run and community, written in the chunk's transaction. */
public final class BillStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public BillStore(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records the bill; a row for the same run and community (a chunk repeated after a failure) is left as it is. */
    void record(long runId, BillingMode mode, CommunityBill bill, BillOutcome outcome, String invoiceNumber) {
        jdbc.sql("""
                        insert into billing_run_bill (run_id, community_id, period, mode, community_name, currency,
                            vat_rate, net_total, vat_total, gross_total, line_count, lines, outcome, invoice_number,
                            recorded_at)
                        values (:run, :community, :period, :mode, :name, :currency, :vatRate, :net, :vat, :gross,
                            :lineCount, cast(:lines as jsonb), :outcome, :invoice, :at)
                        on conflict (run_id, community_id) do nothing""")
                .param("run", runId)
                .param("community", bill.community().communityId().value())
                .param("period", bill.period().toString())
                .param("mode", mode.name())
                .param("name", bill.community().name())
                .param("currency", bill.community().currency().getCurrencyCode())
                .param("vatRate", bill.community().vatRate())
                .param("net", bill.netTotal().amount())
                .param("vat", bill.vatTotal().amount())
                .param("gross", bill.grossTotal().amount())
                .param("lineCount", bill.lines().size())
                .param("lines", write(bill.lines()))
                .param("outcome", outcome.name())
                .param("invoice", invoiceNumber)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** The run's bills, in community order. */
    public List<RecordedBill> bills(long runId) {
        return jdbc.sql("""
                        select community_id, community_name, period, mode, currency, vat_rate, net_total, vat_total,
                               gross_total, line_count, lines::text as lines, outcome, invoice_number
                        from billing_run_bill where run_id = :run order by community_name, community_id""")
                .param("run", runId)
                .query((rs, n) -> new RecordedBill(rs.getObject("community_id", UUID.class),
                        rs.getString("community_name"), rs.getString("period"), BillingMode.valueOf(rs.getString("mode")),
                        rs.getString("currency"), rs.getBigDecimal("vat_rate"), rs.getBigDecimal("net_total"),
                        rs.getBigDecimal("vat_total"), rs.getBigDecimal("gross_total"), rs.getInt("line_count"),
                        read(rs.getString("lines")), BillOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("invoice_number")))
                .list();
    }

    /** How many bills the run recorded, by outcome. */
    public Map<BillOutcome, Long> outcomes(long runId) {
        Map<BillOutcome, Long> counts = new EnumMap<>(BillOutcome.class);
        jdbc.sql("select outcome, count(*) as n from billing_run_bill where run_id = :run group by outcome")
                .param("run", runId)
                .query(rs -> {
                    counts.put(BillOutcome.valueOf(rs.getString("outcome")), rs.getLong("n"));
                });
        return counts;
    }

    Optional<String> invoiceNumber(long runId, UUID communityId) {
        return jdbc.sql("select invoice_number from billing_run_bill where run_id = :run and community_id = :c")
                .param("run", runId).param("c", communityId).query(String.class).optional();
    }

    private String write(List<BillLine> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write bill lines", e);
        }
    }

    private JsonNode read(String lines) {
        try {
            return json.readTree(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read bill lines", e);
        }
    }

    /**
     * A bill as recorded; {@code lines} is the JSON array of its lines. In JSON the totals are decimal strings as
     * every amount of the API is ({@link Money#amountText()}), and the VAT rate a plain decimal string, so that no
     * client reads money as a float.
     */
    public record RecordedBill(UUID communityId, String communityName, String period, BillingMode mode,
                               String currency, @JsonIgnore BigDecimal vatRate, @JsonIgnore BigDecimal netTotal,
                               @JsonIgnore BigDecimal vatTotal, @JsonIgnore BigDecimal grossTotal, int lineCount,
                               JsonNode lines, BillOutcome outcome,
                               String invoiceNumber) {

        @JsonProperty("vatRate")
        String vatRateText() {
            return vatRate.stripTrailingZeros().toPlainString();
        }

        @JsonProperty("netTotal")
        String netTotalText() {
            return text(netTotal);
        }

        @JsonProperty("vatTotal")
        String vatTotalText() {
            return text(vatTotal);
        }

        @JsonProperty("grossTotal")
        String grossTotalText() {
            return text(grossTotal);
        }

        private String text(BigDecimal amount) {
            return new Money(amount, Currency.getInstance(currency)).amountText();
        }
    }
}
