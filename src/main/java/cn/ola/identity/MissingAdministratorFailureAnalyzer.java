package cn.ola.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a start without an administrator into a short explanation instead of a stack trace. */
class MissingAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdministratorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingAdministratorException cause) {
        return new FailureAnalysis(
                "No process administrator exists in this database, and the application will not create one "
                        + "with a default password.",
                "Set OLA_ADMIN_PASSWORD (and optionally OLA_ADMIN_USER, default 'admin') for the first start, "
                        + "or run with the 'dev' profile to get the demo accounts.",
                cause);
    }
}
