package org.gridledger.accounting.usage;

import org.gridledger.accounting.usage.format.UsageRecordParser;
import org.gridledger.domain.accounting.UsageBatchId;
import org.gridledger.domain.accounting.UsageCommands.RecordUsageBatchCommand;
import org.gridledger.domain.accounting.UsageCounts;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageViews.UsageUploadView;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.ProviderId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * An upload from stream to summaries, in one transaction (ADR 0017): claim the Idempotency-Key, stream the document
 * through its parser into the staging table, attribute, deduplicate and store the records, then send
 * {@link RecordUsageBatchCommand}, whose event updates the summaries in the same transaction. A document-level error
 * rolls everything back; a rejected record is only counted and listed.
 */
@Component
public class UsageIngest {

    /** One upload: who sends it (for the key's scope), the key, the format, the caller's providers (null: all). */
    public record Upload(String principal, String idempotencyKey, UsageFormat format,
                         UsageParserFactory.DocumentContext context, Collection<UUID> providerIds, InputStream body) {
    }

    /** The answer, and whether it is the stored answer of an earlier upload with the same key. */
    public record Outcome(UsageUploadView answer, boolean replayed) {
    }

    private final ObjectProvider<UsageParserFactory> parsers;
    private final UsageUploads uploads;
    private final UsageStore store;
    private final JdbcResourceDirectory resources;
    private final ObjectProvider<VoAttribution> attribution;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UsageIngest(ObjectProvider<UsageParserFactory> parsers, UsageUploads uploads, UsageStore store,
                JdbcResourceDirectory resources, ObjectProvider<VoAttribution> attribution, DataSource dataSource,
                PlatformTransactionManager transactionManager, Clock clock,
                @Value("${gridledger.usage.upload-timeout:PT30M}") Duration timeout) {
        this.parsers = parsers;
        this.uploads = uploads;
        this.store = store;
        this.resources = resources;
        this.attribution = attribution;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        this.clock = clock;
    }

    /**
     * Ingests an upload; {@code commands} sends a command in the caller's name (audit metadata) and waits. Throws the
     * body's own {@link IOException} when reading it failed (e.g. it grew past the size limit).
     */
    public Outcome ingest(Upload upload, Consumer<Object> commands) throws IOException {
        if (upload.idempotencyKey() == null || !upload.idempotencyKey().matches("[\\x21-\\x7E]{1,200}")) {
            throw new DomainException(ErrorCode.USAGE_IDEMPOTENCY_KEY_REQUIRED,
                    "send an Idempotency-Key header of 1 to 200 visible ASCII characters");
        }
        UsageParserFactory factory = parsers.getIfAvailable();
        if (factory == null) {
            throw DomainException.of(ErrorCode.USAGE_FORMAT_UNKNOWN, "no parser is installed for %s", upload.format());
        }
        UsageRecordParser parser = factory.parser(upload.format(), upload.context());
        UploadBody body = new UploadBody(upload.body());
        try {
            return transactions.execute(status -> run(upload, parser, body, commands));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            if (body.failure() != null) {
                throw body.failure();
            }
            throw e;
        }
    }

    private Outcome run(Upload upload, UsageRecordParser parser, UploadBody body, Consumer<Object> commands) {
        UsageBatchId batchId = UsageBatchId.random();
        Instant receivedAt = clock.instant();
        if (!uploads.claim(batchId, upload.principal(), upload.idempotencyKey(), upload.format(), receivedAt)) {
            return replay(upload, body);
        }
        store.prepareStage();
        ResourceCatalogue catalogue = resources.catalogue(upload.providerIds());
        StagingSink sink;
        try (StageWriter stage = new StageWriter(DataSourceUtils.getConnection(dataSource))) {
            sink = new StagingSink(catalogue, stage, receivedAt);
            parser.parse(body, sink);
            body.drain();
            stage.finish();
        } catch (SQLException | StagingSink.StagingFailed e) {
            throw new IllegalStateException("staging the upload failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, VoAttribution.VoOwner> owners = new HashMap<>();
        VoAttribution directory = attribution.getIfAvailable();
        if (directory != null) { // without a VO directory no VO is known and every record waits for staff
            for (String vo : sink.stagedVos() != null ? sink.stagedVos() : store.stagedVos()) {
                directory.ownerOf(vo).ifPresent(owner -> owners.put(vo, owner));
            }
        }
        long staged = sink.records() - sink.rejected();
        UsageStore.Merged merged = store.merge(batchId, receivedAt, owners, sink.mayRepeat(), staged);
        UsageCounts counts = new UsageCounts(sink.records(), merged.inserted() - merged.replaced(),
                staged - merged.inserted(), merged.replaced(), sink.rejected(), merged.unattributed(), merged.late());
        String sha256 = body.sha256();
        commands.accept(new RecordUsageBatchCommand(batchId, upload.format(), sha256, counts,
                merged.providerIds().stream().map(ProviderId::new).toList(), merged.months(), receivedAt));
        UsageUploadView answer = new UsageUploadView(batchId, upload.format(), sha256, counts, sink.rejections(),
                StagingSink.MAX_LISTED_REJECTIONS, receivedAt);
        uploads.answer(answer);
        return new Outcome(answer, false);
    }

    /** The key was used: the same document gets the first answer again, another document is refused. */
    private Outcome replay(Upload upload, UploadBody body) {
        Optional<UsageUploads.Previous> previous = uploads.previous(upload.principal(), upload.idempotencyKey());
        try {
            body.drain();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UsageUploads.Previous found = previous.orElseThrow(() -> new IllegalStateException("claimed key not found"));
        if (!body.sha256().equals(found.contentSha256())) {
            throw DomainException.of(ErrorCode.USAGE_IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key %s answered upload %s of another document", upload.idempotencyKey(),
                    found.answer().uploadId());
        }
        return new Outcome(found.answer(), true);
    }
}
