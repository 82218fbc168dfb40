package org.gridledger.identity.vo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedEvent;
import org.springframework.stereotype.Component;

/**
 * {@link MembershipSuspendedEvent} revision 1 → 2: revision 1 did not say whether an emergency suspension of the
 * person made it, and is read as an admin's suspension ({@code emergencySuspensionId} null). The emergency ones among
 * them are listed by their suspension's {@code PersonSuspensionCarriedOutEvent}, which the read model follows. Axon's
 * Spring Boot starter registers every upcaster bean with the event store.
 */
@Component
class MembershipSuspendedEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(MembershipSuspendedEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(MembershipSuspendedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).putNull("emergencySuspensionId");
            return payload;
        });
    }
}
