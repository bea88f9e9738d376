package cn.ola.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.ola.OverseasListingApplication;

/**
 * The whole application started the way production starts it (no demo data), on a fresh
 * database: an H2 file under the output folder, or a freshly created MySQL schema.
 */
final class RunningSystem implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin";

    final String database;
    final ConfigurableApplicationContext context;
    final long startupMillis;

    private final Runnable dropDatabase;

    private RunningSystem(String database, ConfigurableApplicationContext context, long startupMillis, Runnable dropDatabase) {
        this.database = database;
        this.context = context;
        this.startupMillis = startupMillis;
        this.dropDatabase = dropDatabase;
    }

    /** Starts the application on the named database, or explains why it cannot and returns null. */
    static RunningSystem start(String database, Settings settings) throws IOException {
        Path dataDir = settings.out().resolve(database + "-data");
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("ola.data-dir", dataDir.toString());
        properties.put("ola.admin.password", ADMIN_PASSWORD);
        properties.put("spring.main.banner-mode", "off");
        // -Dbench.task-pools=false -Dbench.revokes=always: Camunda's rows per task, checked the way the revoke setting checks them.
        properties.put("ola.authorization.task-pools", System.getProperty("bench.task-pools", "true"));
        properties.put("camunda.bpm.authorization.authorization-check-revokes", System.getProperty("bench.revokes", "auto"));
        properties.put("logging.level.root", "WARN");
        // Letters fall back to built-in fonts for Latin text, said once per letter; not news in a benchmark.
        properties.put("logging.level.org.apache.pdfbox", "ERROR");
        properties.put("logging.level.org.springframework.context.support.ResourceBundleMessageSource", "ERROR");
        Runnable drop = () -> { };
        String[] profiles = {};
        if (database.equals("mysql")) {
            String url = settings.mysqlUrl();
            try {
                recreateSchema(settings, false);
            } catch (SQLException unreachable) {
                System.out.printf("%n!! MySQL is not reachable at %s (%s): the MySQL runs are SKIPPED.%n%n",
                        serverUrl(url), unreachable.getMessage());
                return null;
            }
            properties.put("spring.datasource.url",
                    url + (url.contains("?") ? "&" : "?") + "useUnicode=true&characterEncoding=UTF-8");
            properties.put("spring.datasource.username", settings.mysqlUser());
            properties.put("spring.datasource.password", settings.mysqlPassword());
            profiles = new String[] {"mysql"};
            drop = () -> {
                try {
                    recreateSchema(settings, true);
                } catch (SQLException e) {
                    System.out.println("Could not drop the benchmark schema: " + e.getMessage());
                }
            };
        } else if (!database.equals("h2")) {
            throw new IllegalArgumentException("Unknown database '" + database + "': use h2 or mysql");
        }
        long start = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OverseasListingApplication.class)
                .profiles(profiles).run(asArguments(properties));
        long startupMillis = (System.nanoTime() - start) / 1_000_000;
        return new RunningSystem(database, context, startupMillis, drop);
    }

    /** As command-line arguments, so that they win over application.yml (default properties would not). */
    private static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    DataSource dataSource() {
        return bean(DataSource.class);
    }

    /** Heap in use after a full collection, in MiB. */
    static double heapAfterGcMiB() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        context.close();
        // -Dbench.mysql.keep=true leaves the MySQL schema with its open cases, to look at the queries afterwards.
        if (!Boolean.getBoolean("bench.mysql.keep")) {
            dropDatabase.run();
        }
    }

    private static void recreateSchema(Settings settings, boolean dropOnly) throws SQLException {
        String schema = schemaOf(settings.mysqlUrl());
        try (Connection connection = DriverManager.getConnection(serverUrl(settings.mysqlUrl()), settings.mysqlUser(),
                settings.mysqlPassword()); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + schema + "`");
            if (!dropOnly) {
                statement.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4");
            }
        }
    }

    /** jdbc:mysql://host:port/schema?params → schema. */
    static String schemaOf(String url) {
        String afterHost = url.substring(url.indexOf("//") + 2);
        int slash = afterHost.indexOf('/');
        String rest = slash < 0 ? "" : afterHost.substring(slash + 1);
        int query = rest.indexOf('?');
        String schema = query < 0 ? rest : rest.substring(0, query);
        if (schema.isBlank() || !schema.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("The MySQL URL must name a schema of letters, digits and '_': " + url);
        }
        return schema;
    }

    /** The same URL without the schema, to create and drop it. */
    static String serverUrl(String url) {
        String schema = schemaOf(url);
        return url.replaceFirst("/" + schema + "(\\?|$)", "/$1");
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
