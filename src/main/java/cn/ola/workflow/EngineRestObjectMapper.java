package cn.ola.workflow;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One Jackson mapper for Camunda's REST APIs: the engine's ({@code /engine-rest}) and the one
 * Tasklist, Cockpit and Admin call ({@code /camunda/api/…}).
 *
 * <p>Camunda's own resolver ({@link JacksonConfigurator}) answers every look-up with a new mapper.
 * Each request that reads a query from its body (Tasklist's filter list and count among them) then
 * builds Jackson's deserializers afresh, once for the list and once for its count: a fifth of the
 * CPU such a request spends in Camunda's resource, in a flight recording of the benchmark
 * (docs/benchmarks.md). A mapper is safe to share once configured, and its deserializers are kept
 * by it. This resolver is asked before Camunda's (its priority is higher) and hands out one mapper,
 * configured by Camunda's own method, so dates and unknown properties read and write exactly as
 * before.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON, MediaType.WILDCARD})
final class EngineRestObjectMapper implements ContextResolver<ObjectMapper> {

    /** Made on first use: Camunda sets a configured date format, if any, while the webapps start. */
    private static final class Shared {
        static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return Shared.MAPPER;
    }

    /**
     * Registers the resolver in every Jersey application of the process, among them those Camunda's
     * webapps register as servlets of their own, which no configuration of ours reaches otherwise.
     * Listed in {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}.
     */
    public static final class InEveryApplication implements ForcedAutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(EngineRestObjectMapper.class)) {
                context.register(EngineRestObjectMapper.class, Priorities.USER - 100);
            }
        }
    }
}
