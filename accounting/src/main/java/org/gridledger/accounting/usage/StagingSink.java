package org.gridledger.accounting.usage;

import org.gridledger.accounting.usage.format.UsageRecordSink;
import org.gridledger.domain.accounting.UsageRecord;
import org.gridledger.domain.accounting.UsageViews.UsageRejectionView;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks each parsed record, finds its resource and HS06 factor, and stages it; a record that fails is rejected with
 * its index and reason and the others go on. Attribution happens later, set-based on the staged rows.
 */
final class StagingSink implements UsageRecordSink {

    /** Rejections listed in an answer; all are counted. */
    static final int MAX_LISTED_REJECTIONS = 1000;
    /** Bounds that keep every stored figure inside its column (about 31,700 years; HS06 below 10^9). */
    static final long MAX_SECONDS = 1_000_000_000_000L;
    /** Distinct VOs remembered while staging; a document with more is asked for them by SQL. */
    static final int MAX_TRACKED_VOS = 1000;
    private static final java.math.BigDecimal MAX_SERVICE_LEVEL = java.math.BigDecimal.TEN.pow(9);

    private final ResourceCatalogue resources;
    private final StageWriter stage;
    private final List<UsageRejectionView> rejections = new ArrayList<>();
    private final KeySet keys = new KeySet();
    private final ContentHash hash = new ContentHash();
    /** The distinct VOs staged, while there are few (else {@code null}: the stage is asked). */
    private java.util.Set<String> vos = new java.util.HashSet<>();
    private String lastVo;
    private java.math.BigDecimal lastHs06;
    private long lastUnscaled;
    private long rejected;
    private long records;

    /** A record may end at most this long after its upload arrived (APEL's rule): later is a typo, not a job. */
    static final java.time.Duration MAX_END_AHEAD = java.time.Duration.ofDays(2);

    /** The latest end time accepted: the upload's arrival plus {@link #MAX_END_AHEAD}. */
    private final java.time.Instant latestEnd;

    StagingSink(ResourceCatalogue resources, StageWriter stage, java.time.Instant receivedAt) {
        this.resources = resources;
        this.stage = stage;
        this.latestEnd = receivedAt.plus(MAX_END_AHEAD);
    }

    @Override
    public void accepted(int index, UsageRecord r) {
        records++;
        String problem = check(r, latestEnd);
        if (problem != null) {
            reject(index, problem);
            return;
        }
        ResourceCatalogue.Match match = resources.match(r.site(), r.submitHost(), r.machineName());
        if (match.resource() == null) {
            reject(index, match.problem());
            return;
        }
        Normalisation.Factor factor = Normalisation.factor(match.resource(), r.endTime(), r.serviceLevelType(),
                r.serviceLevel());
        if (factor == null) {
            reject(index, "serviceLevel: the resource has no HS06 in force at the end time and the record reports "
                    + "no service level");
            return;
        }
        keys.add(r.site(), r.localJobId(), r.endTime());
        ResourceCatalogue.Resource resource = match.resource();
        try {
            stage.row().value(index).value(r.site()).value(r.localJobId()).value(r.endTime()).value(r.startTime())
                    .month(Math.floorDiv(r.endTime().getEpochSecond(), 86_400L))
                    .value(resource.resourceId()).value(resource.providerId()).value(r.submitHost())
                    .value(r.machineName()).value(r.queue()).value(r.localUserId())
                    .value(r.globalUserName() == null ? "" : r.globalUserName())
                    .value(r.fqan()).value(vo(voOf(r))).value(r.voGroup()).value(r.voRole())
                    .value(r.wallSeconds()).value(r.cpuSeconds())
                    .value(r.processors() == null ? 0 : r.processors()).value(r.nodeCount() == null ? 0 : r.nodeCount())
                    .value(r.infrastructure()).value(r.infrastructureDescription())
                    .value(r.memoryRealKb()).value(r.memoryVirtualKb())
                    .value(r.serviceLevelType()).value(r.serviceLevel())
                    .value(factor.hs06PerCore()).value(factor.source());
            normalised(factor, r.wallSeconds());
            normalised(factor, r.cpuSeconds());
            stage.value(hash.of(r)).endRow();
        } catch (SQLException e) {
            throw new StagingFailed(e);
        }
    }

    /**
     * Seconds × HS06 per core, at the factor's scale: in long arithmetic when the product fits (always, for real
     * figures), else as a {@link java.math.BigDecimal}.
     */
    private void normalised(Normalisation.Factor factor, long seconds) throws SQLException {
        java.math.BigDecimal hs06 = factor.hs06PerCore();
        if (!hs06.equals(lastHs06)) {
            lastHs06 = hs06;
            lastUnscaled = hs06.scale() == Normalisation.SCALE && hs06.precision() <= 18
                    ? hs06.unscaledValue().longValueExact() : -1;
        }
        if (lastUnscaled >= 0) {
            long high = Math.multiplyHigh(lastUnscaled, seconds);
            long product = lastUnscaled * seconds;
            if (high == 0 && product >= 0) {
                stage.decimal(product, Normalisation.SCALE);
                return;
            }
        }
        stage.value(factor.normalise(seconds));
    }

    @Override
    public void rejected(int index, String reason) {
        records++;
        reject(index, reason);
    }

    long records() {
        return records;
    }

    /**
     * The distinct non-empty VOs of the staged records, when there are at most {@link #MAX_TRACKED_VOS}; otherwise
     * {@code null}, and the stage is asked.
     */
    java.util.Set<String> stagedVos() {
        return vos;
    }

    private String vo(String vo) {
        if (vos != null && !vo.equals(lastVo)) {
            lastVo = vo;
            if (!vo.isEmpty() && vos.add(vo) && vos.size() > MAX_TRACKED_VOS) {
                vos = null;
            }
        }
        return vo;
    }

    /** Whether a key may occur more than once among the staged records. */
    boolean mayRepeat() {
        return keys.mayRepeat();
    }

    long rejected() {
        return rejected;
    }

    List<UsageRejectionView> rejections() {
        return List.copyOf(rejections);
    }

    private void reject(int index, String reason) {
        rejected++;
        if (rejections.size() < MAX_LISTED_REJECTIONS) {
            rejections.add(new UsageRejectionView(index, reason));
        }
    }

    /** The VO the record names, else the first element of its FQAN, else empty. */
    static String voOf(UsageRecord r) {
        if (r.vo() != null && !r.vo().isBlank()) {
            return r.vo().strip();
        }
        if (r.fqan() != null && r.fqan().startsWith("/")) {
            int end = r.fqan().indexOf('/', 1);
            String vo = end < 0 ? r.fqan().substring(1) : r.fqan().substring(1, end);
            return vo.strip();
        }
        return "";
    }

    private static String check(UsageRecord r, java.time.Instant latestEnd) {
        if (r.site().isBlank()) {
            return "site: missing";
        }
        if (r.localJobId().isBlank()) {
            return "localJobId: missing";
        }
        if (r.endTime().isBefore(r.startTime())) {
            return "endTime: before startTime";
        }
        if (r.endTime().isAfter(latestEnd)) {
            return "endTime: more than two days after the upload";
        }
        if (r.wallSeconds() < 0 || r.cpuSeconds() < 0) {
            return "wallSeconds/cpuSeconds: negative";
        }
        if (r.wallSeconds() > MAX_SECONDS || r.cpuSeconds() > MAX_SECONDS) {
            return "wallSeconds/cpuSeconds: more than " + MAX_SECONDS + " seconds";
        }
        if (r.processors() != null && r.processors() < 1 || r.nodeCount() != null && r.nodeCount() < 1) {
            return "processors/nodeCount: less than 1";
        }
        if (r.memoryRealKb() != null && r.memoryRealKb() < 0 || r.memoryVirtualKb() != null && r.memoryVirtualKb() < 0) {
            return "memory: negative";
        }
        String tooLong = tooLong("site", r.site(), 200);
        tooLong = tooLong != null ? tooLong : tooLong("localJobId", r.localJobId(), 255);
        tooLong = tooLong != null ? tooLong : tooLong("submitHost", r.submitHost(), 255);
        tooLong = tooLong != null ? tooLong : tooLong("machineName", r.machineName(), 255);
        tooLong = tooLong != null ? tooLong : tooLong("queue", r.queue(), 255);
        tooLong = tooLong != null ? tooLong : tooLong("localUserId", r.localUserId(), 255);
        tooLong = tooLong != null ? tooLong : tooLong("globalUserName", r.globalUserName(), 512);
        tooLong = tooLong != null ? tooLong : tooLong("fqan", r.fqan(), 512);
        tooLong = tooLong != null ? tooLong : tooLong("vo", voOf(r), 200);
        tooLong = tooLong != null ? tooLong : tooLong("voGroup", r.voGroup(), 512);
        tooLong = tooLong != null ? tooLong : tooLong("voRole", r.voRole(), 255);
        tooLong = tooLong != null ? tooLong : tooLong("infrastructureDescription", r.infrastructureDescription(), 255);
        if (tooLong != null) {
            return tooLong;
        }
        if (r.serviceLevel() != null && r.serviceLevel().abs().compareTo(MAX_SERVICE_LEVEL) >= 0) {
            return "serviceLevel: too large";
        }
        return null;
    }

    private static String tooLong(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            return field + ": longer than " + max + " characters";
        }
        if (value.indexOf('\u0000') >= 0) {
            return field + ": contains a NUL character";
        }
        return null;
    }

    /** Writing to the staging table failed: a database failure, not a bad record. */
    static final class StagingFailed extends RuntimeException {
        StagingFailed(SQLException cause) {
            super(cause);
        }
    }
}
