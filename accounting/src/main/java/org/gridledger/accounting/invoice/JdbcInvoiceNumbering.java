package org.gridledger.accounting.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counters in {@code invoice_number_counter}: the year's row is created on its first use ({@code on conflict do
 * nothing}, which waits for a concurrent creator), then {@code update … returning} increments it and holds its row
 * lock until the command's transaction ends.
 */
@Component
class JdbcInvoiceNumbering implements InvoiceNumbering {

    private final JdbcClient jdbc;

    JdbcInvoiceNumbering(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int next(Series series, int year) {
        jdbc.sql("""
                        insert into invoice_number_counter (series, year, last_number) values (:series, :year, 0)
                        on conflict (series, year) do nothing""")
                .param("series", series.name()).param("year", year).update();
        return jdbc.sql("""
                        update invoice_number_counter set last_number = last_number + 1
                        where series = :series and year = :year returning last_number""")
                .param("series", series.name()).param("year", year)
                .query(Integer.class).single();
    }
}
