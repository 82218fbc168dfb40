package org.gridledger.app.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the membership sweeper. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class VoScheduling {
}
