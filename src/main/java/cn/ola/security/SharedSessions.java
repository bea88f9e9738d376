package cn.ola.security;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Web sessions live in the database (Spring Session JDBC, tables of migration V21), so that a user
 * signed in on one node is signed in on every node: the portal, and Camunda's Tasklist, Cockpit and
 * Admin, whose sign-in is a session attribute too. The cookie keeps its usual name, JSESSIONID.
 *
 * <p>Camunda's apps send several requests of one session at the same moment; when two of them add
 * the same attribute, Spring Session's plain INSERT fails the second on the primary key. Here an
 * attribute is written as an upsert: MySQL's (Spring Session's own customizer), or H2's MERGE.
 * Flash messages get an attribute each ({@link FlashMapsOneByOne}), so that a double click loses none.
 *
 * <p>Each of Spring Session's statements runs on its own ({@link #sessionStatementsOnTheirOwn()}).
 */
@Configuration
class SharedSessions {

    static final String H2_UPSERT_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

    /** Spring MVC looks for its flash map manager by this name; ours takes the place of the one Spring Boot defines. */
    @Bean
    static BeanPostProcessor flashMapsOneByOne() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME.equals(name) ? new FlashMapsOneByOne() : bean;
            }
        };
    }

    /**
     * Spring Session runs each read and each write of a session in a transaction of its own: on MySQL four
     * round trips (autocommit off, the statement, commit, autocommit on) for one statement, three times a
     * request (the session read, read again after it is saved, and its last access written). Here each
     * statement commits on its own. What a request writes to its session is the session's row and the
     * attributes it changed, each an upsert or a delete that stands alone: a failure between two of them
     * leaves the attributes written before it, as a request that failed a moment earlier would have.
     */
    @Bean(name = "springSessionTransactionOperations")
    static TransactionOperations sessionStatementsOnTheirOwn() {
        return TransactionOperations.withoutTransaction();
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesAsUpserts(DataSource dataSource) throws SQLException {
        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }
        return switch (database) {
            case "H2" -> repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
            case "MySQL", "MariaDB" -> new MySqlJdbcIndexedSessionRepositoryCustomizer();
            default -> repository -> { };
        };
    }
}
