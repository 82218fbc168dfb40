package org.gridledger.accounting.usage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The upload's body as the parser reads it: hashed (SHA-256) on the way, and remembering a failure of the underlying
 * stream (such as the size limit) so that it is reported as itself even when a parser wraps it in a document error.
 */
final class UploadBody extends FilterInputStream {

    private final MessageDigest digest;
    private IOException failure;

    UploadBody(InputStream in) {
        super(in);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            if (b >= 0) {
                digest.update((byte) b);
            }
            return b;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                digest.update(buffer, offset, n);
            }
            return n;
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads what the parser left unread, so that the hash covers the whole document. */
    void drain() throws IOException {
        byte[] buffer = new byte[65536];
        while (read(buffer, 0, buffer.length) >= 0) {
            // hashing
        }
    }

    /** Closing is the web container's business; a parser closing its reader must not end the request. */
    @Override
    public void close() {
    }

    IOException failure() {
        return failure;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
