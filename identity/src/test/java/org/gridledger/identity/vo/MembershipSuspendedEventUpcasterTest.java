package org.gridledger.identity.vo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.domain.identity.VoEvents.MembershipRestoredEvent;
import org.gridledger.domain.identity.VoEvents.MembershipSuspendedEvent;
import org.gridledger.domain.identity.VoId;
import org.gridledger.testing.TestJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored JSON of {@link MembershipSuspendedEvent} revision 1, as the event store holds it, read as revision 2. */
class MembershipSuspendedEventUpcasterTest {

    private static final String VO = "6f1c2b1e-3f0e-4c55-9d43-2a1f0f7b9c10";
    private static final String MEMBERSHIP = "0b7e4d2a-8c61-4f3e-a5d9-6e2c1b0a9f87";
    private static final Instant AT = Instant.parse("2026-11-20T09:30:00Z");

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(TestJson.objectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .build();
    private final MembershipSuspendedEventUpcaster upcaster = new MembershipSuspendedEventUpcaster();

    @Test
    void revisionOneIsAnAdminsSuspension() {
        String stored = """
                {"voId":"%s","membershipId":"%s","suspendedAt":"2026-11-20T09:30:00Z","reason":"misuse"}"""
                .formatted(VO, MEMBERSHIP);

        IntermediateEventRepresentation upcast = upcastOne(MembershipSuspendedEvent.class.getName(), "1", stored);

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(payload(upcast)).isEqualTo(new MembershipSuspendedEvent(VoId.of(VO), MembershipId.of(MEMBERSHIP),
                AT, "misuse", null));
    }

    @Test
    void revisionTwoAndOtherEventsPassUnchanged() {
        String suspension = PersonSuspensionId.random().toString();
        String stored = """
                {"voId":"%s","membershipId":"%s","suspendedAt":"2026-11-20T09:30:00Z","reason":"stolen key",\
                "emergencySuspensionId":"%s"}""".formatted(VO, MEMBERSHIP, suspension);
        IntermediateEventRepresentation current = upcastOne(MembershipSuspendedEvent.class.getName(), "2", stored);
        assertThat(payload(current)).isEqualTo(new MembershipSuspendedEvent(VoId.of(VO), MembershipId.of(MEMBERSHIP),
                AT, "stolen key", PersonSuspensionId.of(suspension)));

        String restored = """
                {"voId":"%s","membershipId":"%s","restoredAt":"2026-11-20T09:30:00Z","reason":"vetted"}"""
                .formatted(VO, MEMBERSHIP);
        IntermediateEventRepresentation other = upcastOne(MembershipRestoredEvent.class.getName(), "1", restored);
        assertThat(other.getType().getRevision()).isEqualTo("1");
        assertThat(payload(other)).isEqualTo(new MembershipRestoredEvent(VoId.of(VO), MembershipId.of(MEMBERSHIP),
                AT, "vetted"));
    }

    private IntermediateEventRepresentation upcastOne(String type, String revision, String json) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("VirtualOrganization", VO, 3,
                "event-" + revision, AT, type, revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast = upcaster
                .upcast(java.util.stream.Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(upcast).hasSize(1);
        return upcast.get(0);
    }

    private Object payload(IntermediateEventRepresentation representation) {
        SerializedObject<?> data = representation.getData();
        return serializer.deserialize(new SimpleSerializedObject<>(data.getData(), (Class<Object>) data.getContentType(),
                representation.getType()));
    }
}
