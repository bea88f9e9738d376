package cn.ola.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.ola.ops.StartupLock;
import cn.ola.security.Roles;

/**
 * Makes sure a process administrator exists. On a fresh database it creates one from
 * {@code ola.admin.username}/{@code ola.admin.password}; without a password it refuses to start
 * rather than invent a default account that anyone could guess.
 */
@Component
@Order(3)
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final Accounts accounts;
    private final String username;
    private final String password;
    private final StartupLock startupLock;

    AdministratorBootstrap(Accounts accounts, @Value("${ola.admin.username:admin}") String username,
            @Value("${ola.admin.password:}") String password, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.inTurn(this::ensureAdministrator);
    }

    private void ensureAdministrator() {
        if (accounts.anyMemberOf(Roles.CAMUNDA_ADMIN)) {
            return;
        }
        if (password == null || password.isBlank()) {
            throw new MissingAdministratorException();
        }
        accounts.ensureGroup(Roles.CAMUNDA_ADMIN, "Process administrators", Accounts.SYSTEM_GROUP_TYPE);
        accounts.ensureUser(username, "Process", "Administrator", null, password, Roles.CAMUNDA_ADMIN);
        log.info("Created the process administrator '{}' from OLA_ADMIN_USER/OLA_ADMIN_PASSWORD", username);
    }
}
