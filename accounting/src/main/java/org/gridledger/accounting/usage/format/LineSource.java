package org.gridledger.accounting.usage.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a UTF-8 text document line by line, holding one line at a time. A line longer than {@link #MAX_LINE} or
 * bytes that are not UTF-8 end the document with {@code USAGE_DOCUMENT_MALFORMED}. Lines end at {@code \n};
 * a trailing {@code \r} is dropped.
 */
final class LineSource {

    static final int MAX_LINE = 65_536;

    private final Reader reader;
    private final char[] buffer = new char[16_384];
    private final StringBuilder line = new StringBuilder(256);
    private int position;
    private int limit;
    private long lineNumber;
    private boolean ended;

    LineSource(InputStream in) {
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The next line without its terminator, or {@code null} at the end. */
    String next() {
        if (ended) {
            return null;
        }
        line.setLength(0);
        lineNumber++;
        while (true) {
            if (position == limit && !fill()) {
                ended = true;
                if (line.isEmpty()) {
                    return null;
                }
                return finish();
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            line.append(buffer, start, position - start);
            if (line.length() > MAX_LINE) {
                throw DocumentErrors.atLine(lineNumber, "line is longer than " + MAX_LINE + " characters");
            }
            if (position < limit) {
                position++;
                return finish();
            }
        }
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    private String finish() {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line.deleteCharAt(0);
        }
        return line.toString();
    }

    private boolean fill() {
        try {
            int read = reader.read(buffer, 0, buffer.length);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        } catch (CharacterCodingException e) {
            throw DocumentErrors.atLine(lineNumber, "the document is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
