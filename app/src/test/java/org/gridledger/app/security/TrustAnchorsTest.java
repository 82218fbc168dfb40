package org.gridledger.app.security;

import org.gridledger.app.support.ForeignCa;
import org.gridledger.identity.ca.DistinguishedNames;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The namespaces of foreign trust anchors: what they cover, and the configurations refused at start-up. */
class TrustAnchorsTest {

    private static final String OURS = "/C=DE/O=GridGermany/CN=GridLedger Certification Authority";
    private static final String OUR_NAMESPACE = "/C=DE/O=GridGermany";
    private static final ForeignCa UK = new ForeignCa("/C=UK/O=eScience/OU=Authority/CN=UK Test CA", List.of(),
            Duration.ofDays(30));
    private static final ForeignCa OX = new ForeignCa("/C=UK/O=OxGrid/CN=Ox Test CA", List.of(), Duration.ofDays(30));
    private static final Path UK_PEM = UK.writePem();
    private static final Path OX_PEM = OX.writePem();

    @Test
    void a_namespace_covers_whole_attributes_below_its_prefix_in_every_written_form() {
        for (String form : List.of("/C=UK/O=eScience", "/C=UK/O=eScience/", "/C=UK/O=eScience/*")) {
            TrustAnchors anchors = new TrustAnchors(OURS, OUR_NAMESPACE,
                    List.of(new TrustAnchors.Setting(UK_PEM, List.of(form))));
            TrustAnchors.Anchor anchor = anchors.foreign().get(0);
            assertThat(anchor.subjectDn()).isEqualTo(UK.subjectDn());
            assertThat(anchor.mayNameSubject(DistinguishedNames.parse("/C=UK/O=eScience/OU=Leeds/CN=A B")))
                    .as(form).isTrue();
            assertThat(anchor.mayNameSubject(DistinguishedNames.parse("/C=UK/O=eScienceX/CN=A B"))).as(form).isFalse();
            assertThat(anchor.mayNameSubject(DistinguishedNames.parse("/C=UK/CN=A B"))).as(form).isFalse();
        }
    }

    @Test
    void the_issuers_of_a_dn_are_our_ca_in_our_namespace_and_else_every_anchor_covering_it() {
        TrustAnchors anchors = new TrustAnchors(OURS, OUR_NAMESPACE, List.of(
                new TrustAnchors.Setting(UK_PEM, List.of("/C=UK/O=eScience/")),
                new TrustAnchors.Setting(OX_PEM, List.of("/C=UK/O=eScience/OU=Oxford", "/C=UK/O=OxGrid"))));
        assertThat(anchors.issuersFor("/C=DE/O=GridGermany/OU=KIT/CN=A B")).containsExactly(OURS);
        assertThat(anchors.issuersFor("/C=UK/O=eScience/OU=Leeds/CN=A B")).containsExactly(UK.subjectDn());
        assertThat(anchors.issuersFor("/C=UK/O=eScience/OU=Oxford/CN=A B"))
                .containsExactlyInAnyOrder(UK.subjectDn(), OX.subjectDn());
        assertThat(anchors.soleIssuerFor("/C=UK/O=eScience/OU=Oxford/CN=A B")).isEmpty();
        assertThat(anchors.soleIssuerFor("/C=UK/O=OxGrid/CN=A B")).contains(OX.subjectDn());
        assertThat(anchors.issuersFor("/C=FR/O=Elsewhere/CN=A B")).isEmpty();
        assertThat(anchors.issuersFor("not a DN")).isEmpty();
    }

    @Test
    void a_namespace_of_domain_components_as_igtf_cas_use_them_covers_its_subjects() {
        TrustAnchors anchors = new TrustAnchors(OURS, OUR_NAMESPACE,
                List.of(new TrustAnchors.Setting(UK_PEM, List.of("/DC=org/DC=terena/DC=tcs/"))));

        assertThat(anchors.issuersFor("/DC=org/DC=terena/DC=tcs/C=NL/O=Nikhef/CN=Jane Doe"))
                .containsExactly(UK.subjectDn());
        assertThat(anchors.issuersFor("/DC=org/DC=terena/C=NL/O=Nikhef/CN=Jane Doe")).isEmpty();
    }

    @Test
    void an_anchor_without_namespaces_or_with_a_bad_or_overlapping_one_is_refused_at_start_up() {
        assertThatThrownBy(() -> new TrustAnchors(OURS, OUR_NAMESPACE,
                List.of(new TrustAnchors.Setting(UK_PEM, List.of()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no namespaces");
        assertThatThrownBy(() -> new TrustAnchors(OURS, OUR_NAMESPACE,
                List.of(new TrustAnchors.Setting(UK_PEM, null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no namespaces");
        assertThatThrownBy(() -> new TrustAnchors(OURS, OUR_NAMESPACE,
                List.of(new TrustAnchors.Setting(UK_PEM, List.of("C=UK, O=eScience")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no DN prefix");
        for (String overlapping : List.of("/C=DE", "/C=DE/O=GridGermany/", "/C=DE/O=GridGermany/OU=KIT")) {
            assertThatThrownBy(() -> new TrustAnchors(OURS, OUR_NAMESPACE,
                    List.of(new TrustAnchors.Setting(UK_PEM, List.of(overlapping)))))
                    .as(overlapping).isInstanceOf(IllegalStateException.class).hasMessageContaining("overlaps");
        }
        assertThatThrownBy(() -> new TrustAnchors(OURS, OUR_NAMESPACE,
                List.of(new TrustAnchors.Setting(Path.of("/nonexistent/anchor.pem"), List.of("/C=UK")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot read");
        assertThat(new TrustAnchors(OURS, OUR_NAMESPACE, null).foreign()).isEmpty();
    }
}
