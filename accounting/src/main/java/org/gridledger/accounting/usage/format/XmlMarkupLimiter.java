package org.gridledger.accounting.usage.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Guards the XML reader against pieces it would hold whole. The JDK's StAX reader hands out element text in chunks,
 * but reads a comment, a processing instruction or a start tag with its attributes completely into memory before
 * reporting it; a gigabyte comment would cost gigabytes of heap. This filter follows XML's lexical structure just far
 * enough to measure those pieces on their way in (tags with quoted attribute values, comments, processing
 * instructions, CDATA sections) and ends the document when one exceeds {@link #MAX_MARKUP} bytes. Any other
 * {@code <!...>} declaration — a DOCTYPE — ends it at once. It works on bytes, so it needs an ASCII-compatible
 * encoding; UTF-16 and UTF-32 documents are refused.
 */
final class XmlMarkupLimiter extends FilterInputStream {

    static final int MAX_MARKUP = 65_536;

    private enum State { TEXT, OPEN, BANG, BANG_DASH, COMMENT, PI, CDATA, TAG, QUOTED }

    private State state = State.TEXT;
    private long markup;
    private long line = 1;
    private long position;
    private byte quote;
    private int tail;
    private String piece;

    XmlMarkupLimiter(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        int end = offset + n;
        int i = offset;
        while (i < end) {
            if (position >= 2) {
                i = skipPlain(buffer, i, end);
                if (i == end) {
                    break;
                }
            }
            scan(buffer[i++]);
        }
        return n;
    }

    /**
     * Passes over the bytes that cannot change the state — text up to {@code <}, the inside of a tag or of a quoted
     * attribute value up to its end — in one tight loop, stopping at a byte the state machine must see and at every
     * line end (so that a complaint names the right line); a run that would exceed the limit is left to
     * {@link #scan}, which then stops at the exact byte. Answers where the byte-wise scan must go on.
     */
    private int skipPlain(byte[] buffer, int from, int end) {
        int j = from;
        switch (state) {
            case TEXT -> {
                while (j < end && buffer[j] != '<' && buffer[j] != '\n') {
                    j++;
                }
                position += j - from;
                return j;
            }
            case TAG -> {
                while (j < end && buffer[j] != '>' && buffer[j] != '"' && buffer[j] != '\'' && buffer[j] != '\n') {
                    j++;
                }
            }
            case QUOTED -> {
                while (j < end && buffer[j] != quote && buffer[j] != '\n') {
                    j++;
                }
            }
            default -> {
                return from;
            }
        }
        if (markup + (j - from) > MAX_MARKUP) {
            return from;
        }
        markup += j - from;
        position += j - from;
        return j;
    }

    /** Skipped bytes are scanned too. */
    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        byte[] skipped = new byte[(int) Math.min(n, 8_192)];
        return Math.max(read(skipped, 0, skipped.length), 0);
    }

    /** The JDK reader closes its input at the end of the document; the stream belongs to the caller, so it stays open. */
    @Override
    public void close() {
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void scan(byte b) {
        if (position++ < 2) {
            checkEncoding(b);
        }
        if (b == '\n') {
            line++;
        }
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    state = State.OPEN;
                    markup = 1;
                }
            }
            case OPEN -> {
                state = b == '!' ? State.BANG : b == '?' ? State.PI : State.TAG;
                piece = state == State.PI ? "processing instruction" : "tag";
                count(b);
            }
            case BANG -> {
                if (b == '-') {
                    state = State.BANG_DASH;
                } else if (b == '[') {
                    state = State.CDATA;
                    piece = "CDATA section";
                } else {
                    throw DocumentErrors.atLine(line,
                            "a DOCTYPE declaration is refused (usage documents need no DTD and no entities)");
                }
                count(b);
            }
            case BANG_DASH -> {
                state = State.COMMENT;
                piece = "comment";
                count(b);
            }
            case COMMENT -> ending(b, '-', '-');
            case PI -> ending(b, '?', (byte) 0);
            case CDATA -> ending(b, ']', ']');
            case TAG -> {
                if (b == '"' || b == '\'') {
                    quote = b;
                    state = State.QUOTED;
                } else if (b == '>') {
                    state = State.TEXT;
                    return;
                }
                count(b);
            }
            case QUOTED -> {
                if (b == quote) {
                    state = State.TAG;
                }
                count(b);
            }
        }
    }

    /** Inside a construct that ends with {@code first second >} (or {@code first >} when second is 0). */
    private void ending(byte b, int first, int second) {
        if (b == '>' && (second == 0 ? tail >= 1 : tail >= 2)) {
            state = State.TEXT;
            tail = 0;
            return;
        }
        if (second == 0) {
            tail = b == first ? 1 : 0;
        } else {
            tail = b == first ? Math.min(tail + 1, 2) : 0;
        }
        count(b);
    }

    private void count(byte b) {
        if (++markup > MAX_MARKUP) {
            throw DocumentErrors.atLine(line, "a " + piece + " longer than " + MAX_MARKUP + " bytes");
        }
    }

    private void checkEncoding(byte b) {
        if (b == 0 || b == (byte) 0xFE || b == (byte) 0xFF) {
            throw DocumentErrors.atLine(1, "UTF-16 and UTF-32 documents are not accepted; send UTF-8");
        }
    }
}
