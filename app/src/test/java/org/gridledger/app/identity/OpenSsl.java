package org.gridledger.app.identity;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code openssl} command line in a temporary directory: keys, CSRs, verification, PKCS#12 for TLS clients. */
public final class OpenSsl {

    public record Result(int exitCode, String output) {
    }

    private final Path dir;
    private int counter;

    public OpenSsl() {
        try {
            dir = Files.createTempDirectory("gridledger-openssl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** A new private key: "rsa:2048", "rsa:4096", "ec:P-256", "ec:P-384", "ec:secp256k1". */
    public Path key(String spec) {
        Path key = dir.resolve("key-" + (++counter) + ".pem");
        String[] parts = spec.split(":");
        if (parts[0].equals("rsa")) {
            ok("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:" + parts[1], "-out", key.toString());
        } else {
            ok("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + parts[1], "-pkeyopt",
                    "ec_param_enc:named_curve", "-out", key.toString());
        }
        return key;
    }

    /** A CSR (PEM) for the key and subject in slash form, signed with {@code digest} (e.g. "sha256", "sha1"). */
    public String csr(Path key, String subject, String digest) {
        Path csr = dir.resolve("csr-" + (++counter) + ".pem");
        ok("req", "-new", "-key", key.toString(), "-subj", subject, "-" + digest, "-out", csr.toString());
        return read(csr);
    }

    public Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path write(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code openssl verify -CAfile ca [-crl_check -CRLfile crl] cert}. */
    public Result verify(Path ca, Path certificate, Path crl) {
        List<String> args = new ArrayList<>(List.of("verify", "-CAfile", ca.toString()));
        if (crl != null) {
            args.addAll(List.of("-crl_check", "-CRLfile", crl.toString()));
        }
        args.add(certificate.toString());
        return run(args.toArray(String[]::new));
    }

    /** A TLS client context that presents the certificate with its key and trusts {@code ca}. */
    public SSLContext clientContext(Path certificate, Path key, Path ca) {
        Path p12 = dir.resolve("client-" + (++counter) + ".p12");
        ok("pkcs12", "-export", "-in", certificate.toString(), "-inkey", key.toString(), "-out", p12.toString(),
                "-passout", "pass:changeit");
        try (InputStream in = Files.newInputStream(p12); InputStream caIn = Files.newInputStream(ca)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, "changeit".toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, "changeit".toCharArray());
            return SSLContext(kmf, caIn);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the client TLS context", e);
        }
    }

    /** A TLS client context without a client certificate that trusts {@code ca}. */
    public SSLContext trustOnly(Path ca) {
        try (InputStream caIn = Files.newInputStream(ca)) {
            return SSLContext(null, caIn);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the TLS context", e);
        }
    }

    private static SSLContext SSLContext(KeyManagerFactory kmf, InputStream caPem) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.readAllBytes())));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private void ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + result.output());
        }
    }

    public Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl timed out");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
