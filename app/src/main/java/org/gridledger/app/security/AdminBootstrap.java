package org.gridledger.app.security;

import org.gridledger.app.config.GridLedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates the account {@code admin} (STAFF) on the first start: with {@code GRIDLEDGER_ADMIN_PASSWORD} when set,
 * otherwise with a generated password that is printed once. Later starts leave the account alone.
 * <p>
 * It runs once every singleton exists (the schema is migrated by then) and before the context starts its web server,
 * so that the first request that health admits can already log in as {@code admin}.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final GridLedgerProperties properties;
    private final Clock clock;

    AdminBootstrap(AccountStore accounts, PasswordEncoder encoder, GridLedgerProperties properties, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.find(ADMIN).isPresent()) {
            return;
        }
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? PasswordPolicy.generate() : configured;
        if (!generated) {
            PasswordPolicy.require(password);
        }
        boolean created = accounts.create(new AccountStore.Account(ADMIN, encoder.encode(password), "Administrator",
                true, EnumSet.of(Role.STAFF), Set.of(), clock.instant(), "system"));
        if (created && generated) {
            log.warn("Created account 'admin' (STAFF) with the generated password: {}  (shown only this once)", password);
        } else if (created) {
            log.info("Created account 'admin' (STAFF) with the password from GRIDLEDGER_ADMIN_PASSWORD");
        }
    }
}
