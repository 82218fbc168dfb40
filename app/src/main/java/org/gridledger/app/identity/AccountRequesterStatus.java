package org.gridledger.app.identity;

import org.gridledger.app.security.AccountCertificateSubjects;
import org.gridledger.identity.ca.RequesterAccounts;
import org.springframework.stereotype.Component;

/** {@link RequesterAccounts} on the accounts and their certificate subjects (read only). */
@Component
class AccountRequesterStatus implements RequesterAccounts {

    private final AccountCertificateSubjects subjects;

    AccountRequesterStatus(AccountCertificateSubjects subjects) {
        this.subjects = subjects;
    }

    @Override
    public boolean disabled(String requester) {
        return subjects.disabled(requester) || subjects.boundTo(requester).map(subjects::disabled).orElse(false);
    }
}
