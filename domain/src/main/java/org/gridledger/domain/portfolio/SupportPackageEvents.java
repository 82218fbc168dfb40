package org.gridledger.domain.portfolio;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Currency;

/** Events of the SupportPackage aggregate. Business dates are in the organisation's time zone. */
public final class SupportPackageEvents {

    private SupportPackageEvents() {
    }

    @Revision("1")
    public record SupportPackageDefinedEvent(SupportPackageId packageId, String name, String description,
                                             PackageCategory category, Currency currency, LocalDate definedOn) {
    }

    @Revision("1")
    public record SupportPackageDescribedEvent(SupportPackageId packageId, String name, String description) {
    }

    /**
     * A terms version was added. {@code version} counts from 1; when the new version takes effect on the same day as
     * a version not yet in force, it {@code supersedes} that version, which then never takes effect.
     */
    @Revision("1")
    public record SupportPackageTermsRevisedEvent(SupportPackageId packageId, int version, PackageTerms terms,
                                                  Integer supersedes) {
    }

    @Revision("1")
    public record SupportPackagePublishedEvent(SupportPackageId packageId, LocalDate publishedOn) {
    }

    @Revision("1")
    public record SupportPackageRetiredEvent(SupportPackageId packageId, LocalDate retiredOn, String reason) {
    }
}
