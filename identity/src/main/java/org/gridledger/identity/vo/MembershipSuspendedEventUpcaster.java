package org.gridledger.identity.vo;

import org.gridledger.domain.identity.VoEvents.MembershipSuspendedEvent;
import org.gridledger.identity.upcasting.FieldAddingUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@link MembershipSuspendedEvent} revision 1 → 2: revision 1 did not say whether an emergency suspension of the
 * person made it, and is read as an admin's suspension ({@code emergencySuspensionId} null). The emergency ones among
 * them are listed by their suspension's {@code PersonSuspensionCarriedOutEvent}, which the read model follows.
 */
@Component
class MembershipSuspendedEventUpcaster extends FieldAddingUpcaster {

    MembershipSuspendedEventUpcaster() {
        super(MembershipSuspendedEvent.class, "1", "2", payload -> payload.putNull("emergencySuspensionId"));
    }
}
