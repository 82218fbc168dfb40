package org.gridledger.identity.vo;

import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.VoEvents.MembershipApprovedEvent;
import org.gridledger.domain.identity.VoEvents.MembershipRequestedEvent;
import org.gridledger.domain.identity.VoEvents.VirtualOrganizationCreatedEvent;
import org.gridledger.domain.identity.VoEvents.VoAupPublishedEvent;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.portfolio.CommunityId;

import java.time.Instant;
import java.time.ZoneId;

/** Events and values the VO tests share. */
final class VoSamples {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final CommunityId MEDIGRID = CommunityId.random();
    static final String JANE = "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe";
    static final String JOHN = "/C=DE/O=GridGermany/OU=Uni Example/CN=John Roe";
    static final String CA = "/C=DE/O=GermanGrid/CN=GridKa-CA";
    static final Instant CREATED = Instant.parse("2025-01-10T09:00:00Z");
    static final Instant AUP_PUBLISHED = Instant.parse("2025-01-10T10:00:00Z");

    private VoSamples() {
    }

    static VirtualOrganizationCreatedEvent created(VoId id) {
        return new VirtualOrganizationCreatedEvent(id, MEDIGRID, "medigrid", "Medical imaging grid", CREATED);
    }

    static VoAupPublishedEvent aup(VoId id) {
        return new VoAupPublishedEvent(id, "1.0", null, "https://medigrid.example.org/aup-1.0", AUP_PUBLISHED);
    }

    static MembershipRequestedEvent requested(VoId id, MembershipId m, String dn, Instant at) {
        return new MembershipRequestedEvent(id, m, dn, CA, "1.0", "jane", at, at.atZone(ZONE).plusMonths(12).toInstant());
    }

    static MembershipApprovedEvent approved(VoId id, MembershipId m, Instant at) {
        return new MembershipApprovedEvent(id, m, at, at.atZone(ZONE).plusMonths(12).toInstant());
    }
}
