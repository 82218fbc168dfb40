package org.gridledger.accounting.job;

import org.gridledger.domain.portfolio.CommunityId;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** VO facts as fixture tests set them up (memberships without validity periods, held at any time). */
public class InMemoryMemberships implements Memberships {

    private final Map<String, Vo> vos = new HashMap<>();
    private final Set<String> fqans = new HashSet<>();
    private final Set<String> roles = new HashSet<>();
    private final Set<String> subjects = new HashSet<>();

    /** {@code subjectDn} is one of {@code submitter}'s DNs. */
    public InMemoryMemberships subjectOf(String submitter, String subjectDn) {
        subjects.add(submitter + "|" + subjectDn);
        return this;
    }

    public InMemoryMemberships vo(String name, CommunityId communityId) {
        vos.put(name, new Vo(name, communityId));
        return this;
    }

    public InMemoryMemberships holds(String subjectDn, String fqan) {
        fqans.add(subjectDn + "|" + fqan);
        return this;
    }

    public InMemoryMemberships grants(String subjectDn, String voName, String role) {
        roles.add(subjectDn + "|" + voName + "|" + role);
        return this;
    }

    @Override
    public Optional<Vo> findVo(String voName) {
        return Optional.ofNullable(vos.get(voName));
    }

    @Override
    public boolean holdsFqan(String subjectDn, String fqan, Instant at) {
        return fqans.contains(subjectDn + "|" + fqan);
    }

    @Override
    public boolean isSubjectOf(String submitter, String subjectDn) {
        return subjects.contains(submitter + "|" + subjectDn);
    }

    @Override
    public boolean roleGrants(String subjectDn, String voName, String role, Instant at) {
        return roles.contains(subjectDn + "|" + voName + "|" + role);
    }
}
