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
 * test that needs an empty database of its own (nodes started on it, migrations run from the start).
 */
public record FreshMySqlSchema(String url, String user, String password, String name, String serverUrl) {

    private static final Pattern DATABASE = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]+)(.*)$");

    public static FreshMySqlSchema fresh(MySqlDatabase.Connection given, String suffix) throws SQLException {
        Matcher url = DATABASE.matcher(given.url());
        if (!url.matches()) {
            throw new IllegalArgumentException("Not a MySQL JDBC URL with a database: " + given.url());
        }
        String name = url.group(2) + suffix;
        FreshMySqlSchema schema = new FreshMySqlSchema(url.group(1) + name + url.group(3), given.user(), given.password(),
                name, url.group(1) + url.group(3));
        schema.execute("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return schema;
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
