package cn.ola.support;

import java.lang.reflect.Modifier;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The test classes with systems of their own (tag {@code own-system}) run one after another in one JVM: the
 * build's execution for them sets {@value #PROPERTY}. A JVM per class would start the JVM, load the classes and
 * compile the hot code again for each of them; here only the application starts again. Two things a JVM of its
 * own used to give each class are given here instead:
 * <ul>
 * <li>{@link StopAfterClass}: a class's system is stopped when the class is done, before the next class starts
 * its own. Camunda keeps its engines in a JVM-wide registry, so two systems with an engine of the same name must
 * never run side by side (stopping one would unregister the other's engine).</li>
 * <li>{@link OwnDatabase}: an in-memory database and a data directory named after the class, so no class finds
 * the cases, companies or files of the one before (the dashboard counts every case of its system).</li>
 * </ul>
 * Both do nothing where the property is not set (the shared system, the unit tests, a class run from an IDE).
 */
public final class OneSystemAtATime {

    public static final String PROPERTY = "ola.it.one-system-at-a-time";
    private static final String H2_IN_MEMORY = "jdbc:h2:mem:";

    private OneSystemAtATime() {
    }

    static boolean active() {
        return Boolean.getBoolean(PROPERTY);
    }

    static boolean isNested(Class<?> testClass) {
        return testClass.getEnclosingClass() != null && !Modifier.isStatic(testClass.getModifiers());
    }

    /** Stops the class's application when the class is done and frees its in-memory database. */
    public static final class StopAfterClass implements TestExecutionListener, Ordered {

        @Override
        public void afterTestClass(TestContext testContext) {
            if (!active() || !testContext.hasApplicationContext() || isNested(testContext.getTestClass())) {
                return; // a @Nested class shares the system of the class around it, which stops it when done
            }
            ApplicationContext context = testContext.getApplicationContext();
            var environment = context.getEnvironment();
            String url = environment.getProperty("spring.datasource.url", "");
            String user = environment.getProperty("spring.datasource.username", "sa");
            String password = environment.getProperty("spring.datasource.password", "");
            testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
            if (url.startsWith(H2_IN_MEMORY)) {
                // DB_CLOSE_DELAY=-1 keeps an in-memory database for the life of the JVM; this one is done with.
                try (var connection = DriverManager.getConnection(url, user, password);
                        var statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not free the in-memory database " + url, e);
                }
            }
        }

        /** Runs last after a class: the other listeners may still use the context. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** An in-memory database and a data directory of the class's own, where the class is given the shared ones. */
    public static final class OwnDatabase implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            Class<?> outermost = testClass;
            while (isNested(outermost)) {
                outermost = outermost.getEnclosingClass(); // a @Nested class shares the system around it
            }
            return active() ? new Named(outermost.getSimpleName()) : null;
        }

        record Named(String name) implements ContextCustomizer {

            @Override
            public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
                ConfigurableEnvironment environment = context.getEnvironment();
                String url = environment.getProperty("spring.datasource.url", "");
                if (!url.startsWith(H2_IN_MEMORY)) {
                    return;
                }
                int options = url.indexOf(';');
                String ownUrl = H2_IN_MEMORY + name + (options < 0 ? "" : url.substring(options));
                String dataDir = environment.getProperty("ola.data-dir", "target/data") + "/" + name;
                environment.getPropertySources().addFirst(new MapPropertySource("own system of " + name,
                        Map.of("spring.datasource.url", ownUrl, "ola.data-dir", dataDir)));
            }
        }
    }
}
