package cn.ola.ops;

import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Configuration;

import jakarta.annotation.PostConstruct;

/**
 * Camunda misbehaves on MySQL when the driver sends fractional seconds, and the error it gives
 * then is far from the cause; stop early and name the setting instead.
 */
@Configuration
class MySqlSettingsCheck {

    private final DataSourceProperties dataSource;

    MySqlSettingsCheck(DataSourceProperties dataSource) {
        this.dataSource = dataSource;
    }

    @PostConstruct
    void check() {
        String url = dataSource.getUrl();
        if (url != null && url.startsWith("jdbc:mysql:") && !url.contains("sendFractionalSeconds=false")) {
            throw new IllegalStateException("The MySQL JDBC URL must carry sendFractionalSeconds=false for the process engine: "
                    + StartupReport.withoutCredentials(url));
        }
    }
}
