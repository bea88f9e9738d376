package cn.ola.identity;

/** No process administrator exists and none can be created, because no password was configured. */
class MissingAdministratorException extends IllegalStateException {

    MissingAdministratorException() {
        super("No process administrator exists and no administrator password is configured.");
    }
}
