package org.gridledger.app.accounting;

import org.gridledger.accounting.resource.ProviderDirectory;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ProviderQueries.FindProvidersQuery;
import org.gridledger.domain.portfolio.ProviderQueries.ProviderPageView;
import org.gridledger.domain.shared.Pagination;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Accounting's view of providers, answered by portfolio's published provider query. The list query with the provider
 * as its only id answers "no such provider" with an empty page instead of an error, so a failed look-up does not mark
 * the command's transaction for rollback. Queries run on the calling thread and transaction (Axon's local query bus).
 */
@Component
class ResourceProviderDirectory implements ProviderDirectory {

    private static final Pagination ONE = new Pagination(0, 1);

    private final Queries queries;

    ResourceProviderDirectory(Queries queries) {
        this.queries = queries;
    }

    @Override
    public Optional<Standing> standing(ProviderId providerId) {
        return queries.ask(new FindProvidersQuery(Set.of(providerId), null, null, null, ONE), ProviderPageView.class)
                .items().stream().findFirst().map(p -> new Standing(p.providerId(), p.suspended()));
    }

    @Override
    public boolean certified(ProviderId providerId, CertificationType type, LocalDate on) {
        return !queries.ask(new FindProvidersQuery(Set.of(providerId), null, type, on, ONE), ProviderPageView.class)
                .items().isEmpty();
    }
}
