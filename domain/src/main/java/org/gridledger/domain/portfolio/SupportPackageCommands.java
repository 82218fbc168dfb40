package org.gridledger.domain.portfolio;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Currency;

/** Commands of the SupportPackage aggregate. */
public final class SupportPackageCommands {

    private SupportPackageCommands() {
    }

    /** Defines a new package as a draft, priced in {@code currency}. */
    public record DefineSupportPackageCommand(@TargetAggregateIdentifier SupportPackageId packageId, String name,
                                              String description, PackageCategory category, Currency currency) {
    }

    /** Changes the name and description a package is presented with; its terms are unaffected. */
    public record DescribeSupportPackageCommand(@TargetAggregateIdentifier SupportPackageId packageId, String name,
                                                String description) {
    }

    /** Adds a terms version taking effect on {@code terms.effectiveFrom()}; the past is never changed. */
    public record ReviseSupportPackageTermsCommand(@TargetAggregateIdentifier SupportPackageId packageId,
                                                   PackageTerms terms) {
    }

    /** Puts a draft package into the catalogue. */
    public record PublishSupportPackageCommand(@TargetAggregateIdentifier SupportPackageId packageId) {
    }

    /** Takes a published package out of the catalogue; existing subscriptions run to their end. */
    public record RetireSupportPackageCommand(@TargetAggregateIdentifier SupportPackageId packageId, String reason) {
    }
}
