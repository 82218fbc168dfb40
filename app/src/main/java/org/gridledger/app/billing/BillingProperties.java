package org.gridledger.app.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * Settings of the billing run ({@code gridledger.billing.*}).
 *
 * @param defaultVatRate the VAT rate of communities without a rate of their own, as a fraction (environment
 *                       {@code GRIDLEDGER_BILLING_DEFAULT_VAT_RATE}, default 0.19, Germany's standard rate)
 * @param currency       the currency communities are billed in (ISO 4217, default EUR)
 */
@ConfigurationProperties("gridledger.billing")
public record BillingProperties(@DefaultValue("0.19") BigDecimal defaultVatRate, @DefaultValue("EUR") String currency) {
}
