package org.gridledger.app.accounting;

import org.gridledger.accounting.job.EmergencyRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job rules' settings as beans the Job aggregate's handlers receive. */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

    @Bean
    EmergencyRole emergencyRole(JobProperties properties) {
        return new EmergencyRole(properties.emergencyRole().strip());
    }
}
