package org.gridledger.app.finance;

import org.gridledger.accounting.settlement.SettlementComposer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * Provider settlement settings under {@code gridledger.finance}.
 *
 * @param clearingCommission the fraction of cleared usage the organisation keeps, from 0 (the default: providers are
 *                           paid what the communities are billed for their resources) up to, not including, 1
 *                           ({@code 0.05} keeps 5 %); environment {@code GRIDLEDGER_FINANCE_CLEARING_COMMISSION}
 */
@ConfigurationProperties("gridledger.finance")
public record SettlementProperties(@DefaultValue("0") BigDecimal clearingCommission) {

    public SettlementProperties {
        SettlementComposer.requireRate(clearingCommission);
    }
}
