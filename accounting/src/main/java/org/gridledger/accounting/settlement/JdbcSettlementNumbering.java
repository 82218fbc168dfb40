package org.gridledger.accounting.settlement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counters in {@code provider_settlement_number_counter}: the year's row is created on first use ({@code on conflict
 * do nothing}), then {@code update … returning} increments it and holds its row lock until the transaction ends.
 */
@Component
class JdbcSettlementNumbering implements SettlementNumbering {

    private final JdbcClient jdbc;

    JdbcSettlementNumbering(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int next(int year) {
        jdbc.sql("""
                        insert into provider_settlement_number_counter (year, last_number) values (:year, 0)
                        on conflict (year) do nothing""")
                .param("year", year).update();
        return jdbc.sql("""
                        update provider_settlement_number_counter set last_number = last_number + 1
                        where year = :year returning last_number""")
                .param("year", year)
                .query(Integer.class).single();
    }
}
