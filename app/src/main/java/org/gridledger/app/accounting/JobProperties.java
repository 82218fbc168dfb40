package org.gridledger.app.accounting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of jobs under the prefix {@code gridledger.jobs}.
 *
 * @param emergencyRole the VO role that grants emergency priority (a member holding {@code /vo/Role=<this>} in the
 *                      VO of the job's FQAN)
 */
@ConfigurationProperties("gridledger.jobs")
record JobProperties(@DefaultValue("emergency") String emergencyRole) {
}
