package org.gridledger.app.accounting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.gridledger.accounting.usage.UsageIngest;
import org.gridledger.accounting.usage.UsageParserFactory;
import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.ProviderScope;
import org.gridledger.domain.accounting.UsageViews.UsageUploadView;
import org.gridledger.domain.portfolio.ProviderId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Usage uploads: a document of usage records in one of the grid's formats, streamed into the ingest pipeline in one
 * transaction. Providers (accounts or provider-narrowed tokens) upload for their own resources; staff for any.
 */
@RestController
@RequestMapping("/api/v1/usage")
@Tag(name = "Usage")
class UsageUploadController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final UsageIngest ingest;
    private final CommandSender commands;
    private final ProviderScope providers;

    UsageUploadController(UsageIngest ingest, CommandSender commands, ProviderScope providers) {
        this.ingest = ingest;
        this.commands = commands;
        this.providers = providers;
    }

    @PostMapping(value = "/uploads", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("hasAnyRole('PROVIDER','STAFF')")
    @Operation(summary = "Upload usage records (APEL, OGF UR, EMI CAR, Slurm sacct or JSON); the format comes from "
            + "?format=, else the content type, else the document's first bytes. Idempotency-Key is required: a retry "
            + "with the same key and document returns the first answer and changes nothing. Records of sites that are "
            + "not the caller's resources, and invalid records, are rejected one by one; a document that cannot be "
            + "read stores nothing (400).")
    ResponseEntity<UsageUploadView> upload(
            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Parameter(description = "apel, ur, car, sacct or json") @RequestParam(required = false) String format,
            @Parameter(description = "the APEL site of records that name none (required for sacct)")
            @RequestParam(required = false) String site,
            @Parameter(description = "the submit host of records that name none (sacct)")
            @RequestParam(required = false) String submitHost,
            @Parameter(description = "the time zone of timestamps without an offset (sacct prints local time); default UTC")
            @RequestParam(required = false) ZoneId timeZone,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            HttpServletRequest request) throws IOException {
        GridPrincipal principal = CurrentPrincipal.get();
        UsageFormatSelection.Selected selected = UsageFormatSelection.select(format, contentType,
                request.getInputStream());
        Set<ProviderId> visible = providers.actingScope(principal);
        List<UUID> providerIds = visible == null ? null : visible.stream().map(ProviderId::value).toList();
        UsageIngest.Outcome outcome = ingest.ingest(new UsageIngest.Upload(principal.username(), idempotencyKey,
                selected.format(), new UsageParserFactory.DocumentContext(blankToNull(site), blankToNull(submitHost),
                timeZone == null ? ZoneOffset.UTC : timeZone), providerIds, selected.body()), commands::send);
        return ResponseEntity.ok().header(REPLAYED, Boolean.toString(outcome.replayed())).body(outcome.answer());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
