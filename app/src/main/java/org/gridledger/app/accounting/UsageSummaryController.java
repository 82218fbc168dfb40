package org.gridledger.app.accounting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.gridledger.accounting.usage.UsageReadModel;
import org.gridledger.accounting.usage.UsageReadModel.SummaryFilter;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.domain.accounting.UsageViews.UsageSharingMatrixView;
import org.gridledger.domain.accounting.UsageViews.UsageSummaryPageView;
import org.gridledger.domain.accounting.UsageViews.UsageSyncView;
import org.gridledger.domain.shared.Pagination;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Usage summaries (month × site × VO × community × user DN × processors × nodes), as JSON pages or CSV, the
 * cross-community sharing matrix and APEL sync counts. A provider sees its own resources' usage, a community admin
 * its communities' usage, staff and finance everything.
 */
@RestController
@RequestMapping("/api/v1/usage")
@Tag(name = "Usage")
class UsageSummaryController {

    private final UsageReadModel reads;
    private final UsageVisibilities visibilities;

    UsageSummaryController(UsageReadModel reads, UsageVisibilities visibilities) {
        this.reads = reads;
        this.visibilities = visibilities;
    }

    @GetMapping("/summaries")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER','COMMUNITY_ADMIN')")
    @Operation(summary = "Usage summaries visible to the caller, filtered by month (yyyy-MM, UTC by end time), site, "
            + "VO, community or provider; normalised figures in HS06-seconds")
    UsageSummaryPageView summaries(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
                                   @RequestParam(required = false) String site,
                                   @RequestParam(required = false) String vo,
                                   @RequestParam(required = false) UUID communityId,
                                   @RequestParam(required = false) UUID providerId,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        return reads.summaries(new SummaryFilter(month, site, vo, communityId, providerId),
                visibilities.of(CurrentPrincipal.get()), new Pagination(page, size));
    }

    @GetMapping(value = "/summaries/csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER','COMMUNITY_ADMIN')")
    @Operation(summary = "The same summaries as CSV (RFC 4180, header line, all matching rows, streamed)")
    void summariesCsv(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
                      @RequestParam(required = false) String site,
                      @RequestParam(required = false) String vo,
                      @RequestParam(required = false) UUID communityId,
                      @RequestParam(required = false) UUID providerId,
                      HttpServletResponse response) throws IOException {
        var visibility = visibilities.of(CurrentPrincipal.get());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"usage-summaries"
                + (month == null ? "" : "-" + month) + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        reads.summariesCsv(new SummaryFilter(month, site, vo, communityId, providerId), visibility, out);
        out.flush();
    }

    @GetMapping("/sharing")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER','COMMUNITY_ADMIN')")
    @Operation(summary = "Cross-community sharing: which community used which provider's resources, per month, with totals")
    UsageSharingMatrixView sharing(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return reads.sharing(month, visibilities.of(CurrentPrincipal.get()));
    }

    @GetMapping("/exports/sync")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "APEL sync figures of a site: the number of stored records per month (of one month, if given)")
    List<UsageSyncView> sync(@RequestParam String site,
                             @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
        return reads.sync(site, month, visibilities.of(CurrentPrincipal.get()));
    }
}
