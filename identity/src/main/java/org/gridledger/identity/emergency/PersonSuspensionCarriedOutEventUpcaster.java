package org.gridledger.identity.emergency;

import org.gridledger.domain.identity.EmergencyEvents.PersonSuspensionCarriedOutEvent;
import org.gridledger.identity.upcasting.FieldAddingUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@link PersonSuspensionCarriedOutEvent} revision 1 → 2: a suspension recorded in revision 1 acted on the named
 * account only, so {@code accountsOfDns} (the other accounts behind its DNs that it disabled) is empty.
 */
@Component
class PersonSuspensionCarriedOutEventUpcaster extends FieldAddingUpcaster {

    PersonSuspensionCarriedOutEventUpcaster() {
        super(PersonSuspensionCarriedOutEvent.class, "1", "2", payload -> payload.putArray("accountsOfDns"));
    }
}
