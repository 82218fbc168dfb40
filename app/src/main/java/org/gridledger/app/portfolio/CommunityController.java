package org.gridledger.app.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridledger.app.security.AccountStore;
import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.Role;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.web.Created;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityCommands.AssignCommunityAdminCommand;
import org.gridledger.domain.portfolio.CommunityCommands.RegisterCommunityCommand;
import org.gridledger.domain.portfolio.CommunityCommands.ReinstateCommunityCommand;
import org.gridledger.domain.portfolio.CommunityCommands.RemoveCommunityAdminCommand;
import org.gridledger.domain.portfolio.CommunityCommands.SuspendCommunityCommand;
import org.gridledger.domain.portfolio.CommunityCommands.UpdateCommunityProfileCommand;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityProfile;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityPageView;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunitiesQuery;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityProfileHistoryQuery;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.portfolio.CommunityQueries.ProfileHistoryView;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Pagination;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/**
 * Research communities. Staff register, suspend and reinstate them and assign their admins; staff and finance read
 * all of them; a community admin reads and updates the profile of its own communities only.
 */
@RestController
@RequestMapping("/api/v1/communities")
@Tag(name = "Communities")
class CommunityController {

    record RegisterCommunityRequest(@NotBlank @Size(max = 200) String name, @NotNull @Valid CommunityProfile profile) {
    }

    record AdminRequest(@NotBlank @Size(max = 64) String username) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final CommunityScope scope;
    private final AccountStore accounts;

    CommunityController(CommandSender commands, Queries queries, CommunityScope scope, AccountStore accounts) {
        this.commands = commands;
        this.queries = queries;
        this.scope = scope;
        this.accounts = accounts;
    }

    @PostMapping
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Register a community with its constraints profile")
    ResponseEntity<CommunityView> register(@Valid @RequestBody RegisterCommunityRequest request) {
        CommunityId id = new CommunityId(java.util.UUID.randomUUID());
        commands.send(new RegisterCommunityCommand(id, request.name(), request.profile()));
        return Created.at("/api/v1/communities/" + id, () -> find(id));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','COMMUNITY_ADMIN')")
    @Operation(summary = "Communities visible to the caller")
    CommunityPageView list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.ask(new FindCommunitiesQuery(scope.visibleTo(CurrentPrincipal.get()), new Pagination(page, size)),
                CommunityPageView.class);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','COMMUNITY_ADMIN')")
    @Operation(summary = "One community")
    CommunityView get(@PathVariable CommunityId id) {
        scope.require(CurrentPrincipal.get(), id);
        return find(id);
    }

    @PutMapping("/{id}/profile")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Replace the profile; earlier versions stay in the profile history")
    CommunityView updateProfile(@PathVariable CommunityId id, @Valid @RequestBody CommunityProfile profile) {
        scope.requireToAct(CurrentPrincipal.get(), id);
        find(id);
        commands.send(new UpdateCommunityProfileCommand(id, profile));
        return find(id);
    }

    @GetMapping("/{id}/profile-history")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','COMMUNITY_ADMIN')")
    @Operation(summary = "Every profile version with its effective date")
    ProfileHistoryView profileHistory(@PathVariable CommunityId id) {
        scope.require(CurrentPrincipal.get(), id);
        return queries.ask(new FindCommunityProfileHistoryQuery(id), ProfileHistoryView.class);
    }

    @PostMapping("/{id}/admins")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Make an account holding COMMUNITY_ADMIN an admin of this community")
    ResponseEntity<CommunityView> assignAdmin(@PathVariable CommunityId id, @Valid @RequestBody AdminRequest request) {
        find(id);
        AccountStore.Account account = accounts.get(request.username());
        if (!account.roles().contains(Role.COMMUNITY_ADMIN)) {
            throw DomainException.of(ErrorCode.ACCOUNT_LACKS_ROLE, "account %s does not hold the role COMMUNITY_ADMIN",
                    request.username());
        }
        commands.send(new AssignCommunityAdminCommand(id, request.username()));
        return created(id);
    }

    @DeleteMapping("/{id}/admins/{username}")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Remove an admin of this community")
    ResponseEntity<Void> removeAdmin(@PathVariable CommunityId id, @PathVariable String username) {
        find(id);
        commands.send(new RemoveCommunityAdminCommand(id, username));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/suspend")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Suspend a community, with a reason")
    ResponseEntity<CommunityView> suspend(@PathVariable CommunityId id, @Valid @RequestBody ReasonRequest request) {
        find(id);
        commands.send(new SuspendCommunityCommand(id, request.reason()), request.reason());
        return created(id);
    }

    @PostMapping("/{id}/reinstate")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Reinstate a suspended community, with a reason")
    ResponseEntity<CommunityView> reinstate(@PathVariable CommunityId id, @Valid @RequestBody ReasonRequest request) {
        find(id);
        commands.send(new ReinstateCommunityCommand(id, request.reason()), request.reason());
        return created(id);
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "The community's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable CommunityId id) {
        GridPrincipal principal = CurrentPrincipal.get();
        // staff, or an admin of this community: FINANCE's reading of every community does not extend to audit trails
        scope.requireToAct(principal, id);
        find(id);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    /** A command on an existing community answers 201 with the community's location and new state. */
    private ResponseEntity<CommunityView> created(CommunityId id) {
        return Created.at("/api/v1/communities/" + id, () -> find(id));
    }

    private CommunityView find(CommunityId id) {
        return queries.ask(new FindCommunityQuery(id), CommunityView.class);
    }
}
