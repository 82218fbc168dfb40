package org.gridledger.accounting.usage;

import org.gridledger.domain.accounting.UsageRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The content hash of a record: whether a second upload of its key is a duplicate (same hash) or a correction. It is
 * the name-based UUID ({@link UUID#nameUUIDFromBytes}, MD5) of the record's fields as text, each ended by
 * {@code U+0001}, a missing one written as {@code U+0000} — stored with every version, so the text must never change.
 * One instance per upload reuses its digest and buffers: no digest lookup, no string per record.
 */
final class ContentHash {

    private final MessageDigest md5;
    private final StringBuilder text = new StringBuilder(512);
    private final byte[] instant = new byte[IsoInstant.MAX_LENGTH];
    private byte[] bytes = new byte[1024];

    ContentHash() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    UUID of(UsageRecord r) {
        StringBuilder sb = text;
        sb.setLength(0);
        field(r.site());
        field(r.submitHost());
        field(r.machineName());
        field(r.queue());
        field(r.localJobId());
        field(r.localUserId());
        field(r.globalUserName());
        field(r.fqan());
        field(r.vo());
        field(r.voGroup());
        field(r.voRole());
        sb.append(r.wallSeconds()).append('\u0001');
        sb.append(r.cpuSeconds()).append('\u0001');
        number(r.processors());
        number(r.nodeCount());
        IsoInstant.append(sb, r.startTime(), instant);
        sb.append('\u0001');
        IsoInstant.append(sb, r.endTime(), instant);
        sb.append('\u0001');
        field(r.infrastructure() == null ? null : r.infrastructure().toString());
        field(r.infrastructureDescription());
        number(r.memoryRealKb());
        number(r.memoryVirtualKb());
        field(r.serviceLevelType() == null ? null : r.serviceLevelType().toString());
        field(r.serviceLevel() == null ? null : r.serviceLevel().stripTrailingZeros().toPlainString());
        int n = sb.length();
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, 2 * bytes.length)];
        }
        for (int i = 0; i < n; i++) {
            char c = sb.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = sb.toString().getBytes(StandardCharsets.UTF_8);
                md5.update(utf8);
                return uuid(md5.digest());
            }
            bytes[i] = (byte) c;
        }
        md5.update(bytes, 0, n);
        return uuid(md5.digest());
    }

    private void field(String value) {
        (value == null ? text.append('\u0000') : text.append(value)).append('\u0001');
    }

    private void number(Number value) {
        if (value == null) {
            text.append('\u0000');
        } else {
            text.append(value.longValue());
        }
        text.append('\u0001');
    }

    /** What {@link UUID#nameUUIDFromBytes} makes of an MD5 digest: version 3, IETF variant. */
    private static UUID uuid(byte[] d) {
        d[6] &= 0x0f;
        d[6] |= 0x30;
        d[8] &= 0x3f;
        d[8] |= (byte) 0x80;
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (d[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (d[i] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
