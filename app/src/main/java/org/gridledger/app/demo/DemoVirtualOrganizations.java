package org.gridledger.app.demo;

import org.gridledger.identity.ca.CertificateAuthority;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.identity.MembershipId;
import org.gridledger.domain.identity.VoCommands.AddVoGroupCommand;
import org.gridledger.domain.identity.VoCommands.AddVoRoleCommand;
import org.gridledger.domain.identity.VoCommands.ApproveMembershipCommand;
import org.gridledger.domain.identity.VoCommands.AssignMemberCommand;
import org.gridledger.domain.identity.VoCommands.CreateVirtualOrganizationCommand;
import org.gridledger.domain.identity.VoCommands.PublishVoAupCommand;
import org.gridledger.domain.identity.VoCommands.RequestMembershipCommand;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.identity.VoQueries.FindMembershipQuery;
import org.gridledger.domain.identity.VoQueries.FindVirtualOrganizationQuery;
import org.gridledger.domain.identity.VoQueries.MembershipView;
import org.gridledger.domain.identity.VoQueries.VoView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The demo's virtual organisations, loaded after the communities ({@link DemoDataLoader}): one VO per scientific
 * community with an AUP, a few groups and roles, approved members with their groups and roles, and one request
 * waiting for a decision. A VO that exists already is left as it is, so a second start changes nothing.
 */
@Component
@Order(20)
class DemoVirtualOrganizations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVirtualOrganizations.class);

    /** A group, with a role in it or none. */
    record In(String group, String role) {
    }

    record DemoMember(String dn, List<In> assignments, boolean approved) {
    }

    record DemoVo(String name, String community, String description, List<String> groups, List<String> roles,
                  List<DemoMember> members) {
    }

    static final List<DemoVo> VOS = List.of(
            new DemoVo("medigrid", "MediGrid", "Medical imaging and bioinformatics on the German grid",
                    List.of("/medigrid/imaging", "/medigrid/bioinformatics"), List.of("VO-Admin", "pseudonymisation"),
                    List.of(new DemoMember("/C=DE/O=GridGermany/OU=Universitaetsmedizin Goettingen/CN=Anna Berg",
                                    List.of(new In("/medigrid", "VO-Admin"), new In("/medigrid/imaging", null)), true),
                            new DemoMember("/C=DE/O=GridGermany/OU=Charite Berlin/CN=Jonas Kraus",
                                    List.of(new In("/medigrid/bioinformatics", "pseudonymisation")), true),
                            new DemoMember("/C=DE/O=GridGermany/OU=Uniklinik Koeln/CN=Lea Hoffmann", List.of(), false))),
            new DemoVo("hepgrid", "HEP-Grid", "High-energy physics analysis and Monte Carlo production",
                    List.of("/hepgrid/atlas", "/hepgrid/cms"), List.of("VO-Admin", "production"),
                    List.of(new DemoMember("/C=DE/O=GridGermany/OU=DESY/CN=Markus Weber",
                                    List.of(new In("/hepgrid", "VO-Admin"), new In("/hepgrid/atlas", "production")), true),
                            new DemoMember("/C=DE/O=GridGermany/OU=KIT/CN=Sofia Wagner",
                                    List.of(new In("/hepgrid/cms", null)), true))),
            new DemoVo("c3grid", "C3-Grid", "Collaborative climate community data and processing grid",
                    List.of("/c3grid/ensembles"), List.of("VO-Admin", "data-manager"),
                    List.of(new DemoMember("/C=DE/O=GridGermany/OU=DKRZ/CN=Paul Schmidt",
                                    List.of(new In("/c3grid", "VO-Admin"), new In("/c3grid/ensembles", "data-manager")), true),
                            new DemoMember("/C=DE/O=GridGermany/OU=AWI/CN=Mia Fischer",
                                    List.of(new In("/c3grid/ensembles", null)), true))));

    private final CommandSender commands;
    private final Queries queries;
    private final Environment environment;
    /** Our CA: it signs the demo members' DNs, which lie in its namespace, so their memberships name it. */
    private final String issuerDn;

    DemoVirtualOrganizations(CommandSender commands, Queries queries, Environment environment,
                             CertificateAuthority ca) {
        this.issuerDn = ca.issuerDn();
        this.commands = commands;
        this.queries = queries;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!environment.getProperty("gridledger.demo", Boolean.class, false) && !args.containsOption("demo")) {
            return;
        }
        int created = load();
        log.info("Demo virtual organisations loaded: {} new VOs and members", created);
    }

    int load() {
        return createOrganisations() + enrolMembers();
    }

    /** Creates the VOs that do not exist yet, with their AUP, groups and roles but no members; returns how many. */
    int createOrganisations() {
        int created = 0;
        for (DemoVo vo : VOS) {
            VoId id = voId(vo.name());
            if (exists(new FindVirtualOrganizationQuery(id), VoView.class, ErrorCode.VO_NOT_FOUND)) {
                continue;
            }
            send(new CreateVirtualOrganizationCommand(id, DemoDataLoader.communityId(vo.community()), vo.name(),
                    vo.description()));
            send(new PublishVoAupCommand(id, "1.0", null, "https://" + vo.name() + ".d-grid.example.org/aup/1.0"));
            vo.groups().forEach(group -> send(new AddVoGroupCommand(id, group)));
            vo.roles().forEach(role -> send(new AddVoRoleCommand(id, role)));
            created++;
        }
        return created;
    }

    /**
     * Requests (and approves, with their groups and roles) the memberships that do not exist yet. The demo's year of
     * history creates the VOs a year back, so that the usage of the year is attributed; the members join on the day
     * the demo is loaded, so their memberships and AUP acceptances are current.
     */
    int enrolMembers() {
        int enrolled = 0;
        for (DemoVo vo : VOS) {
            VoId id = voId(vo.name());
            for (DemoMember member : vo.members()) {
                MembershipId membershipId = new MembershipId(uuid("membership:" + vo.name() + ":" + member.dn()));
                if (exists(new FindMembershipQuery(id, membershipId), MembershipView.class,
                        ErrorCode.MEMBERSHIP_NOT_FOUND)) {
                    continue;
                }
                send(new RequestMembershipCommand(id, membershipId, member.dn(), issuerDn, "1.0",
                        DemoDataLoader.ACTOR));
                if (member.approved()) {
                    send(new ApproveMembershipCommand(id, membershipId));
                    member.assignments().forEach(a -> send(new AssignMemberCommand(id, membershipId, a.group(), a.role())));
                }
                enrolled++;
            }
        }
        return enrolled;
    }

    static VoId voId(String name) {
        return new VoId(uuid("vo:" + name));
    }

    private boolean exists(Object query, Class<?> view, ErrorCode notFound) {
        try {
            queries.ask(query, view);
            return true;
        } catch (DomainException e) {
            if (e.code() == notFound) {
                return false;
            }
            throw e;
        }
    }

    private void send(Object command) {
        commands.sendAsSystem(command, DemoDataLoader.ACTOR);
    }

    private static UUID uuid(String key) {
        return UUID.nameUUIDFromBytes(("gridledger-demo:" + key).getBytes(StandardCharsets.UTF_8));
    }
}
