package org.gridledger.app.finance;

import org.gridledger.app.config.ServiceClock;
import org.gridledger.app.support.ApiTestBase;
import org.gridledger.app.ticket.TicketSweeper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Clock;

/** API tests that build what they bill or settle through a {@link SettlementScenario} on the shared service. */
abstract class SettlementScenarioTest extends ApiTestBase {

    @Autowired
    private Clock clock;
    @Autowired
    private TicketSweeper sweeper;
    @Autowired
    private DataSource dataSource;

    SettlementScenario scenario() {
        return new SettlementScenario(staff(), (ServiceClock) clock, sweeper, jdbc());
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }
}
