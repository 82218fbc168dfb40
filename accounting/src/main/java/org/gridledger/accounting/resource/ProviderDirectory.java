package org.gridledger.accounting.resource;

import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderId;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What accounting needs to know about providers, which the portfolio context keeps. Accounting does not depend on
 * portfolio: the application wires an adapter that asks portfolio's published queries. It runs on the command's
 * thread and transaction, so it sees the last committed provider changes.
 */
public interface ProviderDirectory {

    /** The provider's standing, empty when there is no such provider. */
    Optional<Standing> standing(ProviderId providerId);

    /** Whether the provider holds a certification of {@code type} in force and not withdrawn on {@code on}. */
    boolean certified(ProviderId providerId, CertificationType type, LocalDate on);

    record Standing(ProviderId providerId, boolean suspended) {
    }
}
