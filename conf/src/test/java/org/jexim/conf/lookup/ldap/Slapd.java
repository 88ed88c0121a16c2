package org.jexim.conf.lookup.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenLDAP slapd for tests: its own configuration and database in a temporary
 * directory, loaded with slapadd from {@code /ldap/directory.ldif}, listening on a free
 * loopback port, stopped by {@link #close}. Never the system's slapd service.
 */
public final class Slapd implements AutoCloseable {
    public static final Path SLAPD = Path.of("/usr/sbin/slapd");
    public static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
    /** The password of the directory's rootdn, cn=admin,dc=example,dc=org. */
    public static final String ROOT_PASSWORD = "secret";

    private final Path dir;
    private final Process process;
    private final int port;
    private final int tlsPort;

    private Slapd(Path dir, Process process, int port, int tlsPort) {
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** Whether slapd and slapadd are installed (Debian packages slapd and ldap-utils). */
    public static boolean installed() {
        return Files.isExecutable(SLAPD) && Files.isExecutable(SLAPADD);
    }

    /** A server on one plain LDAP port. */
    public static Slapd start() throws IOException, InterruptedException {
        return start(false);
    }

    /**
     * A server on a plain port (StartTLS offered) and an ldaps port, with a certificate for
     * localhost and 127.0.0.1 signed by a CA of its own ({@link #caFile}), made with openssl.
     */
    public static Slapd startWithTls() throws IOException, InterruptedException {
        return start(true);
    }

    private static Slapd start(boolean tls) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jexim-slapd");
        Files.createDirectories(dir.resolve("db"));
        Path conf = dir.resolve("slapd.conf");
        Files.writeString(conf, String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "pidfile " + dir.resolve("slapd.pid"),
                tls ? "TLSCertificateFile " + dir.resolve("server.pem") : "",
                tls ? "TLSCertificateKeyFile " + dir.resolve("server.key") : "",
                "database mdb",
                "suffix \"dc=example,dc=org\"",
                "rootdn \"cn=admin,dc=example,dc=org\"",
                "rootpw " + ROOT_PASSWORD,
                "directory " + dir.resolve("db"),
                "maxsize 10485760",
                "sizelimit 100",
                "access to attrs=userPassword by dn.exact=\"cn=mailer,dc=example,dc=org\" read by anonymous auth by * none",
                "access to * by * read",
                ""));
        Path ldif = dir.resolve("directory.ldif");
        try (InputStream in = Slapd.class.getResourceAsStream("/ldap/directory.ldif")) {
            Files.copy(in, ldif);
        }
        run(List.of(SLAPADD.toString(), "-f", conf.toString(), "-l", ldif.toString()));
        if (tls) {
            certificates(dir);
        }
        int port = freePort();
        int tlsPort = tls ? freePort() : 0;
        String urls = "ldap://127.0.0.1:" + port + "/" + (tls ? " ldaps://127.0.0.1:" + tlsPort + "/" : "")
                + " ldapi://" + dir.resolve("ldapi").toString().replace("/", "%2F") + "/";
        // -d 0 keeps slapd in the foreground as our child, so that close() can stop it
        Process p = new ProcessBuilder(SLAPD.toString(), "-d", "0", "-f", conf.toString(), "-h", urls)
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        Slapd slapd = new Slapd(dir, p, port, tlsPort);
        slapd.awaitListening(port);
        if (tls) {
            slapd.awaitListening(tlsPort);
        }
        return slapd;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void certificates(Path dir) throws IOException, InterruptedException {
        String d = dir.toString();
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/ca.key",
                "-out", d + "/ca.pem", "-days", "30", "-subj", "/CN=jexim test CA"));
        run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/server.key",
                "-out", d + "/server.csr", "-subj", "/CN=localhost"));
        run(List.of("openssl", "x509", "-req", "-in", d + "/server.csr", "-CA", d + "/ca.pem", "-CAkey",
                d + "/ca.key", "-CAcreateserial", "-out", d + "/server.pem", "-days", "30", "-extfile",
                d + "/san.ext"));
    }

    /** The PEM file of the CA that signed the server's certificate. */
    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    /** host:port of the ldaps listener. */
    public String tlsAddress() {
        return "127.0.0.1:" + tlsPort;
    }

    /** The path of the server's Unix socket (ldapi). */
    public String socket() {
        return dir.resolve("ldapi").toString();
    }

    /** host:port of the server. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (!process.isAlive()) {
                throw new IOException("slapd exited: " + Files.readString(dir.resolve("slapd.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("slapd does not listen on " + port);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
