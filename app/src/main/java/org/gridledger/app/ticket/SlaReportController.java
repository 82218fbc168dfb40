package org.gridledger.app.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gridledger.domain.shared.CsvFields;
import org.gridledger.app.messaging.Queries;
import org.gridledger.app.reports.ReportingProperties;
import org.gridledger.app.security.CommunityScope;
import org.gridledger.app.security.CurrentPrincipal;
import org.gridledger.app.security.GridPrincipal;
import org.gridledger.app.security.ProviderScope;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.domain.support.TicketQueries.FindServiceCreditsQuery;
import org.gridledger.domain.support.TicketQueries.FindSlaComplianceQuery;
import org.gridledger.domain.support.TicketQueries.ServiceCreditsView;
import org.gridledger.domain.support.TicketQueries.SlaComplianceRow;
import org.gridledger.domain.support.TicketQueries.SlaComplianceView;
import org.gridledger.reporting.pdf.SlaComplianceDocument;
import org.gridledger.reporting.pdf.SlaCompliancePdf;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.Set;

/**
 * SLA compliance per provider and month (JSON, CSV and PDF) and the service credits per community, package, provider and
 * month that billing turns into credit lines and settlement deductions.
 */
@RestController
@Tag(name = "Tickets")
class SlaReportController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Queries queries;
    private final ProviderScope providers;
    private final CommunityScope communities;
    private final SlaCompliancePdf slaPdf;
    private final ReportingProperties reporting;

    SlaReportController(Queries queries, ProviderScope providers, CommunityScope communities,
                        SlaCompliancePdf slaPdf, ReportingProperties reporting) {
        this.queries = queries;
        this.providers = providers;
        this.communities = communities;
        this.slaPdf = slaPdf;
        this.reporting = reporting;
    }

    @GetMapping("/api/v1/tickets/sla-compliance")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "Per provider (a provider: its own) for a month: tickets opened, response and resolution "
            + "breaches, net penalties")
    SlaComplianceView compliance(@RequestParam YearMonth month) {
        return queries.ask(new FindSlaComplianceQuery(month, providers.visibleTo(CurrentPrincipal.get())),
                SlaComplianceView.class);
    }

    @GetMapping(value = "/api/v1/tickets/sla-compliance.csv", produces = "text/csv")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "The SLA compliance of a month as CSV")
    ResponseEntity<String> complianceCsv(@RequestParam YearMonth month) {
        SlaComplianceView view = compliance(month);
        StringBuilder csv = new StringBuilder(
                "month,provider_id,provider_name,tickets_opened,response_breaches,resolution_breaches,penalties,currency\r\n");
        for (SlaComplianceRow row : view.rows()) {
            csv.append(view.month()).append(',')
                    .append(row.providerId() == null ? "" : row.providerId()).append(',')
                    .append(field(row.providerName() == null ? "first-level queue" : row.providerName())).append(',')
                    .append(row.ticketsOpened()).append(',').append(row.responseBreaches()).append(',')
                    .append(row.resolutionBreaches()).append(',')
                    .append(row.penalties().minorUnitAmount().toPlainString()).append(',')
                    .append(row.penalties().currency().getCurrencyCode()).append("\r\n");
        }
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"sla-compliance-" + month + ".csv\"")
                .body(csv.toString());
    }

    @GetMapping(value = "/api/v1/tickets/sla-compliance.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','PROVIDER')")
    @Operation(summary = "The SLA compliance of a month as a PDF document")
    ResponseEntity<byte[]> compliancePdf(@RequestParam YearMonth month) {
        SlaComplianceView view = compliance(month);
        String currency = view.rows().isEmpty() ? "EUR"
                : view.rows().get(0).penalties().currency().getCurrencyCode();
        byte[] pdf = slaPdf.render(new SlaComplianceDocument(reporting.issuer(), month.toString(), currency,
                view.rows().stream().map(row -> new SlaComplianceDocument.Row(
                        row.providerName() == null ? "first-level queue" : row.providerName(), row.ticketsOpened(),
                        row.responseBreaches(), row.resolutionBreaches(), row.penalties().rounded().amount()))
                        .toList()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"sla-compliance-" + month + ".pdf\"")
                .body(pdf);
    }

    @GetMapping("/api/v1/service-credits")
    @PreAuthorize("hasAnyRole('STAFF','FINANCE','COMMUNITY_ADMIN','PROVIDER')")
    @Operation(summary = "Net service credits and provider penalties per month, community, package and provider; a "
            + "community admin names one of its communities, a provider sees its own")
    ServiceCreditsView credits(@RequestParam(required = false) YearMonth month,
                               @RequestParam(required = false) CommunityId communityId,
                               @RequestParam(required = false) ProviderId providerId) {
        GridPrincipal principal = CurrentPrincipal.get();
        Set<ProviderId> ownProviders = providers.visibleTo(principal);
        Set<CommunityId> ownCommunities = communities.visibleTo(principal);
        if (ownProviders == null || ownCommunities == null) {
            return queries.ask(new FindServiceCreditsQuery(month, communityId, providerId), ServiceCreditsView.class);
        }
        if (communityId != null && ownCommunities.contains(communityId)) {
            return queries.ask(new FindServiceCreditsQuery(month, communityId, providerId), ServiceCreditsView.class);
        }
        ProviderId own = providerId != null ? providerId
                : ownProviders.size() == 1 ? ownProviders.iterator().next() : null;
        if (own == null || !ownProviders.contains(own)) {
            throw new DomainException(ErrorCode.OUT_OF_SCOPE,
                    "name a communityId you administer or a providerId you act for");
        }
        return queries.ask(new FindServiceCreditsQuery(month, communityId, own), ServiceCreditsView.class);
    }

    private static String field(String text) {
        return CsvFields.field(text);
    }
}
