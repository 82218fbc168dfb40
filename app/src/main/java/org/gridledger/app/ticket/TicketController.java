package org.gridledger.app.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.web.Created;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Pagination;
import org.gridledger.domain.support.TicketCommands.AnswerSubmitterQuestionCommand;
import org.gridledger.domain.support.TicketCommands.AskSubmitterCommand;
import org.gridledger.domain.support.TicketCommands.CloseTicketCommand;
import org.gridledger.domain.support.TicketCommands.CommentOnTicketCommand;
import org.gridledger.domain.support.TicketCommands.ExemptTicketFromCreditsCommand;
import org.gridledger.domain.support.TicketCommands.LinkEmergencySuspensionCommand;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.support.TicketCommands.LinkTicketCommand;
import org.gridledger.domain.support.TicketCommands.OpenEmergencyTicketCommand;
import org.gridledger.domain.support.TicketCommands.OpenTicketCommand;
import org.gridledger.domain.support.TicketCommands.ReassignTicketCommand;
import org.gridledger.domain.support.TicketCommands.ReopenTicketCommand;
import org.gridledger.domain.support.TicketCommands.SolveTicketCommand;
import org.gridledger.domain.support.TicketCommands.StartWorkOnTicketCommand;
import org.gridledger.domain.support.TicketId;
import org.gridledger.domain.support.TicketLinkKind;
import org.gridledger.domain.support.TicketQueries.FindTicketQuery;
import org.gridledger.domain.support.TicketQueries.FindTicketsQuery;
import org.gridledger.domain.support.TicketQueries.TicketPageView;
import org.gridledger.domain.support.TicketQueries.TicketView;
import org.gridledger.domain.support.TicketStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Support tickets: opened by a community's members and admins (or staff for them), worked on by the provider they
 * are routed to (or staff), answered, reopened and closed by the submitting side. See {@link TicketAccess} for who
 * sees and does what.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets")
class TicketController {

    static final String SUBMITTERS = "hasAnyRole('STAFF','COMMUNITY_ADMIN','MEMBER')";
    static final String SUPPORT = "hasAnyRole('STAFF','PROVIDER')";
    static final String EVERYONE_INVOLVED = "hasAnyRole('STAFF','COMMUNITY_ADMIN','MEMBER','PROVIDER')";

    record OpenTicketRequest(@NotNull CommunityId communityId, @NotNull SupportPackageId packageId,
                             @NotNull TicketPriority priority, @NotBlank @Size(max = 200) String subject,
                             @Size(max = 10000) String description) {
    }

    record OpenEmergencyRequest(@NotNull CommunityId communityId, @NotBlank @Size(max = 200) String subject,
                                @Size(max = 10000) String description, @Size(max = 500) String affectedPersonDn) {
    }

    record TextRequest(@NotBlank @Size(max = 10000) String text) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record ReassignRequest(@NotNull ProviderId providerId, @NotBlank @Size(max = 2000) String reason) {
    }

    record LinkRequest(@NotNull TicketId otherTicketId, @NotNull TicketLinkKind kind) {
    }

    record SuspensionRequest(@NotBlank @Size(max = 500) String personDn, @Size(max = 200) String suspensionReference) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final TicketAccess access;

    TicketController(CommandSender commands, Queries queries, TicketAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
    }

    @PostMapping
    @PreAuthorize(SUBMITTERS)
    @Operation(summary = "Open a ticket about a package the community subscribes to; it goes to the provider awarded "
            + "the package for the community's lot, else to the first-level queue")
    ResponseEntity<TicketView> open(@Valid @RequestBody OpenTicketRequest request) {
        GridPrincipal principal = CurrentPrincipal.get();
        access.requireMayOpenFor(principal, request.communityId());
        TicketId id = TicketId.random();
        commands.send(new OpenTicketCommand(id, request.communityId(), request.packageId(), request.priority(),
                request.subject(), request.description(), principal.username()));
        return created(id);
    }

    @PostMapping("/emergencies")
    @PreAuthorize(SUBMITTERS)
    @Operation(summary = "Report a security emergency: top priority, the emergency-response provider is notified at once")
    ResponseEntity<TicketView> openEmergency(@Valid @RequestBody OpenEmergencyRequest request) {
        GridPrincipal principal = CurrentPrincipal.get();
        access.requireMayOpenFor(principal, request.communityId());
        TicketId id = TicketId.random();
        commands.send(new OpenEmergencyTicketCommand(id, request.communityId(), request.subject(),
                request.description(), principal.username(), request.affectedPersonDn()));
        return created(id);
    }

    @GetMapping
    @PreAuthorize(EVERYONE_INVOLVED)
    @Operation(summary = "Tickets visible to the caller, newest first, optionally in one status")
    TicketPageView list(@RequestParam(required = false) TicketStatus status,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return queries.ask(new FindTicketsQuery(access.visibility(CurrentPrincipal.get()), status,
                new Pagination(page, size)), TicketPageView.class);
    }

    @GetMapping("/{id}")
    @PreAuthorize(EVERYONE_INVOLVED)
    @Operation(summary = "One ticket with its clocks, deadlines, comments, links, credits and notifications")
    TicketView get(@PathVariable TicketId id) {
        TicketView ticket = find(id);
        access.requireVisible(CurrentPrincipal.get(), ticket);
        return ticket;
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "The ticket's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable TicketId id) {
        find(id);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    @PostMapping("/{id}/comments")
    @PreAuthorize(EVERYONE_INVOLVED)
    @Operation(summary = "Comment as the support or the submitting side; a support comment is a first response, a "
            + "submitter's comment answers a question")
    ResponseEntity<TicketView> comment(@PathVariable TicketId id, @Valid @RequestBody TextRequest request) {
        return act(id, (principal, ticket) -> new CommentOnTicketCommand(id, access.side(principal, ticket),
                principal.username(), request.text()));
    }

    @PostMapping("/{id}/start")
    @PreAuthorize(SUPPORT)
    @Operation(summary = "Start working on the ticket")
    ResponseEntity<TicketView> start(@PathVariable TicketId id) {
        return support(id, principal -> new StartWorkOnTicketCommand(id, principal.username()));
    }

    @PostMapping("/{id}/questions")
    @PreAuthorize(SUPPORT)
    @Operation(summary = "Ask the submitter; the resolution clock stops until the answer")
    ResponseEntity<TicketView> ask(@PathVariable TicketId id, @Valid @RequestBody TextRequest request) {
        return support(id, principal -> new AskSubmitterCommand(id, principal.username(), request.text()));
    }

    @PostMapping("/{id}/solve")
    @PreAuthorize(SUPPORT)
    @Operation(summary = "Record the solution; the ticket closes itself after 10 working days unless reopened")
    ResponseEntity<TicketView> solve(@PathVariable TicketId id, @Valid @RequestBody TextRequest request) {
        return support(id, principal -> new SolveTicketCommand(id, principal.username(), request.text()));
    }

    @PostMapping("/{id}/reassign")
    @PreAuthorize(SUPPORT)
    @Operation(summary = "Hand the ticket to a provider holding a contract for its package")
    ResponseEntity<TicketView> reassign(@PathVariable TicketId id, @Valid @RequestBody ReassignRequest request) {
        return support(id, principal -> new ReassignTicketCommand(id, request.providerId(), request.reason()));
    }

    @PostMapping("/{id}/links")
    @PreAuthorize(SUPPORT)
    @Operation(summary = "Link the ticket to another: duplicate of, caused by")
    ResponseEntity<TicketView> link(@PathVariable TicketId id, @Valid @RequestBody LinkRequest request) {
        return support(id, principal -> {
            requireLinkable(principal, id, request.otherTicketId());
            return new LinkTicketCommand(id, request.otherTicketId(), request.kind());
        });
    }

    /**
     * A ticket the caller cannot see is not linked to, and is refused like one that does not exist, so that the
     * answer tells nothing about other communities' or providers' tickets.
     */
    private void requireLinkable(GridPrincipal principal, TicketId id, TicketId other) {
        if (other == null) {
            return;
        }
        TicketView target;
        try {
            target = find(other);
        } catch (DomainException e) {
            return; // the aggregate refuses an unknown ticket as TICKET_LINK_INVALID
        }
        try {
            access.requireVisible(principal, target);
        } catch (DomainException e) {
            throw DomainException.of(ErrorCode.TICKET_LINK_INVALID, "ticket %s cannot be linked to %s", id, other);
        }
    }

    @PostMapping("/{id}/answers")
    @PreAuthorize(SUBMITTERS)
    @Operation(summary = "Answer the support side's question; the resolution clock goes on")
    ResponseEntity<TicketView> answer(@PathVariable TicketId id, @Valid @RequestBody TextRequest request) {
        return submitter(id, principal -> new AnswerSubmitterQuestionCommand(id, principal.username(), request.text()));
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize(SUBMITTERS)
    @Operation(summary = "Reopen a solved ticket, with a reason")
    ResponseEntity<TicketView> reopen(@PathVariable TicketId id, @Valid @RequestBody ReasonRequest request) {
        return submitter(id, principal -> new ReopenTicketCommand(id, principal.username(), request.reason()));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(SUBMITTERS)
    @Operation(summary = "Confirm the solution and close the ticket")
    ResponseEntity<TicketView> close(@PathVariable TicketId id) {
        return submitter(id, principal -> new CloseTicketCommand(id, principal.username()));
    }

    @PostMapping("/{id}/suspension")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Record the emergency suspension of a person this emergency caused")
    ResponseEntity<TicketView> suspension(@PathVariable TicketId id, @Valid @RequestBody SuspensionRequest request) {
        find(id);
        commands.send(new LinkEmergencySuspensionCommand(id, request.personDn(), request.suspensionReference()));
        return created(id);
    }

    @PostMapping("/{id}/exempt")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Exempt a ticket withdrawn as the submitter's fault: its credits and penalties are reversed")
    ResponseEntity<TicketView> exempt(@PathVariable TicketId id, @Valid @RequestBody ReasonRequest request) {
        find(id);
        commands.send(new ExemptTicketFromCreditsCommand(id, request.reason()), request.reason());
        return created(id);
    }

    private ResponseEntity<TicketView> support(TicketId id, Function<GridPrincipal, Object> command) {
        return act(id, (principal, ticket) -> {
            access.requireSupportSide(principal, ticket);
            return command.apply(principal);
        });
    }

    private ResponseEntity<TicketView> submitter(TicketId id, Function<GridPrincipal, Object> command) {
        return act(id, (principal, ticket) -> {
            access.requireSubmitterSide(principal, ticket);
            return command.apply(principal);
        });
    }

    /** Reads the ticket, checks the caller sees it, sends the command the caller may send, answers 201. */
    private ResponseEntity<TicketView> act(TicketId id, BiFunction<GridPrincipal, TicketView, Object> command) {
        GridPrincipal principal = CurrentPrincipal.get();
        TicketView ticket = find(id);
        access.requireVisible(principal, ticket);
        commands.send(command.apply(principal, ticket));
        return created(id);
    }

    private ResponseEntity<TicketView> created(TicketId id) {
        return Created.at("/api/v1/tickets/" + id, () -> find(id));
    }

    private TicketView find(TicketId id) {
        return queries.ask(new FindTicketQuery(id), TicketView.class);
    }
}
