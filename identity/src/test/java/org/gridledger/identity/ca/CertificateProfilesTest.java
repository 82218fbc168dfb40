package org.gridledger.identity.ca;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateProfilesTest {

    @Test
    void anEcKeySignsOnlyAndAnRsaKeyMayAlsoEncipherKeys() {
        KeyUsage ec = CertificateProfiles.endEntityKeyUsage(TestKeys.spki(TestKeys.ec("secp256r1")));
        KeyUsage rsa = CertificateProfiles.endEntityKeyUsage(TestKeys.spki(TestKeys.rsa(2048)));

        assertThat(ec.hasUsages(KeyUsage.digitalSignature)).isTrue();
        assertThat(ec.hasUsages(KeyUsage.keyEncipherment)).isFalse();
        assertThat(rsa.hasUsages(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)).isTrue();
    }
}
