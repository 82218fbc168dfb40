package org.gridledger.app.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.web.Created;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.SubscriptionCommands.CancelSubscriptionCommand;
import org.gridledger.domain.portfolio.SubscriptionCommands.ChangeSeatsCommand;
import org.gridledger.domain.portfolio.SubscriptionCommands.SubscribeCommand;
import org.gridledger.domain.portfolio.SubscriptionId;
import org.gridledger.domain.portfolio.SubscriptionQueries.ActiveSubscriptionDaysView;
import org.gridledger.domain.portfolio.SubscriptionQueries.FindActiveSubscriptionDaysQuery;
import org.gridledger.domain.portfolio.SubscriptionQueries.FindCommunitySubscriptionsQuery;
import org.gridledger.domain.portfolio.SubscriptionQueries.FindPackageSubscribersQuery;
import org.gridledger.domain.portfolio.SubscriptionQueries.FindSubscriptionQuery;
import org.gridledger.domain.portfolio.SubscriptionQueries.SubscriptionPageView;
import org.gridledger.domain.portfolio.SubscriptionQueries.SubscriptionView;
import org.gridledger.domain.portfolio.SupportPackageId;
import org.gridledger.domain.portfolio.SupportPackageQueries.FindSupportPackageQuery;
import org.gridledger.domain.portfolio.SupportPackageQueries.SupportPackageView;
import org.gridledger.domain.shared.AuditTrailView;
import org.gridledger.domain.shared.DateRange;
import org.gridledger.domain.shared.FindAggregateHistoryQuery;
import org.gridledger.domain.shared.Pagination;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Subscriptions of communities to support packages. Staff and a community's admins subscribe it, change seats and
 * cancel; staff, finance and the community's admins read its subscriptions; staff and finance read a package's
 * subscribers; the active days (the input of billing) are read by staff and finance, and by an admin for its own
 * community.
 */
@RestController
@Tag(name = "Subscriptions")
class SubscriptionController {

    record SubscribeRequest(@NotNull SupportPackageId packageId, @NotNull LocalDate startsOn, @NotNull Integer seats) {
    }

    record SeatsRequest(@NotNull Integer seats, @NotNull LocalDate effectiveOn) {
    }

    /** {@code requestedOn} defaults to today. */
    record CancelRequest(LocalDate requestedOn) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final CommunityScope scope;

    SubscriptionController(CommandSender commands, Queries queries, CommunityScope scope) {
        this.commands = commands;
        this.queries = queries;
        this.scope = scope;
    }

    @PostMapping("/api/v1/communities/{id}/subscriptions")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Subscribe the community to a published package from a start date with a number of seats")
    ResponseEntity<SubscriptionView> subscribe(@PathVariable CommunityId id,
                                               @Valid @RequestBody SubscribeRequest request) {
        scope.requireToAct(CurrentPrincipal.get(), id);
        SubscriptionId subscriptionId = new SubscriptionId(UUID.randomUUID());
        commands.send(new SubscribeCommand(subscriptionId, id, request.packageId(), request.startsOn(),
                request.seats()));
        return created(subscriptionId);
    }

    @GetMapping("/api/v1/communities/{id}/subscriptions")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','COMMUNITY_ADMIN')")
    @Operation(summary = "The community's subscriptions, each with its seats over time")
    SubscriptionPageView ofCommunity(@PathVariable CommunityId id, @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        scope.require(CurrentPrincipal.get(), id);
        return queries.ask(new FindCommunitySubscriptionsQuery(id, new Pagination(page, size)),
                SubscriptionPageView.class);
    }

    @GetMapping("/api/v1/packages/{id}/subscribers")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE')")
    @Operation(summary = "The subscriptions to the package, of all communities")
    SubscriptionPageView subscribers(@PathVariable SupportPackageId id, @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        queries.ask(new FindSupportPackageQuery(id, null), SupportPackageView.class);
        return queries.ask(new FindPackageSubscribersQuery(id, new Pagination(page, size)),
                SubscriptionPageView.class);
    }

    /** The longest span of days one active-days read covers. */
    static final int MAX_ACTIVE_DAYS_SPAN = 366;

    @GetMapping("/api/v1/subscriptions/active-days")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','COMMUNITY_ADMIN')")
    @Operation(summary = "Per subscription, the runs of days in [from, until) with the same terms version and seats")
    ActiveSubscriptionDaysView activeDays(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
            @RequestParam(required = false) CommunityId communityId) {
        GridPrincipal principal = CurrentPrincipal.get();
        if (communityId != null) {
            scope.require(principal, communityId);
        } else if (scope.visibleTo(principal) != null) {
            throw new DomainException(ErrorCode.OUT_OF_SCOPE, "name the community: communityId is required");
        }
        if (!until.isAfter(from) || until.toEpochDay() - from.toEpochDay() > MAX_ACTIVE_DAYS_SPAN) {
            // every community's runs of days are held in memory for the answer: a year at a time
            throw DomainException.of(ErrorCode.INVALID_PERIOD, "from lies before until, at most %d days apart",
                    MAX_ACTIVE_DAYS_SPAN);
        }
        return queries.ask(new FindActiveSubscriptionDaysQuery(communityId, new DateRange(from, until)),
                ActiveSubscriptionDaysView.class);
    }

    @GetMapping("/api/v1/subscriptions/{id}")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','COMMUNITY_ADMIN')")
    @Operation(summary = "One subscription with its seats over time")
    SubscriptionView get(@PathVariable SubscriptionId id) {
        return inScope(id, false);
    }

    @PostMapping("/api/v1/subscriptions/{id}/seats")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Change the number of seats from a day within the subscription, not in the past")
    ResponseEntity<SubscriptionView> changeSeats(@PathVariable SubscriptionId id,
                                                 @Valid @RequestBody SeatsRequest request) {
        inScope(id, true);
        commands.send(new ChangeSeatsCommand(id, request.seats(), request.effectiveOn()));
        return created(id);
    }

    @PostMapping("/api/v1/subscriptions/{id}/cancel")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "Give notice; the subscription ends with the billing month in which the notice ends")
    ResponseEntity<SubscriptionView> cancel(@PathVariable SubscriptionId id,
                                            @RequestBody(required = false) CancelRequest request) {
        inScope(id, true);
        commands.send(new CancelSubscriptionCommand(id, request == null ? null : request.requestedOn()));
        return created(id);
    }

    @GetMapping("/api/v1/subscriptions/{id}/history")
    @PreAuthorize("hasAnyRole('STAFF','COMMUNITY_ADMIN')")
    @Operation(summary = "The subscription's events with who, when, correlation id and reason")
    AuditTrailView history(@PathVariable SubscriptionId id) {
        // staff, or an admin of its community: FINANCE's reading of every community does not extend to audit trails
        inScope(id, true);
        return queries.ask(new FindAggregateHistoryQuery(id.toString()), AuditTrailView.class);
    }

    /**
     * The subscription, if it belongs to a community the caller may see, or with {@code act} act on (403). A scoped
     * caller gets 403 for a non-existent id too, as with communities, so that ids outside its scope cannot be probed;
     * others get 404.
     */
    private SubscriptionView inScope(SubscriptionId id, boolean act) {
        GridPrincipal principal = CurrentPrincipal.get();
        SubscriptionView view;
        try {
            view = find(id);
        } catch (DomainException e) {
            if (e.code() == ErrorCode.SUBSCRIPTION_NOT_FOUND
                    && (act ? scope.actingScope(principal) : scope.visibleTo(principal)) != null) {
                throw DomainException.of(ErrorCode.OUT_OF_SCOPE, "subscription %s lies outside the scope of %s", id,
                        principal.username());
            }
            throw e;
        }
        if (act) {
            scope.requireToAct(principal, view.communityId());
        } else {
            scope.require(principal, view.communityId());
        }
        return view;
    }

    private ResponseEntity<SubscriptionView> created(SubscriptionId id) {
        return Created.at("/api/v1/subscriptions/" + id, () -> find(id));
    }

    private SubscriptionView find(SubscriptionId id) {
        return queries.ask(new FindSubscriptionQuery(id), SubscriptionView.class);
    }
}
