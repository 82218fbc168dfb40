package org.gridledger.domain.finance;

/**
 * What a tariff prices, in rating precedence: a community's agreement beats a resource's price, which beats the
 * provider's default. An agreement names a community and either a resource or a provider.
 */
public enum TariffKind {
    AGREEMENT, RESOURCE, PROVIDER_DEFAULT
}
