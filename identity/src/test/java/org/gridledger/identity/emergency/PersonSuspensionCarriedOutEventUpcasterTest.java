package org.gridledger.identity.emergency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.gridledger.domain.identity.EmergencyEvents.PersonSuspensionCarriedOutEvent;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.testing.TestJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored JSON of {@link PersonSuspensionCarriedOutEvent} revision 1, as the event store holds it, read as revision 2. */
class PersonSuspensionCarriedOutEventUpcasterTest {

    private static final String ID = "4c2d9a8e-1b7f-4e0a-9c3d-5f6a7b8c9d0e";
    private static final String DN = "/C=DE/O=GridGermany/OU=KIT/CN=Erika Mustermann";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(TestJson.objectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();
    private final PersonSuspensionCarriedOutEventUpcaster upcaster = new PersonSuspensionCarriedOutEventUpcaster();

    @Test
    void revisionOneActedOnTheNamedAccountOnly() {
        String stored = """
                {"suspensionId":"%s","subjectDns":["%s"],"revokedSerials":["0a1b"],"suspendedMemberships":["m-1"],\
                "revokedTokens":2,"accountDisabled":true}""".formatted(ID, DN);

        IntermediateEventRepresentation upcast = upcastOne("1", stored);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(payload(upcast)).isEqualTo(new PersonSuspensionCarriedOutEvent(PersonSuspensionId.of(ID),
                Set.of(DN), List.of("0a1b"), List.of("m-1"), 2, true, List.of()));
    }

    @Test
    void revisionTwoPassesUnchanged() {
        String stored = """
                {"suspensionId":"%s","subjectDns":["%s"],"revokedSerials":[],"suspendedMemberships":[],\
                "revokedTokens":1,"accountDisabled":false,"accountsOfDns":["bruno"]}""".formatted(ID, DN);

        IntermediateEventRepresentation current = upcastOne("2", stored);

        assertThat(current.getType().getRevision()).isEqualTo("2");
        assertThat(payload(current)).isEqualTo(new PersonSuspensionCarriedOutEvent(PersonSuspensionId.of(ID),
                Set.of(DN), List.of(), List.of(), 1, false, List.of("bruno")));
    }

    private IntermediateEventRepresentation upcastOne(String revision, String json) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("PersonSuspension", ID, 1,
                "event-" + revision, Instant.parse("2026-11-20T09:30:00Z"),
                PersonSuspensionCarriedOutEvent.class.getName(), revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = upcaster
                .upcast(java.util.stream.Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    @SuppressWarnings("unchecked")
    private Object payload(IntermediateEventRepresentation representation) {
        SerializedObject<?> data = representation.getData();
        return serializer.deserialize(new SimpleSerializedObject<>(data.getData(), (Class<Object>) data.getContentType(),
                representation.getType()));
    }
}
