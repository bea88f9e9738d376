package cn.ola.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole system as `./mvnw spring-boot:run` starts it (profile dev, demo accounts), on a
 * random port and an in-memory H2 database. The test classes that use this annotation and add no
 * settings of their own share one running instance per test JVM (tag {@code shared-system}; the build
 * runs them in one JVM), where Spring's test context cache starts the application once.
 * So a test here never assumes an empty system, nor which other classes share its system: it makes its own company, application or case and counts
 * only those. A class that adds settings ({@code @TestPropertySource}, {@code @MockitoBean}, …)
 * would start a second engine in that JVM: it is tagged {@code own-system} and runs with the other such
 * classes in a JVM of their own, one system at a time, each on a database of its own ({@link OneSystemAtATime}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:system-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "ola.data-dir=target/system-test-data"})
@ActiveProfiles("dev")
@AutoConfigureMockMvc
@Tag("shared-system")
public @interface DevSystemTest {
}
