package org.gridledger.identity.ca;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/** The one Bouncy Castle provider instance the CA uses; not registered globally, so the JVM's defaults stay as they are. */
final class BouncyCastle {

    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
