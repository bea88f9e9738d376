package cn.ola.ops;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Arrays;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says in the log, once the system is ready, which profiles and which database it runs on. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final DataSource dataSource;
    private final Environment environment;
    private final ProcessEngine engine;

    StartupReport(DataSource dataSource, Environment environment, ProcessEngine engine) {
        this.dataSource = dataSource;
        this.environment = environment;
        this.engine = engine;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String[] profiles = environment.getActiveProfiles();
            log.info("Overseas Listing Approval is ready: profiles {}, database {} {} at {} (Camunda sees '{}'), process engine '{}'",
                    profiles.length == 0 ? "[default]" : Arrays.toString(profiles),
                    meta.getDatabaseProductName(), meta.getDatabaseProductVersion(), withoutCredentials(meta.getURL()),
                    engine.getProcessEngineConfiguration() instanceof org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl impl
                            ? impl.getDatabaseType() : "?",
                    engine.getName());
        }
    }

    static String withoutCredentials(String url) {
        return url == null ? "?" : url.replaceAll("(?i)(password|user)=[^&;]*", "$1=***");
    }
}
