package org.gridledger.app.accounting;

import org.gridledger.accounting.job.Memberships;
import org.gridledger.app.security.AccountCertificateSubjects;
import org.gridledger.identity.vo.VoDirectory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The job rules' view of VOs, answered by identity's {@link VoDirectory} on the VO read model (on the command's
 * thread and transaction): the VO of a name with its owning community, whether a DN holds an FQAN at an instant
 * (short forms {@code /vo/g} and {@code /vo/g/Role=r} stand for their {@code Capability=NULL} full forms), and whether
 * it holds a role in the VO at an instant. A DN is the submitter's when it is the DN of a certificate login without an
 * account (the principal's name is then the DN), a DN staff bound to the submitter's account, or the DN of a
 * certificate our CA issued at the submitter's request. Asking a VO membership as a DN proves nothing: a community
 * admin could ask and approve one as anybody's DN.
 */
@Component
class JobMemberships implements Memberships {

    private final VoDirectory directory;
    private final AccountCertificateSubjects subjects;

    JobMemberships(VoDirectory directory, AccountCertificateSubjects subjects) {
        this.directory = directory;
        this.subjects = subjects;
    }

    @Override
    public boolean isSubjectOf(String submitter, String subjectDn) {
        return submitter.equals(subjectDn) || subjects.holderOf(subjectDn).filter(submitter::equals).isPresent();
    }

    @Override
    public Optional<Vo> findVo(String voName) {
        return directory.findByName(voName).map(vo -> new Vo(vo.name(), vo.communityId()));
    }

    @Override
    public boolean holdsFqan(String subjectDn, String fqan, Instant at) {
        return directory.holdsFqan(subjectDn, fqan, at);
    }

    @Override
    public boolean roleGrants(String subjectDn, String voName, String role, Instant at) {
        return directory.roleGrants(subjectDn, voName, role, at);
    }
}
