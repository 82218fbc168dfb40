package org.gridledger.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client: one persistent connection, requests written in one piece, answers read with
 * their {@code Content-Length} or chunked body. It does what a measuring client must and nothing else, so that on a
 * machine whose cores the service shares it takes as little of them as it can: the JDK's {@code HttpClient} hands
 * every exchange between threads and spends more CPU on a 30 kB answer than the service spends on its security chain.
 * Not thread-safe: one instance per client thread. The connection is opened on first use and again after the server
 * closed it.
 */
final class KeepAliveHttp implements LoadClient {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
    private final StringBuilder line = new StringBuilder(128);
    private final byte[] buffer = new byte[16 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(URI base, int timeoutMillis) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Response send(String method, String path, String text, String... headers) throws IOException {
        byte[] content = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(256).append(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        if (content != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        byte[] head = request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = head;
        if (content != null) {
            bytes = java.util.Arrays.copyOf(head, head.length + content.length);
            System.arraycopy(content, 0, bytes, head.length, content.length);
        }
        boolean fresh = socket == null;
        try {
            connectIfClosed();
            out.write(bytes);
            out.flush();
            return read();
        } catch (EOFException | java.net.SocketException e) {
            // the server closed an idle persistent connection: a GET once more on a new one (a POST may have arrived)
            close();
            if (fresh || content != null) {
                throw e;
            }
            connectIfClosed();
            out.write(bytes);
            out.flush();
            return read();
        }
    }

    private Response read() throws IOException {
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        body.reset();
        if (chunked) {
            for (long size = Long.parseLong(readLine().split(";", 2)[0].trim(), 16); size > 0;
                 size = Long.parseLong(readLine().split(";", 2)[0].trim(), 16)) {
                copy(size);
                readLine();
            }
            for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                // trailers are not used
            }
        } else if (length >= 0) {
            copy(length);
        } else {
            in.transferTo(body);
            closeAfter = true;
        }
        Response response = new Response(code, body.toByteArray());
        if (closeAfter) {
            close();
        }
        return response;
    }

    private void copy(long length) throws IOException {
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("answer ended " + left + " bytes early");
            }
            body.write(buffer, 0, n);
            left -= n;
        }
    }

    private String readLine() throws IOException {
        line.setLength(0);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void connectIfClosed() throws IOException {
        if (socket != null) {
            return;
        }
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket the server may already have closed
            }
            socket = null;
        }
    }
}
