package org.gridledger.app.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.common.transaction.TransactionManager;
import org.gridledger.app.finance.FinanceProperties;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.web.Created;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProposalCommands.AcceptProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.EndorseProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.RejectProposalCommand;
import org.gridledger.domain.portfolio.ProposalCommands.SubmitProposalCommand;
import org.gridledger.domain.portfolio.ProposalId;
import org.gridledger.domain.portfolio.ProposalKind;
import org.gridledger.domain.portfolio.ProposalQueries.FindProposalQuery;
import org.gridledger.domain.portfolio.ProposalQueries.FindProposalsQuery;
import org.gridledger.domain.portfolio.ProposalQueries.ProposalPageView;
import org.gridledger.domain.portfolio.ProposalQueries.ProposalView;
import org.gridledger.domain.portfolio.ProposalStatus;
import org.gridledger.domain.portfolio.SupportPackageCommands.DefineSupportPackageCommand;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Pagination;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portfolio modification process. A community (its admin, or staff on its behalf) proposes a new package, a
 * change or a variant; other communities endorse it with their expected seats; staff accept or reject it. Proposals
 * are the portfolio's open process: staff, finance and every community admin read all of them.
 */
@RestController
@RequestMapping("/api/v1/proposals")
@Tag(name = "Proposals")
class ProposalController {

    record ProposeRequest(@NotNull CommunityId communityId, @NotNull ProposalKind kind, SupportPackageId packageId,
                          @Size(max = 200) String name, @Size(max = 4000) String description,
                          PackageCategory category, @Size(max = 4000) String change,
                          @NotNull Integer expectedSeats) {
    }

    record EndorseRequest(@NotNull CommunityId communityId, @NotNull Integer expectedSeats) {
    }

    /** {@code packageId}: for a change, the package it leads to (default: the package the proposal names). */
    record AcceptRequest(SupportPackageId packageId) {
    }

    record RejectRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final CommunityScope scope;
    private final TransactionManager transactions;
    private final FinanceProperties finance;

    ProposalController(CommandSender commands, Queries queries, CommunityScope scope,
                       TransactionManager transactions, FinanceProperties finance) {
        this.commands = commands;
        this.queries = queries;
        this.scope = scope;
        this.transactions = transactions;
        this.finance = finance;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Propose a new package, a change to a package or a community-specific variant")
    ResponseEntity<ProposalView> propose(@Valid @RequestBody ProposeRequest request) {
        scope.requireToAct(CurrentPrincipal.get(), request.communityId());
        ProposalId id = ProposalId.random();
        commands.send(new SubmitProposalCommand(id, request.communityId(), request.kind(), request.packageId(),
                request.name(), request.description(), request.category(), request.change(),
                request.expectedSeats()));
        return Created.at(location(id), () -> find(id));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','COMMUNITY_ADMIN')")
    @Operation(summary = "Proposals, newest first, optionally of one status or proposing community")
    ProposalPageView list(@RequestParam(required = false) ProposalStatus status,
                          @RequestParam(required = false) CommunityId communityId,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.ask(new FindProposalsQuery(status, communityId, new Pagination(page, size)),
                ProposalPageView.class);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','COMMUNITY_ADMIN')")
    @Operation(summary = "One proposal with its endorsements and the total expected seats")
    ProposalView get(@PathVariable ProposalId id) {
        return find(id);
    }

    @PostMapping("/{id}/endorsements")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Endorse the proposal on behalf of another community, with its expected seats")
    ResponseEntity<ProposalView> endorse(@PathVariable ProposalId id, @Valid @RequestBody EndorseRequest request) {
        find(id);
        scope.requireToAct(CurrentPrincipal.get(), request.communityId());
        commands.send(new EndorseProposalCommand(id, request.communityId(), request.expectedSeats()));
        return Created.at(location(id), () -> find(id));
    }

    /**
     * Accepts the proposal. For a new package or a variant, a draft package is defined from the proposal and the
     * acceptance links it, both in one transaction: if the acceptance is refused, no package remains. For a change,
     * the acceptance links the package whose terms staff revise through the terms endpoint. The answer's
     * {@code Location} is the package the proposal leads to; the body is the decided proposal.
     */
    @PostMapping("/{id}/accept")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Accept the proposal; a new package or variant is defined as a draft and linked")
    ResponseEntity<ProposalView> accept(@PathVariable ProposalId id,
                                        @RequestBody(required = false) AcceptRequest request) {
        ProposalView proposal = find(id);
        SupportPackageId requested = request == null ? null : request.packageId();
        SupportPackageId packageId;
        if (proposal.kind().definesPackage()) {
            if (requested != null) {
                throw DomainException.of(ErrorCode.PROPOSAL_INVALID,
                        "accepting a %s proposal defines its package; give no packageId", proposal.kind());
            }
            packageId = SupportPackageId.random();
            transactions.executeInTransaction(() -> {
                commands.send(new DefineSupportPackageCommand(packageId, proposal.name(), proposal.description(),
                        proposal.category(), finance.bookCurrency()));
                commands.send(new AcceptProposalCommand(id, packageId));
            });
        } else {
            packageId = requested != null ? requested : proposal.packageId();
            commands.send(new AcceptProposalCommand(id, packageId));
        }
        return Created.at("/api/v1/packages/" + packageId, () -> find(id));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Reject the proposal with a reason")
    ResponseEntity<ProposalView> reject(@PathVariable ProposalId id, @Valid @RequestBody RejectRequest request) {
        find(id);
        commands.send(new RejectProposalCommand(id, request.reason()), request.reason());
        return Created.at(location(id), () -> find(id));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "The proposal's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable ProposalId id) {
        find(id);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    private static String location(ProposalId id) {
        return "/api/v1/proposals/" + id;
    }

    private ProposalView find(ProposalId id) {
        return queries.ask(new FindProposalQuery(id), ProposalView.class);
    }
}
