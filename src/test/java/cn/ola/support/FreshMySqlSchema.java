package cn.ola.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh schema beside the one the tests are given ({@link MySqlDatabase}), named after it with a suffix: for a
 * test that needs an empty database of its own (nodes started on it, migrations run from the start), or for the
 * integration tests of one parallel test JVM ({@link MySqlDatabase}).
 */
public record FreshMySqlSchema(String url, String user, String password, String name, String serverUrl) {

    private static final Pattern DATABASE = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]+)(.*)$");
    private static final String CHARACTER_SET = " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";

    public static FreshMySqlSchema fresh(MySqlDatabase.Connection given, String suffix) throws SQLException {
        FreshMySqlSchema schema = beside(given, suffix);
        schema.execute("DROP DATABASE IF EXISTS " + schema.name, "CREATE DATABASE " + schema.name + CHARACTER_SET);
        return schema;
    }

    /** The schema beside the given one, made if it does not exist yet, else kept as it is. */
    public static FreshMySqlSchema kept(MySqlDatabase.Connection given, String suffix) throws SQLException {
        FreshMySqlSchema schema = beside(given, suffix);
        schema.execute("CREATE DATABASE IF NOT EXISTS " + schema.name + CHARACTER_SET);
        return schema;
    }

    public MySqlDatabase.Connection connection() {
        return new MySqlDatabase.Connection(url, user, password);
    }

    private static FreshMySqlSchema beside(MySqlDatabase.Connection given, String suffix) {
        Matcher url = DATABASE.matcher(given.url());
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a MySQL JDBC URL with a database: " + given.url());
        }
        String name = url.group(2) + suffix;
        return new FreshMySqlSchema(url.group(1) + name + url.group(3), given.user(), given.password(), name,
                url.group(1) + url.group(3));
    }

    public DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource(url, user, password);
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    public void drop() {
        try {
            execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException ignored) {
            // Only a leftover schema.
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
