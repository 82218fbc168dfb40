package org.gridledger.app.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * Settings of the billing run ({@code gridledger.billing.*}). Communities are billed in the finance currency
 * ({@code gridledger.finance.currency}).
 *
 * @param defaultVatRate the VAT rate of communities without a rate of their own, as a fraction (environment
 *                       {@code GRIDLEDGER_BILLING_DEFAULT_VAT_RATE}, default 0.19, Germany's standard rate)
 */
@ConfigurationProperties("gridledger.billing")
public record BillingProperties(@DefaultValue("0.19") BigDecimal defaultVatRate) {
}
