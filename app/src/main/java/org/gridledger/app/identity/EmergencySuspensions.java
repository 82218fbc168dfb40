package org.gridledger.app.identity;

import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.security.AccountCertificateSubjects;
import org.gridledger.app.security.AccountStore;
import org.gridledger.app.security.ApiTokenService;
import org.gridledger.domain.accounting.JobCommands.CancelJobInEmergencyCommand;
import org.gridledger.domain.accounting.JobId;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.CertificateCommands.RejectCertificateRequestCommand;
import org.gridledger.domain.identity.CertificateRequestId;
import org.gridledger.domain.identity.CertificateRevocationReason;
import org.gridledger.domain.identity.EmergencyCommands.RecordSuspensionEffectsCommand;
import org.gridledger.domain.identity.EmergencyCommands.SuspendPersonCommand;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.PersonSuspensionId;
import org.gridledger.domain.identity.VoCommands.RejectMembershipCommand;
import org.gridledger.domain.identity.VoCommands.SuspendMembershipCommand;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.identity.ca.SubjectRevocation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Carries out an emergency suspension of a person, all in one transaction: the decision (PersonSuspension); the
 * person's DNs (those named, those of the account's certificate requests and those bound to it) and the accounts
 * behind those DNs (bound to one, or the requester of our CA's certificate for one) besides the named account; the
 * rejection of the certificate requests of those accounts and DNs still waiting for a decision, BEFORE the revocation
 * of every valid certificate of the DNs (so that an approval committing meanwhile either loses against the rejection
 * or leaves a certificate the revocation then sees); the rejection of the VO membership requests of those DNs still
 * waiting; the suspension of every approved or expired VO membership of those DNs (marked as the emergency's, so that
 * only staff restore them; one an admin suspended already is taken over); the cancellation of the jobs of those DNs
 * that have not finished; the revocation of the API tokens of every account found and their disabling; and finally
 * the record of what was done. If any step is refused, nothing of it remains.
 */
@Component
class EmergencySuspensions {

    /** What one suspension did. */
    record Outcome(PersonSuspensionId suspensionId, String username, Set<String> subjectDns,
                   List<String> revokedSerials, List<String> suspendedMemberships, List<String> cancelledJobs,
                   int revokedTokens, boolean accountDisabled, List<String> accountsOfDns) {
    }

    /** Rounds of following DN requesters: each round follows one more link of a chain. */
    private static final int MAX_DN_ROUNDS = 8;

    private final CommandSender commands;
    private final JdbcClient jdbc;
    private final SubjectRevocation revocation;
    private final AccountStore accounts;
    private final ApiTokenService tokens;
    private final AccountCertificateSubjects subjects;

    EmergencySuspensions(CommandSender commands, JdbcClient jdbc, SubjectRevocation revocation, AccountStore accounts,
                         ApiTokenService tokens, AccountCertificateSubjects subjects) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.revocation = revocation;
        this.accounts = accounts;
        this.tokens = tokens;
        this.subjects = subjects;
    }

    @Transactional
    Outcome suspend(String username, Set<String> subjectDns, String reason,
                    CertificateRevocationReason revocationReason, String actor) {
        String account = username == null || username.isBlank() ? null : username.strip();
        if (account != null && accounts.find(account).isEmpty()) {
            throw DomainException.of(ErrorCode.ACCOUNT_NOT_FOUND, "no account '%s'", account);
        }
        PersonSuspensionId id = new PersonSuspensionId(UUID.randomUUID());
        commands.send(new SuspendPersonCommand(id, account, subjectDns == null ? Set.of() : subjectDns, reason),
                reason);

        Set<String> dns = new LinkedHashSet<>();
        if (subjectDns != null) {
            subjectDns.forEach(dn -> dns.add(dn.strip()));
        }
        if (account != null) {
            // the person's DNs: of its certificate requests and bound to its account (not the DNs it asked VO
            // memberships as: staff ask for others, and a request alone proves no DN is the requester's)
            dns.addAll(jdbc.sql("""
                            select subject_dn from identity_certificate_request where requester = :u
                            union select subject_dn from account_certificate_subject where username = :u
                            order by subject_dn""")
                    .param("u", account).query(String.class).list());
        }
        closeOverDnRequesters(dns);
        List<String> accountsOfDns = accountsOf(dns, account);
        // requests first: a request approved after the revocation below would leave a valid certificate
        rejectPendingRequests(account, accountsOfDns, dns, reason, actor);
        List<String> serials = new ArrayList<>();
        for (String dn : dns) {
            serials.addAll(revocation.revokeAll(dn, revocationReason, actor));
        }
        List<String> memberships = new ArrayList<>();
        if (!dns.isEmpty()) {
            // a request still waiting for its decision would otherwise be approved into an active membership later
            jdbc.sql("""
                            select vo_id, membership_id from vo_membership
                            where subject_dn in (:dns) and status = 'PENDING'
                            order by vo_id, membership_id""")
                    .param("dns", List.copyOf(dns))
                    .query((rs, n) -> new RejectMembershipCommand(new VoId(rs.getObject("vo_id", UUID.class)),
                            new MembershipId(rs.getObject("membership_id", UUID.class)),
                            "Emergency suspension: " + reason))
                    .list()
                    .forEach(command -> commands.send(command, reason));
            jdbc.sql("""
                            select vo_id, membership_id from vo_membership
                            where subject_dn in (:dns) and status in ('APPROVED', 'EXPIRED')
                                and emergency_suspension_id is null
                            order by vo_id, membership_id""")
                    .param("dns", List.copyOf(dns))
                    .query((rs, n) -> new SuspendMembershipCommand(new VoId(rs.getObject("vo_id", UUID.class)),
                            new MembershipId(rs.getObject("membership_id", UUID.class)), reason, id))
                    .list()
                    .forEach(command -> {
                        commands.send(command, reason);
                        memberships.add(command.membershipId().toString());
                    });
        }
        List<String> jobs = cancelJobs(id, dns, reason);
        int revokedTokens = 0;
        boolean disabled = false;
        if (account != null) {
            revokedTokens = revokeTokens(account, actor);
            disabled = accounts.get(account).enabled();
            accounts.setEnabled(account, false);
            tokens.forgetAccount(account);
        }
        for (String other : accountsOfDns) {
            revokedTokens += revokeTokens(other, actor);
            accounts.setEnabled(other, false);
            tokens.forgetAccount(other);
        }
        commands.send(new RecordSuspensionEffectsCommand(id, dns, serials, memberships, revokedTokens, disabled,
                accountsOfDns), reason);
        return new Outcome(id, account, dns, serials, memberships, jobs, revokedTokens, disabled, accountsOfDns);
    }

    /**
     * The accounts behind the DNs other than the named one: the account a DN is bound to, and the account that
     * requested our CA's certificates for it. A DN alone in a suspension still belongs to someone, whose account would
     * otherwise keep its tokens and its password login.
     */
    /**
     * Adds the DNs tied to the set through certificate requests a DN asked for (a certificate login without an
     * account is named by its DN): the DNs requested by a DN of the set, and the DN that requested a DN of the set. The
     * same person holds both; a suspension of one must reach the other. A few rounds reach every chain there is.
     */
    private void closeOverDnRequesters(Set<String> dns) {
        for (int round = 0; round < MAX_DN_ROUNDS && !dns.isEmpty(); round++) {
            List<String> tied = jdbc.sql("""
                            select subject_dn from identity_certificate_request where requester in (:dns)
                            union select requester from identity_certificate_request
                            where subject_dn in (:dns) and requester like '/%'""")
                    .param("dns", List.copyOf(dns))
                    .query(String.class).list();
            if (!dns.addAll(tied)) {
                return;
            }
        }
    }

    private List<String> accountsOf(Set<String> dns, String named) {
        Set<String> found = new java.util.TreeSet<>();
        for (String dn : dns) {
            subjects.boundTo(dn).ifPresent(found::add);
            subjects.holderOf(dn).ifPresent(found::add);
        }
        if (named != null) {
            found.remove(named);
        }
        return found.stream().filter(username -> accounts.find(username).isPresent()).toList();
    }

    /** Cancels the jobs of the DNs that have not finished: they run on credentials no longer trusted. */
    private List<String> cancelJobs(PersonSuspensionId id, Set<String> dns, String reason) {
        if (dns.isEmpty()) {
            return List.of();
        }
        List<JobId> running = jdbc.sql("""
                        select job_id from accounting_job
                        where subject_dn in (:dns) and state in ('SUBMITTED', 'QUEUED', 'RUNNING')
                        order by submitted_at, job_id""")
                .param("dns", List.copyOf(dns))
                .query((rs, n) -> new JobId(rs.getObject(1, UUID.class)))
                .list();
        for (JobId job : running) {
            commands.send(new CancelJobInEmergencyCommand(job, id, reason), reason);
        }
        return running.stream().map(JobId::toString).toList();
    }

    /**
     * Rejects the person's certificate requests still waiting for a decision: of the accounts, or for one of the DNs.
     * A renewal pending on the revoked certificate's vetting, or a request an attacker placed with the account, must
     * not be approved afterwards. Each rejection carries the suspension's reason and correlation id in its history.
     */
    private void rejectPendingRequests(String account, List<String> accountsOfDns, Set<String> dns, String reason,
                                       String actor) {
        List<String> requesters = new ArrayList<>(accountsOfDns);
        if (account != null) {
            requesters.add(account);
        }
        requesters.addAll(dns); // requests asked by a DN of the person (a certificate login without an account)
        List<UUID> pending = jdbc.sql("""
                        select request_id from identity_certificate_request
                        where status = 'SUBMITTED' and (requester in (:u) or subject_dn in (:dns))
                        order by request_id""")
                .param("u", requesters.isEmpty() ? List.of("") : requesters)
                .param("dns", dns.isEmpty() ? List.of("") : List.copyOf(dns))
                .query(UUID.class).list();
        for (UUID id : pending) {
            commands.send(new RejectCertificateRequestCommand(new CertificateRequestId(id), actor,
                    "Emergency suspension: " + reason), reason);
        }
    }

    private int revokeTokens(String account, String actor) {
        int revoked = 0;
        for (int page = 0; ; page++) {
            List<ApiTokenService.TokenInfo> batch = tokens.list(account, new Pagination(page, Pagination.MAX_SIZE));
            for (ApiTokenService.TokenInfo token : batch) {
                if (token.revokedAt() == null) {
                    tokens.revoke(token.tokenId(), actor);
                    revoked++;
                }
            }
            if (batch.size() < Pagination.MAX_SIZE) {
                return revoked;
            }
        }
    }
}
