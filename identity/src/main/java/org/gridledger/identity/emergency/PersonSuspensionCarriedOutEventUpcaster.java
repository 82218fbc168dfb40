package org.gridledger.identity.emergency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.gridledger.domain.identity.EmergencyEvents.PersonSuspensionCarriedOutEvent;
import org.springframework.stereotype.Component;

/**
 * {@link PersonSuspensionCarriedOutEvent} revision 1 → 2: a suspension recorded in revision 1 acted on the named
 * account only, so {@code accountsOfDns} (the other accounts behind its DNs that it disabled) is empty. Axon's Spring
 * Boot starter registers every upcaster bean with the event store.
 */
@Component
class PersonSuspensionCarriedOutEventUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(PersonSuspensionCarriedOutEvent.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(PersonSuspensionCarriedOutEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).putArray("accountsOfDns");
            return payload;
        });
    }
}
