package cn.ola.workflow;

import java.util.List;

import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Our answers to a request that lost a race (409, {@link EngineRestConflicts}) and to a database that
 * cannot be reached (503, {@link EngineRestOutages}), in every Jersey application of the process: the
 * engine's REST API, and the engine API of Camunda's webapps that Tasklist, Cockpit and Admin call. A
 * double click on "Complete" in Tasklist is a lost race like any other. Camunda's webapps register their
 * APIs as servlets of their own, which no configuration of ours reaches otherwise; this is listed in
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}. Each mapper
 * carries its own priority.
 */
public final class EngineRestAnswers implements ForcedAutoDiscoverable {

    static final List<Class<?>> MAPPERS = List.of(EngineRestConflicts.LostRace.class,
            EngineRestConflicts.LostRaceReported.class, EngineRestOutages.InTheEngine.class,
            EngineRestOutages.ReportedByAResource.class, EngineRestOutages.Elsewhere.class);

    @Override
    public void configure(FeatureContext context) {
        for (Class<?> mapper : MAPPERS) {
            if (!context.getConfiguration().isRegistered(mapper)) {
                context.register(mapper);
            }
        }
    }
}
