package cn.ola.support;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * HAProxy (the Debian package) as a TCP proxy between the application and its database, with its
 * runtime API on a unix socket, through which a test takes the server down and brings it back as
 * an operator would. As a JUnit condition: tests that need it are skipped with a message when
 * {@code haproxy} is not on the PATH — unless {@code CI=true}, where they must run.
 */
public final class HaProxy implements ExecutionCondition {

    private static final String BACKEND = "database";
    private static final String SERVER = "primary";
    private static final Pattern JDBC_HOST = Pattern.compile("^(jdbc:mysql://)([^/:?]+)(?::(\\d+))?(.*)$");
    private static final int MYSQL_PORT = 3306;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Path> haproxy = executable();
        if (haproxy.isPresent()) {
            return ConditionEvaluationResult.enabled("HAProxy at " + haproxy.get());
        }
        String why = "No haproxy on the PATH: install it (Debian: apt-get install haproxy).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new ExtensionConfigurationException(why + " CI=true, so the tests that need it must run.");
        }
        return ConditionEvaluationResult.disabled("HAProxy tests skipped. " + why);
    }

    public static Optional<Path> executable() {
        String path = System.getenv("PATH");
        return path == null ? Optional.empty() : Arrays.stream(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, "haproxy")).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts a proxy on a free local port in front of the MySQL server a JDBC URL names, and
     * stops it when the JVM ends (after the application that uses it has shut down).
     */
    public static Proxy inFrontOf(String jdbcUrl) {
        Matcher url = JDBC_HOST.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a MySQL JDBC URL with a host: " + jdbcUrl);
        }
        String host = url.group(2);
        int port = url.group(3) == null ? MYSQL_PORT : Integer.parseInt(url.group(3));
        try {
            Proxy proxy = new Proxy(host, port, freePort());
            return proxy.withJdbcUrl(url.group(1) + "127.0.0.1:" + proxy.port() + url.group(4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a load balancer on a free local port in front of application nodes on local ports, as
     * production runs it (docker/haproxy/haproxy.cfg): HTTP, round robin without stickiness, each
     * node checked on its health endpoint every second and left out while it is down. Every answer
     * names the node that gave it in {@code X-Served-By} ({@code node-1}, {@code node-2}, ...).
     */
    public static Proxy balancing(int... nodePorts) {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < nodePorts.length; i++) {
            servers.append("    server node-%d 127.0.0.1:%d check%n".formatted(i + 1, nodePorts[i]));
        }
        try {
            int port = freePort();
            return new Proxy(port, socket -> """
                    global
                        stats socket %s mode 600 level admin
                        nbthread 2
                    defaults
                        mode http
                        timeout connect 3s
                        timeout client 2m
                        timeout server 2m
                        retries 2
                        option redispatch
                    frontend web_in
                        bind 127.0.0.1:%d
                        default_backend nodes
                    backend nodes
                        balance roundrobin
                        option httpchk GET /actuator/health
                        http-check expect status 200
                        default-server inter 1s fall 2 rise 2
                        http-response set-header X-Served-By %%s
                    %s""".formatted(socket, port, servers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running HAProxy. */
    public static final class Proxy {

        private final Path dir;
        private final Path socket;
        private final int port;
        private final Process process;
        private String jdbcUrl;

        private Proxy(String host, int serverPort, int port) throws IOException {
            // TCP mode: the MySQL protocol passes through untouched. Long client and server timeouts,
            // so that HAProxy never cuts a pooled connection that merely sits idle.
            this(port, socket -> """
                    global
                        stats socket %s mode 600 level admin
                        nbthread 1
                    defaults
                        mode tcp
                        timeout connect 3s
                        timeout client 1h
                        timeout server 1h
                    frontend database_in
                        bind 127.0.0.1:%d
                        default_backend %s
                    backend %s
                        server %s %s:%d
                    """.formatted(socket, port, BACKEND, BACKEND, SERVER, host, serverPort));
        }

        private Proxy(int port, Function<Path, String> configuration) throws IOException {
            this.dir = Files.createTempDirectory("haproxy");
            this.socket = dir.resolve("admin.sock");
            this.port = port;
            Path config = dir.resolve("haproxy.cfg");
            Files.writeString(config, configuration.apply(socket));
            Path log = dir.resolve("haproxy.log");
            // -db: stay in the foreground, so that the process is ours to stop.
            this.process = new ProcessBuilder(executable().orElseThrow().toString(), "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "haproxy-stop"));
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("haproxy did not start:\n" + Files.readString(log));
                }
                return Files.exists(socket) && accepts(port);
            });
        }

        private Proxy withJdbcUrl(String url) {
            this.jdbcUrl = url;
            return this;
        }

        public int port() {
            return port;
        }

        /** The JDBC URL the proxy was started for, pointed at the proxy. */
        public String jdbcUrl() {
            return jdbcUrl;
        }

        /**
         * The server goes into maintenance, and every connection to it is cut: what the
         * application sees when its database stops or the network to it breaks. New connections
         * are accepted and closed at once.
         */
        public void takeServerDown() {
            command("set server " + BACKEND + "/" + SERVER + " state maint");
            command("shutdown sessions server " + BACKEND + "/" + SERVER);
        }

        public void bringServerBack() {
            command("set server " + BACKEND + "/" + SERVER + " state ready");
        }

        /** One command of the runtime API; HAProxy answers and closes the connection. */
        private void command(String line) {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII)));
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                ByteBuffer buffer = ByteBuffer.allocate(4096);
                while (channel.read(buffer) >= 0) {
                    answer.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                String said = answer.toString(StandardCharsets.US_ASCII).strip();
                if (!said.isEmpty()) {
                    throw new IllegalStateException("haproxy refused '" + line + "': " + said);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot reach haproxy's runtime API at " + socket, e);
            }
        }

        public void stop() {
            process.destroy();
            FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
