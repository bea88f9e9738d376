package cn.ola.support;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * The MySQL database for integration tests, in this order: the one named by
 * {@code OLA_IT_MYSQL_URL} (CI points it at a fresh schema on the local MariaDB, through
 * MySQL Connector/J), else a MySQL 8.4 container when Docker is available, else none: the
 * tests are skipped with a message — unless {@code CI=true}, where a missing database fails them.
 */
public final class MySqlDatabase implements ExecutionCondition {

    public static final String URL_VARIABLE = "OLA_IT_MYSQL_URL";
    public static final String USER_VARIABLE = "OLA_IT_MYSQL_USER";
    public static final String PASSWORD_VARIABLE = "OLA_IT_MYSQL_PASSWORD";
    /** The number of the parallel test JVM, set by the build (failsafe's fork number). */
    static final String FORK_PROPERTY = "ola.it.fork";
    /** How many such JVMs run at once; with one, it works on the given schema itself. */
    static final String FORKS_PROPERTY = "ola.it.forks";
    /** Camunda needs these on every MySQL connection. */
    static final String REQUIRED_URL_PARAMETER = "sendFractionalSeconds=false&nullCatalogMeansCurrent=true";

    private static Connection connection;
    private static boolean looked;

    /** Where to connect, as the mysql profile's variables. */
    public record Connection(String url, String user, String password) {

        public Map<String, Object> asProperties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("MYSQL_URL", url);
            properties.put("MYSQL_USER", user);
            properties.put("MYSQL_PASSWORD", password);
            return properties;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (connection() != null) {
            return ConditionEvaluationResult.enabled("MySQL at " + connection.url());
        }
        String why = "No MySQL database: set " + URL_VARIABLE + " (e.g. jdbc:mysql://127.0.0.1:3306/ola_test) "
                + "or make Docker available for a MySQL 8.4 container.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new ExtensionConfigurationException(why + " CI=true, so the MySQL tests must run.");
        }
        return ConditionEvaluationResult.disabled("MySQL tests skipped. " + why);
    }

    public static synchronized Connection connection() {
        if (!looked) {
            looked = true;
            connection = ofThisFork(fromEnvironment());
            if (connection == null && dockerAvailable()) {
                connection = fromContainer();
            }
        }
        return connection;
    }

    /**
     * The build may run the test classes with systems of their own in several JVMs at once
     * ({@code it.own-system.forks}; {@value #FORK_PROPERTY} is the JVM's number): each JVM gets a schema of its
     * own beside the given one, so that two systems never share a database (a MySQL container is started per JVM
     * anyway). The classes of one JVM run one after the other and
     * share its schema, as they all share the given one in a single JVM.
     */
    private static Connection ofThisFork(Connection given) {
        String fork = System.getProperty(FORK_PROPERTY, "");
        if (given == null || fork.isBlank() || Integer.getInteger(FORKS_PROPERTY, 1) < 2) {
            return given;
        }
        try {
            return FreshMySqlSchema.kept(given, "_f" + fork).connection();
        } catch (SQLException failed) {
            throw new ExtensionConfigurationException("Could not make the schema of test JVM " + fork + " beside "
                    + given.url() + ": " + failed.getMessage(), failed);
        }
    }

    private static Connection fromEnvironment() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return null;
        }
        if (!url.contains("sendFractionalSeconds")) {
            url += (url.contains("?") ? "&" : "?") + REQUIRED_URL_PARAMETER;
        }
        String user = System.getenv().getOrDefault(USER_VARIABLE, "root");
        String password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
        return new Connection(url, user, password);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper stops it
    private static Connection fromContainer() {
        MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.4")
                .withDatabaseName("ola")
                .withCommand("--transaction-isolation=READ-COMMITTED", "--character-set-server=utf8mb4",
                        "--collation-server=utf8mb4_bin");
        mysql.start();
        return new Connection(mysql.getJdbcUrl() + "?" + REQUIRED_URL_PARAMETER, mysql.getUsername(), mysql.getPassword());
    }
}
