package org.gridledger.app.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.Role;
import org.gridledger.app.web.Created;
import org.gridledger.domain.identity.VoCommands.AddVoGroupCommand;
import org.gridledger.domain.identity.VoCommands.AddVoRoleCommand;
import org.gridledger.domain.identity.VoCommands.CreateVirtualOrganizationCommand;
import org.gridledger.domain.identity.VoCommands.PublishVoAupCommand;
import org.gridledger.domain.identity.VoId;
import org.gridledger.domain.identity.VoQueries.FindExpiringMembershipsQuery;
import org.gridledger.domain.identity.VoQueries.FindVirtualOrganizationsQuery;
import org.gridledger.domain.identity.VoQueries.MembershipPageView;
import org.gridledger.domain.identity.VoQueries.VoPageView;
import org.gridledger.domain.identity.VoQueries.VoView;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Pagination;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Virtual organisations: staff and the admins of a community create the community's VOs and publish their AUPs,
 * groups and roles; everyone who may join or serve a VO (members, providers) reads the catalogue, while a community
 * admin sees only the VOs of its communities. Memberships are in {@link VoMembershipController}, what sites fetch in
 * {@link VoSiteController}.
 */
@RestController
@RequestMapping("/api/v1/vos")
@Tag(name = "Virtual organisations")
@Validated
class VirtualOrganizationController {

    record CreateVoRequest(@NotNull CommunityId communityId, @NotBlank @Size(max = 64) String name,
                           @Size(max = 2000) String description) {
    }

    record AupRequest(@NotBlank @Size(max = 40) String version, @Size(max = 100_000) String text,
                      @Size(max = 2000) String url) {
    }

    record GroupRequest(@NotBlank @Size(max = 512) String group) {
    }

    record RoleRequest(@NotBlank @Size(max = 64) String role) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final CommunityScope communities;
    private final VoAccess access;
    private final Clock clock;

    VirtualOrganizationController(CommandSender commands, Queries queries, CommunityScope communities,
                                  VoAccess access, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.communities = communities;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Create a VO of a community under a unique VOMS-style name (lower case, dots and dashes)")
    ResponseEntity<VoView> create(@Valid @RequestBody CreateVoRequest request) {
        communities.requireToAct(CurrentPrincipal.get(), request.communityId());
        VoId id = VoId.random();
        commands.send(new CreateVirtualOrganizationCommand(id, request.communityId(), request.name(),
                request.description()));
        return created(id);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','COMMUNITY_ADMIN','MEMBER','PROVIDER')")
    @Operation(summary = "VOs visible to the caller, by name: all of them, or a community admin's own")
    VoPageView list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.ask(new FindVirtualOrganizationsQuery(visibleCommunities(CurrentPrincipal.get()),
                new Pagination(page, size)), VoPageView.class);
    }

    @GetMapping("/expiring")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Active memberships of the caller's VOs that expire within the coming days (default 30)")
    MembershipPageView expiring(@RequestParam(defaultValue = "30") @Min(1) @Max(400) int days,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
        GridPrincipal principal = CurrentPrincipal.get();
        Set<CommunityId> scope = communities.actingScope(principal);
        return queries.ask(new FindExpiringMembershipsQuery(null, scope, clock.instant().plus(Duration.ofDays(days)),
                new Pagination(page, size)), MembershipPageView.class);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','COMMUNITY_ADMIN','MEMBER','PROVIDER')")
    @Operation(summary = "One VO with its AUP versions, groups and roles")
    VoView get(@PathVariable VoId id) {
        return access.readable(CurrentPrincipal.get(), id);
    }

    @PostMapping("/{id}/aup")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Publish a new AUP version (text or URL); members must accept it within 15 days")
    ResponseEntity<VoView> publishAup(@PathVariable VoId id, @Valid @RequestBody AupRequest request) {
        access.administered(CurrentPrincipal.get(), id);
        commands.send(new PublishVoAupCommand(id, request.version(), request.text(), request.url()));
        return created(id);
    }

    @PostMapping("/{id}/groups")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Add a group /vo/sub/...; its parent group must exist")
    ResponseEntity<VoView> addGroup(@PathVariable VoId id, @Valid @RequestBody GroupRequest request) {
        access.administered(CurrentPrincipal.get(), id);
        commands.send(new AddVoGroupCommand(id, request.group()));
        return created(id);
    }

    @PostMapping("/{id}/roles")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Add a role that members can hold in any group; a role that grants a service role beyond the "
            + "VO's community (gridledger.identity.vo-role-grants) is added by staff only")
    ResponseEntity<VoView> addRole(@PathVariable VoId id, @Valid @RequestBody RoleRequest request) {
        access.administered(CurrentPrincipal.get(), id);
        access.requireMayGrant(CurrentPrincipal.get(), request.role());
        commands.send(new AddVoRoleCommand(id, request.role()));
        return created(id);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "The VO's events, memberships included, with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable VoId id) {
        access.administered(CurrentPrincipal.get(), id);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    private Set<CommunityId> visibleCommunities(GridPrincipal principal) {
        if (principal.hasAny(Role.STAFF, Role.FINANCE, Role.MEMBER, Role.PROVIDER)
                && principal.tokenCommunityId() == null) {
            return null;
        }
        return communities.visibleTo(principal);
    }

    private ResponseEntity<VoView> created(VoId id) {
        return Created.at("/api/v1/vos/" + id, () -> access.find(id));
    }
}
