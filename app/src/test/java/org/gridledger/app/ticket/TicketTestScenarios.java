package org.gridledger.app.ticket;

import org.gridledger.app.support.Http;

/** Entry to {@link TicketScenario} for tests in other packages (the authorization tables). */
public final class TicketTestScenarios {

    private TicketTestScenarios() {
    }

    /**
     * Awards a new second-level support package for the community's lot to the provider (whose PROVIDER account
     * {@code providerUsername} makes the offer) and subscribes the community; answers the package id.
     */
    public static String awardedSupport(Http anonymous, Http staff, String communityId, String providerId,
                                        String providerUsername) {
        return TicketScenario.create(anonymous, staff, communityId, providerId, providerUsername).packageId();
    }
}
