package org.gridledger.identity.ca;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERT61String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.gridledger.testing.FixedClocks;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridledger.testing.FixedClocks.NOW;

/** The CA issues one encoding of a DN, whatever string types the CSR used. */
class SubjectEncodingTest {

    private final CsrInspector inspector = new CsrInspector(TestKeys.NAMESPACE);

    private static String csr(KeyPair pair, X500Name subject) throws Exception {
        return Pem.encode("CERTIFICATE REQUEST", new JcaPKCS10CertificationRequestBuilder(subject, pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.PROVIDER)
                        .build(pair.getPrivate())).getEncoded());
    }

    private static List<ASN1Encodable> values(X500Name name) {
        return Arrays.stream(name.getRDNs()).map(RDN::getFirst).map(a -> a.getValue()).toList();
    }

    @Test
    void bmpT61AndUtf8SubjectsAreIssuedAsPrintableStrings() throws Exception {
        KeyPair pair = TestKeys.ec("secp256r1");
        X500Name odd = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, new DERUTF8String("DE"))
                .addRDN(BCStyle.O, new DERBMPString("GridGermany")).addRDN(BCStyle.OU, new DERT61String("Uni Example"))
                .addRDN(BCStyle.CN, new DERBMPString("Jane Doe")).build();
        InspectedCsr inspected = inspector.inspect(csr(pair, odd));
        assertThat(inspected.subjectDn()).isEqualTo(TestKeys.JANE);

        X500Name issued = X500Name.getInstance(TestKeys.ca(FixedClocks.now()).issueUserCertificate(inspected, NOW)
                .certificate().getSubjectX500Principal().getEncoded());
        assertThat(values(issued)).allMatch(value -> value instanceof DERPrintableString);
        assertThat(issued.getEncoded()).isEqualTo(DistinguishedNames.toX500Name(TestKeys.JANE).getEncoded());
        assertThat(issued.getEncoded()).isNotEqualTo(odd.getEncoded());
    }

    @Test
    void theCanonicalEncodingFallsBackToUtf8OnlyOutsidePrintableString() {
        List<ASN1Encodable> values = values(DistinguishedNames.toX500Name("/C=DE/O=GridGermany/OU=Universität/CN=Jane"));
        assertThat(values.get(0)).isInstanceOf(DERPrintableString.class);
        assertThat(values.get(1)).isInstanceOf(DERPrintableString.class);
        assertThat(values.get(2)).isInstanceOf(DERUTF8String.class);
        assertThat(values.get(3)).isInstanceOf(DERPrintableString.class);
    }

    @Test
    void dnsOfIgtfCasWithDomainComponentsAndStatesAreReadAndWrittenWithTheirStringTypes() {
        String tcs = "/DC=org/DC=terena/DC=tcs/C=NL/ST=Noord-Holland/O=Nikhef/CN=Jane Doe";
        X500Name name = DistinguishedNames.toX500Name(tcs);

        assertThat(DistinguishedNames.slashForm(name)).contains(tcs);
        assertThat(values(name).get(0)).isInstanceOf(org.bouncycastle.asn1.DERIA5String.class);
        assertThat(values(name).get(3)).isInstanceOf(DERPrintableString.class);
        // our CA's own namespace still takes no domain components: one OU and one CN after it
        assertThat(DistinguishedNames.parse("/DC=org/DC=example/CN=Someone")).hasSize(3);
    }
}
