package org.gridledger.app.config;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The one clock of the service ({@link ServiceClock}), in the organisation's time zone; tests replace it with a clock they move. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(GridLedgerProperties properties) {
        Clock system = Clock.system(properties.timeZone());
        if (properties.clockOffset().isZero()) {
            return new ServiceClock(system);
        }
        LoggerFactory.getLogger(TimeConfiguration.class).warn(
                "The service clock runs {} ahead of the real time (gridledger.clock-offset): demonstrations only",
                properties.clockOffset());
        return new ServiceClock(Clock.offset(system, properties.clockOffset()));
    }
}
