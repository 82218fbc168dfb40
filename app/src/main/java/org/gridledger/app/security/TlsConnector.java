package org.gridledger.app.security;

import org.apache.catalina.connector.Connector;

/** The HTTPS connector, once Tomcat has bound it: its actual port (useful when configured as 0). */
public record TlsConnector(Connector connector) {

    public int localPort() {
        return connector.getLocalPort();
    }
}
