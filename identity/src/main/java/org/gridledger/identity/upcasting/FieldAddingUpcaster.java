package org.gridledger.identity.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.function.Consumer;

/**
 * Reads one revision of an event as the next, whose only change is a field added: the stored JSON gets the field with
 * the value its absence meant. A subclass names the event, the two revisions and that value; as a Spring bean it is
 * registered with the event store by Axon's Spring Boot starter.
 */
public abstract class FieldAddingUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final Consumer<ObjectNode> addField;

    protected FieldAddingUpcaster(Class<?> event, String fromRevision, String toRevision,
                                  Consumer<ObjectNode> addField) {
        this.from = new SimpleSerializedType(event.getName(), fromRevision);
        this.to = new SimpleSerializedType(event.getName(), toRevision);
        this.addField = addField;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            addField.accept((ObjectNode) payload);
            return payload;
        });
    }
}
