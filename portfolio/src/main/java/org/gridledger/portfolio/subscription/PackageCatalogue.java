package org.gridledger.portfolio.subscription;

import org.gridledger.domain.portfolio.PackageStatus;
import org.gridledger.domain.portfolio.SupportPackageId;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the subscription rules need to know of a package at command time: its status and the day its first terms
 * take effect. Read from the {@code support_package} projection, which is written in the command transactions too
 * (ADR 0005), so it is as current as the last committed package command.
 */
public interface PackageCatalogue {

    Optional<Offer> find(SupportPackageId packageId);

    /** {@code firstTermsFrom} is null while the package has no terms that take effect. */
    record Offer(PackageStatus status, LocalDate firstTermsFrom) {
    }
}
