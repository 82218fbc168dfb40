package org.gridledger.app.accounting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.gridledger.accounting.usage.UsageReadModel;
import org.gridledger.accounting.usage.UsageReadModel.ApelSummaryData;
import org.gridledger.accounting.usage.format.ApelSummaryWriter;
import org.gridledger.accounting.usage.format.ApelSyncWriter;
import org.gridledger.accounting.usage.format.SummaryRow;
import org.gridledger.accounting.usage.format.SyncRow;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.domain.accounting.Infrastructure;
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

/**
 * A site's month as APEL messages, for forwarding to the grid's accounting repository: the summary message v0.3
 * (current records per user, VO group and role, submit host, infrastructure, nodes and processors; normalised
 * durations in whole HS06-seconds) and the sync message (records per submit host). A provider exports its own sites.
 */
@RestController
@RequestMapping("/api/v1/usage/exports")
@Tag(name = "Usage")
class UsageExportController {

    private static final String TEXT = "text/plain;charset=UTF-8";

    private final UsageReadModel reads;
    private final UsageVisibilities visibilities;

    UsageExportController(UsageReadModel reads, UsageVisibilities visibilities) {
        this.reads = reads;
        this.visibilities = visibilities;
    }

    @GetMapping(value = "/apel-summaries", produces = "text/plain")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "APEL summary message v0.3 of a site's month (yyyy-MM, UTC)")
    void summaries(@RequestParam String site, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
                   HttpServletResponse response) throws IOException {
        var visibility = visibilities.of(CurrentPrincipal.get());
        response.setContentType(TEXT);
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        ApelSummaryWriter writer = ApelSummaryWriter.open(out);
        reads.apelSummaries(site, month, visibility, row -> writer.write(row(row)));
        out.flush();
    }

    @GetMapping(value = "/apel-sync", produces = "text/plain")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "APEL sync message of a site's month (yyyy-MM, UTC): stored records per submit host")
    void sync(@RequestParam String site, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
              HttpServletResponse response) throws IOException {
        var rows = reads.apelSync(site, month, visibilities.of(CurrentPrincipal.get()));
        response.setContentType(TEXT);
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        ApelSyncWriter writer = ApelSyncWriter.open(out);
        rows.forEach(r -> writer.write(new SyncRow(r.site(), oneLine(r.submitHost()) == null ? "None"
                : oneLine(r.submitHost()),
                r.jobs(), r.month())));
        out.flush();
    }

    private static SummaryRow row(ApelSummaryData d) {
        return new SummaryRow(d.site(), d.month(), oneLine(d.userDn()), oneLine(d.vo()), oneLine(d.voGroup()),
                oneLine(d.voRole()), oneLine(d.submitHost()),
                d.infrastructure() == null ? null : Infrastructure.valueOf(d.infrastructure()),
                d.nodes() == 0 ? null : d.nodes(), d.processors() == 0 ? null : d.processors(), d.earliestEnd(),
                d.latestEnd(), d.wallSeconds(), d.cpuSeconds(), d.normalisedWall(), d.normalisedCpu(), d.jobs());
    }

    /**
     * A stored text as one APEL line: records keep their text as reported, line breaks and tabs included, but an
     * APEL message is line-based, so each control character becomes a space and the value is trimmed (empty: None).
     */
    static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder line = new StringBuilder(s.length());
        s.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String stripped = line.toString().strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
