package cn.ola.filing;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The facts of applications filed before V33 carried into their JSON document, on H2. */
class ApplicationFactsMigrationTest {

    @Test
    void draftsAndCasesFiledBeforeKeepEveryAnswer() {
        ApplicationFactsMigration.carriesDraftsAndCasesOver(new DriverManagerDataSource(
                "jdbc:h2:mem:facts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }
}
