package org.gridledger.portfolio.provider;

import org.gridledger.domain.portfolio.Certification;
import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.ProviderContact;
import org.gridledger.domain.portfolio.ProviderEvents.ProviderRegisteredEvent;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.ProviderKind;

import java.time.LocalDate;

/** Sample providers, certifications and contacts shared by the aggregate and projection tests. */
final class ProviderSamples {

    static final String NAME = "Jülich Supercomputing Centre";
    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final LocalDate NEXT_JAN_1 = LocalDate.of(2027, 1, 1);

    private ProviderSamples() {
    }

    /** ISO 27001 for the calendar year 2026. */
    static Certification iso27001() {
        return new Certification(CertificationType.ISO_27001, "TÜV Rheinland", JAN_1, NEXT_JAN_1);
    }

    static Certification certification(CertificationType type, LocalDate from, LocalDate until) {
        return new Certification(type, "BSI", from, until);
    }

    static ProviderContact contact(String name) {
        return new ProviderContact(name, "service manager", name.toLowerCase().replace(' ', '.') + "@fz-juelich.de",
                "+49 2461 61-0");
    }

    static ProviderRegisteredEvent registered(ProviderId id, LocalDate on) {
        return new ProviderRegisteredEvent(id, NAME, ProviderKind.COMPUTE_CENTRE, on);
    }
}
