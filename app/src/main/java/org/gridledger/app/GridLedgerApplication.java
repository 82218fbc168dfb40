package org.gridledger.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The GridLedger service. */
@SpringBootApplication(scanBasePackages = "org.gridledger")
@ConfigurationPropertiesScan("org.gridledger")
public class GridLedgerApplication {

    public static void main(String[] args) {
        disableVendorUpdateCheck();
        SpringApplication.run(GridLedgerApplication.class, args);
    }

    /** Axon checks its vendor's update server at start unless told not to; the service never calls home. */
    public static void disableVendorUpdateCheck() {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }
}
