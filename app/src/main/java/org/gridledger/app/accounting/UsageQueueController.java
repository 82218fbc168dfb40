package org.gridledger.app.accounting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridledger.accounting.usage.UsageReadModel;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.domain.accounting.UsageAssignmentId;
import org.gridledger.domain.accounting.UsageCommands.AssignUnattributedUsageCommand;
import org.gridledger.domain.accounting.UsageCommands.CloseUsageMonthCommand;
import org.gridledger.domain.accounting.UsageMonthId;
import org.gridledger.domain.accounting.UsageViews.UsageAssignmentView;
import org.gridledger.domain.accounting.UsageViews.UsageBilledPeriodView;
import org.gridledger.domain.accounting.UsageViews.UsageLatePageView;
import org.gridledger.domain.accounting.UsageViews.UsageUnattributedPageView;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.CommunityQueries.CommunityView;
import org.gridledger.domain.portfolio.CommunityQueries.FindCommunityQuery;
import org.gridledger.domain.shared.Pagination;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.List;

/**
 * The queues around ingest: unattributed usage (staff see it and assign it to a community, after which it counts),
 * months closed for billing (staff or finance close them), and records that arrived late for a closed month.
 */
@RestController
@RequestMapping("/api/v1/usage")
@Tag(name = "Usage")
class UsageQueueController {

    record AssignRequest(@NotBlank @Size(max = 200) String vo, @NotNull CommunityId communityId,
                         @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, @Size(max = 2000) String reason) {
    }

    record CloseMonthRequest(@NotNull YearMonth month) {
    }

    private final UsageReadModel reads;
    private final CommandSender commands;
    private final Queries queries;
    private final UsageVisibilities visibilities;

    UsageQueueController(UsageReadModel reads, CommandSender commands, Queries queries, UsageVisibilities visibilities) {
        this.reads = reads;
        this.commands = commands;
        this.queries = queries;
        this.visibilities = visibilities;
    }

    @GetMapping("/unattributed")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Usage of unknown VOs waiting for an assignment, per VO, site and month")
    UsageUnattributedPageView unattributed(@RequestParam(required = false) String vo,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "20") int size) {
        return reads.unattributed(vo, new Pagination(page, size));
    }

    @PostMapping("/unattributed/assign")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Attribute the waiting usage of a VO (of one month, if given) to a community; it then counts "
            + "in the summaries")
    ResponseEntity<UsageAssignmentView> assign(@Valid @RequestBody AssignRequest request) {
        queries.ask(new FindCommunityQuery(request.communityId()), CommunityView.class);
        UsageAssignmentId id = UsageAssignmentId.random();
        commands.send(new AssignUnattributedUsageCommand(id, request.vo(), request.month(), request.communityId(),
                request.reason()), request.reason());
        long records = reads.assigned(id);
        return ResponseEntity.status(HttpStatus.CREATED).body(new UsageAssignmentView(id, request.vo(), request.month(),
                request.communityId(), records));
    }

    @GetMapping("/late")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER','COMMUNITY_ADMIN')")
    @Operation(summary = "Records that arrived, or replaced others, after their month (yyyy-MM) was closed for billing")
    UsageLatePageView late(@RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size) {
        return reads.late(month, visibilities.of(CurrentPrincipal.get()), new Pagination(page, size));
    }

    @GetMapping("/billed-periods")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE')")
    @Operation(summary = "Months closed for billing")
    List<UsageBilledPeriodView> billedPeriods() {
        return reads.billedPeriods();
    }

    @PostMapping("/billed-periods")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE')")
    @Operation(summary = "Close an ended month (yyyy-MM, UTC) for billing; records arriving for it later are marked late")
    ResponseEntity<List<UsageBilledPeriodView>> close(@Valid @RequestBody CloseMonthRequest request) {
        if (reads.closed(request.month())) {
            throw DomainException.of(ErrorCode.USAGE_MONTH_ALREADY_CLOSED, "%s is closed already", request.month());
        }
        commands.send(new CloseUsageMonthCommand(new UsageMonthId(request.month())));
        return ResponseEntity.status(HttpStatus.CREATED).body(reads.billedPeriods());
    }
}
