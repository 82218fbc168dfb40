package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 000 APEL records (some 70 MB) and 50 000 of every other format. Parsers read as the bytes arrive: the first record reaches the sink long before the generated document ends, and
 * nothing keeps the records, so memory stays flat whatever the size. How fast they are is measured in {@code bench},
 * not here.
 */
class LargeDocumentTest {

    @ParameterizedTest
    @EnumSource(value = UsageFormat.class)
    void largeDocumentsStreamThroughWithoutBeingHeld(UsageFormat format) {
        int records = format == UsageFormat.APEL ? 200_000 : 50_000;
        GeneratedDocument document = new GeneratedDocument(format, records);
        CountingSink sink = new CountingSink(document);
        UsageRecordParser parser = UsageParsers.forFormat(format, ParseOptions.forSite("DE-BULK"));

        parser.parse(document, sink);

        assertThat(sink.accepted).isEqualTo(records);
        assertThat(sink.rejected).isZero();
        assertThat(document.produced.get()).as("bytes generated").isGreaterThan(records * 150L);
        assertThat(sink.producedAtFirstRecord).as("bytes generated when the first record arrived")
                .isLessThan(256L * 1024);
    }

    private static final class CountingSink implements UsageRecordSink {
        private final GeneratedDocument document;
        long accepted;
        long rejected;
        long producedAtFirstRecord = -1;

        CountingSink(GeneratedDocument document) {
            this.document = document;
        }

        @Override
        public void accepted(int index, UsageRecord record) {
            if (producedAtFirstRecord < 0) {
                producedAtFirstRecord = document.produced.get();
            }
            accepted++;
        }

        @Override
        public void rejected(int index, String reason) {
            rejected++;
        }
    }

    /** A document of {@code count} records, written as it is read and forgotten once read. */
    static final class GeneratedDocument extends InputStream {
        private final UsageFormat format;
        private final int count;
        private final AtomicLong produced = new AtomicLong();
        private byte[] chunk;
        private int position;
        private int next = -1;

        GeneratedDocument(UsageFormat format, int count) {
            this.format = format;
            this.count = count;
            this.chunk = head().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            while (position == chunk.length) {
                if (next >= count) {
                    return -1;
                }
                next++;
                chunk = (next < count ? record(next) : tail()).getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, into, offset, n);
            position += n;
            produced.addAndGet(n);
            return n;
        }

        private String head() {
            return switch (format) {
                case APEL -> "APEL-individual-job-message: v0.3\n";
                case OGF_UR -> "<?xml version=\"1.0\"?>\n<urf:UsageRecords xmlns:urf=\"" + XmlUsageParser.URF + "\">\n";
                case EMI_CAR -> "<?xml version=\"1.0\"?>\n<urf:UsageRecords xmlns:urf=\"" + XmlUsageParser.CAR + "\">\n";
                case SLURM_SACCT -> "JobID|JobName|Partition|Account|User|UID|NCPUS|NNodes|Start|End|Elapsed|TotalCPU"
                        + "|State|Cluster\n";
                case JSON -> "[\n";
            };
        }

        private String tail() {
            return switch (format) {
                case APEL, SLURM_SACCT -> "";
                case OGF_UR, EMI_CAR -> "</urf:UsageRecords>\n";
                case JSON -> "]\n";
            };
        }

        private String record(int i) {
            long start = 1_704_067_200L + i;
            return switch (format) {
                case APEL -> "Site: DE-BULK\nSubmitHost: ce.example.de:8443/cream-pbs-hep\nLocalJobId: " + i
                        + "\nGlobalUserName: /C=DE/O=GridGermany/CN=User " + (i % 97)
                        + "\nFQAN: /hep/Role=NULL/Capability=NULL\nWallDuration: 3600\nCpuDuration: 3500\nProcessors: 1"
                        + "\nStartTime: " + start + "\nEndTime: " + (start + 3600)
                        + "\nInfrastructureType: grid\nServiceLevelType: HEPSPEC\nServiceLevel: 10.0\n%%\n";
                case OGF_UR, EMI_CAR -> "<urf:" + (format == UsageFormat.OGF_UR ? "JobUsageRecord" : "UsageRecord")
                        + "><urf:RecordIdentity urf:recordId=\"r" + i + "\"/><urf:JobIdentity><urf:LocalJobId>" + i
                        + "</urf:LocalJobId></urf:JobIdentity><urf:UserIdentity><urf:GlobalUserName>/C=DE/CN=User "
                        + (i % 97) + "</urf:GlobalUserName></urf:UserIdentity><urf:Status>completed</urf:Status>"
                        + "<urf:WallDuration>PT3600S</urf:WallDuration><urf:CpuDuration>PT3500S</urf:CpuDuration>"
                        + "<urf:StartTime>2024-01-01T00:00:00Z</urf:StartTime>"
                        + "<urf:EndTime>2024-01-01T01:00:00Z</urf:EndTime><urf:Site>DE-BULK</urf:Site></urf:"
                        + (format == UsageFormat.OGF_UR ? "JobUsageRecord" : "UsageRecord") + ">\n";
                case SLURM_SACCT -> i + "|job|standard|hep|u" + (i % 97) + "|1000|1|1|2024-01-01T00:00:00"
                        + "|2024-01-01T01:00:00|01:00:00|58:20.250|COMPLETED|hpc1\n" + i
                        + ".batch|batch||hep||||1|2024-01-01T00:00:00|2024-01-01T01:00:00|01:00:00|58:20.250|COMPLETED|hpc1\n";
                case JSON -> (i == 0 ? "" : ",") + "{\"site\":\"DE-BULK\",\"localJobId\":\"" + i
                        + "\",\"globalUserName\":\"/C=DE/CN=User " + (i % 97) + "\",\"wallSeconds\":3600,"
                        + "\"cpuSeconds\":3500,\"startTime\":\"2024-01-01T00:00:00Z\","
                        + "\"endTime\":\"2024-01-01T01:00:00Z\"}\n";
            };
        }
    }
}
