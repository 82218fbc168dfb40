package org.gridledger.app.accounting;

import org.gridledger.app.support.ApiTestBase;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload bodies have a limit of their own ({@code gridledger.usage.max-upload-size}, 64 MB in the tests, 512 MB
 * shipped), larger than the general request limit (1 MB), and are streamed: a 200 MB document is refused with 413
 * before it is read, a chunked one as soon as it grows past the limit, and nothing is stored.
 */
class UsageUploadLimitTest extends ApiTestBase {

    private static final long TWO_HUNDRED_MB = 200L * 1024 * 1024;
    private static final long LIMIT = org.springframework.util.unit.DataSize.parse(USAGE_UPLOAD_LIMIT).toBytes();

    @LocalServerPort
    private int port;
    @Autowired
    private DataSource dataSource;

    @Test
    void aBodyAboveTheGeneralLimitButWithinTheUploadLimitIsRead() {
        String padded = "APEL-individual-job-message: v0.2\n" + "# padding\n".repeat(200_000);
        var reply = staff().header("Content-Type", "text/plain").header("Idempotency-Key", unique("big"))
                .post("/api/v1/usage/uploads", padded);
        assertThat(reply.status()).as("%s", reply).isNotEqualTo(413);
    }

    /**
     * Without a declared length the limit is enforced while the body is read. The body exceeds the limit by less than
     * Tomcat swallows after an early answer (2 MB), so that the client reads the 413 instead of a closed connection.
     */
    @Test
    void aChunkedBodyGrowingPastTheLimitIsRefusedWith413AndStoresNothing() throws Exception {
        long before = records();
        HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofInputStream(
                () -> new Generated(LIMIT + 1024 * 1024)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains(ErrorCode.PAYLOAD_TOO_LARGE.name());
        assertThat(records()).isEqualTo(before);
    }

    @Test
    void aDeclared200MbBodyIsRefusedWith413BeforeItIsRead() throws Exception {
        HttpResponse<String> response = send(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(TWO_HUNDRED_MB)), TWO_HUNDRED_MB));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains(ErrorCode.PAYLOAD_TOO_LARGE.name());
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        String token = staff().post("/api/v1/tokens", org.gridledger.app.support.Bodies.obj("username", "admin",
                "name", unique("limit"))).json().path("secret").asText();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/usage/uploads"))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain")
                .header("Idempotency-Key", unique("huge"))
                .POST(body).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long records() {
        return JdbcClient.create(dataSource).sql("select count(*) from usage_record").query(Long.class).single();
    }

    /** An APEL document of {@code size} bytes (records of a site nobody has), produced as it is read. */
    private static final class Generated extends InputStream {
        private final byte[] line = ("Site: DE-NOWHERE\nLocalJobId: 1\nWallDuration: 1\nCpuDuration: 1\n"
                + "StartTime: 1700000000\nEndTime: 1700000001\n%%\n").getBytes(StandardCharsets.US_ASCII);
        private final byte[] header = "APEL-individual-job-message: v0.2\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long position;

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                long p = position + i;
                buffer[offset + i] = p < header.length ? header[(int) p] : line[(int) ((p - header.length) % line.length)];
            }
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            Arrays.fill(line, (byte) 0);
        }
    }
}
