package org.gridledger.portfolio.tender;

import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TenderId;
import org.gridledger.domain.shared.DateRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The tender's view of packages and providers, held in maps the tests fill. */
class InMemoryTenderContext implements TenderContext {

    final Map<SupportPackageId, PackageFacts> packages = new HashMap<>();
    final Map<ProviderId, Candidate> providers = new HashMap<>();
    /** Certifications valid over [from, until) per provider and type. */
    final Map<ProviderId, Map<CertificationType, LocalDate[]>> certifications = new HashMap<>();
    final Set<String> takenLots = new HashSet<>();
    /** The last day of a running, unterminated contract per package/lot. */
    final Map<String, LocalDate> runningUntil = new HashMap<>();
    /** Contracts of other tenders per package and lot key, with the days each covers. */
    final Map<String, List<LotContract>> lotContracts = new HashMap<>();

    void contract(SupportPackageId packageId, String lotKey, LotContract contract) {
        lotContracts.computeIfAbsent(packageId + "/" + lotKey, k -> new ArrayList<>()).add(contract);
    }

    void certify(ProviderId provider, CertificationType type, LocalDate from, LocalDate until) {
        certifications.computeIfAbsent(provider, p -> new HashMap<>()).put(type, new LocalDate[] {from, until});
    }

    @Override
    public Optional<PackageFacts> packageFacts(SupportPackageId packageId) {
        return Optional.ofNullable(packages.get(packageId));
    }

    @Override
    public Optional<Candidate> candidate(ProviderId providerId) {
        return Optional.ofNullable(providers.get(providerId));
    }

    @Override
    public boolean certified(ProviderId providerId, CertificationType type, LocalDate on) {
        LocalDate[] validity = certifications.getOrDefault(providerId, Map.of()).get(type);
        return validity != null && !on.isBefore(validity[0]) && on.isBefore(validity[1]);
    }

    @Override
    public boolean lotTaken(SupportPackageId packageId, String lotKey, LocalDate horizon) {
        LocalDate until = runningUntil.get(packageId + "/" + lotKey);
        return takenLots.contains(packageId + "/" + lotKey) || until != null && until.isAfter(horizon);
    }

    @Override
    public Optional<LotContract> overlappingContract(SupportPackageId packageId, String lotKey, TenderId tenderId,
                                                     DateRange term) {
        return lotContracts.getOrDefault(packageId + "/" + lotKey, List.of()).stream()
                .filter(c -> !c.tenderId().equals(tenderId) && c.covers().overlaps(term)
                        && (c.covers().isOpenEnded() || c.covers().days() > 0))
                .max(Comparator.comparing((LotContract c) -> c.covers().until(),
                        Comparator.nullsLast(Comparator.naturalOrder())));
    }
}
