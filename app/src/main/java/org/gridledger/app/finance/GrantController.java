package org.gridledger.app.finance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.web.Created;
import org.gridledger.domain.finance.GrantCommands.RecordGrantCommand;
import org.gridledger.domain.finance.GrantId;
import org.gridledger.domain.finance.GrantQueries.FindGrantQuery;
import org.gridledger.domain.finance.GrantQueries.FindGrantsQuery;
import org.gridledger.domain.finance.GrantQueries.GrantView;
import org.gridledger.domain.finance.GrantQueries.GrantsView;
import org.gridledger.domain.shared.Money;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Government grants, recorded and read by finance and staff. */
@RestController
@RequestMapping("/api/v1/grants")
@Tag(name = "Grants")
class GrantController {

    record RecordGrantRequest(@NotBlank @Size(max = 200) String funder, @Size(max = 200) String reference,
                              @NotNull BigDecimal amount, String currency, @NotNull YearMonth firstMonth,
                              @NotNull YearMonth lastMonth, @NotNull LocalDate receivedOn) {
    }

    private final CommandSender commands;
    private final Queries queries;
    private final FinanceProperties finance;

    GrantController(CommandSender commands, Queries queries, FinanceProperties finance) {
        this.commands = commands;
        this.queries = queries;
        this.finance = finance;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Record a grant received on a day that funds the months firstMonth to lastMonth; it is "
            + "income of those months in equal instalments")
    ResponseEntity<GrantView> record(@Valid @RequestBody RecordGrantRequest request) {
        GrantId id = GrantId.random();
        commands.send(new RecordGrantCommand(id, request.funder(), request.reference(),
                new Money(request.amount(), finance.inBooks(request.currency())), request.firstMonth(),
                request.lastMonth(), request.receivedOn()));
        return Created.at("/api/v1/grants/" + id, () -> find(id));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "Every grant with its recognition schedule, latest end first")
    GrantsView list() {
        return queries.ask(new FindGrantsQuery(), GrantsView.class);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FINANCE','STAFF')")
    @Operation(summary = "One grant with its recognition schedule")
    GrantView get(@PathVariable GrantId id) {
        return find(id);
    }

    private GrantView find(GrantId id) {
        return queries.ask(new FindGrantQuery(id), GrantView.class);
    }
}
