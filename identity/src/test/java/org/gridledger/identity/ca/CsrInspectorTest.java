package org.gridledger.identity.ca;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and checking CSRs: shape, size, signature, algorithms and the DN namespace; hostile input is refused. */
class CsrInspectorTest {

    private final CsrInspector inspector = new CsrInspector(TestKeys.NAMESPACE);

    @Test
    void aGoodCsrGivesItsSubjectInSlashFormAndItsKey() {
        InspectedCsr csr = inspector.inspect(TestKeys.csr(TestKeys.ec("secp256r1"), TestKeys.JANE));
        assertThat(csr.subjectDn()).isEqualTo(TestKeys.JANE);
        assertThat(csr.keyDescription()).isEqualTo("EC P-256");
    }

    @Test
    void punctuationInTheNameIsFineAndUmlautsAreWrittenOut() {
        String dn = "/C=DE/O=GridGermany/OU=Universitaet Goettingen/CN=Juergen O'Neill-Mueller (HEP)";
        assertThat(inspector.inspect(TestKeys.csr(TestKeys.ec("secp256r1"), dn)).subjectDn()).isEqualTo(dn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/C=DE/O=GridGermany/OU=Universität Göttingen/CN=Jürgen Müller",
            // a Cyrillic а (U+0430) that prints as the Latin a of Jane Doe
            "/C=DE/O=GridGermany/OU=Uni Example/CN=J\u0430ne Doe",
            "/C=DE/O=GridGermany/OU=Uni Example/CN=jane@example.org", "/C=DE/O=GridGermany/OU=Uni_Example/CN=Jane"})
    void valuesOutsidePrintableStringAreRefused(String subject) {
        assertCode(TestKeys.csr(TestKeys.ec("secp256r1"), subject), ErrorCode.SUBJECT_CHARACTERS_INVALID);
    }

    @Test
    void sha1AndMd5SignaturesAreRefusedAsWeak() {
        assertCode(TestKeys.csr(TestKeys.rsa(2048), TestKeys.JANE, "SHA1withRSA"), ErrorCode.CSR_SIGNATURE_ALGORITHM_WEAK);
        assertCode(TestKeys.csr(TestKeys.rsa(2048), TestKeys.JANE, "MD5withRSA"), ErrorCode.CSR_SIGNATURE_ALGORITHM_WEAK);
        assertCode(TestKeys.csr(TestKeys.ec("secp256r1"), TestKeys.JANE, "SHA1withECDSA"),
                ErrorCode.CSR_SIGNATURE_ALGORITHM_WEAK);
    }

    @Test
    void aCsrWhoseSubjectWasChangedAfterSigningIsRefused() {
        byte[] der = TestKeys.csrDer(TestKeys.ec("secp256r1"), TestKeys.JANE, "SHA256withECDSA");
        String text = new String(der, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Jane");
        der[at] = 'J' + 1;
        assertCode(Pem.encode("CERTIFICATE REQUEST", der), ErrorCode.CSR_SIGNATURE_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/C=DE/O=OtherGrid/OU=Uni Example/CN=Jane Doe", "/C=DE/O=GridGermany/CN=Jane Doe",
            "/C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe/CN=Second", "/C=DE/O=GridGermany/OU=A/OU=B/CN=Jane Doe",
            "/O=GridGermany/C=DE/OU=Uni Example/CN=Jane Doe", "/C=DE/O=GridGermany/OU=Uni Example/L=Berlin"})
    void subjectsOutsideTheNamespaceAreRefused(String subject) {
        assertCode(TestKeys.csr(TestKeys.ec("secp256r1"), subject), ErrorCode.SUBJECT_OUTSIDE_NAMESPACE);
    }

    @Test
    void multiValuedRdnsOddAttributesAndSlashesInValuesAreRefused() throws Exception {
        KeyPair pair = TestKeys.ec("secp256r1");
        var multi = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DE").addRDN(BCStyle.O, "GridGermany")
                .addRDN(BCStyle.OU, "Uni").addMultiValuedRDN(new org.bouncycastle.asn1.ASN1ObjectIdentifier[]{
                        BCStyle.CN, BCStyle.E}, new String[]{"Jane", "jane@example.org"}).build();
        var slash = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DE").addRDN(BCStyle.O, "GridGermany")
                .addRDN(BCStyle.OU, "Uni").addRDN(BCStyle.CN, "Jane/CN=Admin").build();
        var control = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DE").addRDN(BCStyle.O, "GridGermany")
                .addRDN(BCStyle.OU, "Uni").addRDN(BCStyle.CN, "Jane\u0000Doe").build();
        for (var name : java.util.List.of(multi, slash, control)) {
            byte[] der = new JcaPKCS10CertificationRequestBuilder(name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.PROVIDER)
                            .build(pair.getPrivate())).getEncoded();
            assertCode(Pem.encode("CERTIFICATE REQUEST", der), ErrorCode.SUBJECT_OUTSIDE_NAMESPACE);
        }
    }

    @Test
    void garbageAndWrongPemTypesAreMalformed() {
        assertCode("", ErrorCode.CSR_MALFORMED);
        assertCode("not a csr", ErrorCode.CSR_MALFORMED);
        assertCode("-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----\n", ErrorCode.CSR_MALFORMED);
        assertCode("-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\n", ErrorCode.CSR_MALFORMED);
        assertCode(Pem.encode("PRIVATE KEY", new byte[]{0x30, 0x00}), ErrorCode.CSR_MALFORMED);
        assertCode("-----BEGIN CERTIFICATE REQUEST-----\nMIIB", ErrorCode.CSR_MALFORMED);
    }

    @Test
    void deeplyNestedAsn1IsRefusedWithoutHarm() {
        byte[] der = new byte[60_000];
        for (int i = 0; i < der.length / 2; i++) {
            der[2 * i] = 0x30;
            der[2 * i + 1] = (byte) 0x80; // indefinite length, nested again and again
        }
        assertCode(Pem.encode("CERTIFICATE REQUEST", der).substring(0, 65_000), ErrorCode.CSR_MALFORMED);
    }

    @Test
    void twoCsrsInOneBodyAndOversizedBodiesAreRefused() {
        String one = TestKeys.csr(TestKeys.ec("secp256r1"), TestKeys.JANE);
        assertCode(one + one, ErrorCode.CSR_MULTIPLE);
        assertCode(one + " ".repeat(CsrInspector.MAX_CSR_BYTES), ErrorCode.CSR_TOO_LARGE);
    }

    @Test
    void aVerifiedSignatureIsRememberedByItsBytesAndAnyChangedByteIsVerifiedAfresh() {
        byte[] der = TestKeys.csrDer(TestKeys.ec("secp256r1"), TestKeys.JANE, "SHA256withECDSA");
        String pem = Pem.encode("CERTIFICATE REQUEST", der);
        assertThat(inspector.remembersVerified(der)).isFalse();
        InspectedCsr first = inspector.inspect(pem);
        assertThat(inspector.remembersVerified(der)).isTrue();
        InspectedCsr again = inspector.inspect(pem);
        assertThat(again.subjectDn()).isEqualTo(first.subjectDn());
        assertThat(again.keyDescription()).isEqualTo(first.keyDescription());

        byte[] forged = der.clone();
        String text = new String(forged, java.nio.charset.StandardCharsets.ISO_8859_1);
        forged[text.indexOf("Jane")] = 'J' + 1;
        assertCode(Pem.encode("CERTIFICATE REQUEST", forged), ErrorCode.CSR_SIGNATURE_INVALID);
        assertThat(inspector.remembersVerified(forged)).isFalse();
        byte[] badSignature = der.clone();
        badSignature[badSignature.length - 5] ^= 0x01;
        assertCode(Pem.encode("CERTIFICATE REQUEST", badSignature), ErrorCode.CSR_SIGNATURE_INVALID);
    }

    @Test
    void theMemoryKeepsTheMostRecentDigestsOnly() {
        RecentSet<Integer> recent = new RecentSet<>(3);
        for (int i = 1; i <= 5; i++) {
            recent.add(i);
        }
        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.contains(1)).isFalse();
        assertThat(recent.contains(2)).isFalse();
        assertThat(recent.contains(3)).isTrue();
        assertThat(recent.contains(5)).isTrue();
    }

    private void assertCode(String pem, ErrorCode code) {
        assertThatThrownBy(() -> inspector.inspect(pem)).isInstanceOf(DomainException.class)
                .extracting("code").isEqualTo(code);
    }
}
