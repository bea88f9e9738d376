package cn.ola.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole system as `./mvnw spring-boot:run` starts it (profile dev, demo accounts), on a
 * random port and an in-memory H2 database. Every test class that uses this annotation
 * shares one running instance.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:system-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                "ola.data-dir=target/system-test-data"})
@ActiveProfiles("dev")
public @interface DevSystemTest {
}
