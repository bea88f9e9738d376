package cn.ola.filing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.ola.support.FreshMySqlSchema;
import cn.ola.support.MySqlDatabase;

/** The facts of applications filed before V33 carried into their JSON document, on MySQL (a schema of its own). */
@ExtendWith(MySqlDatabase.class)
class ApplicationFactsMigrationMySqlIT {

    @Test
    void draftsAndCasesFiledBeforeKeepEveryAnswer() throws Exception {
        FreshMySqlSchema schema = FreshMySqlSchema.fresh(MySqlDatabase.connection(), "_facts");
        try {
            ApplicationFactsMigration.carriesDraftsAndCasesOver(schema.dataSource());
        } finally {
            schema.drop();
        }
    }
}
