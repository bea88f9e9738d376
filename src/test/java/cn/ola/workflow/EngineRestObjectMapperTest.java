package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.SimpleDateFormat;
import java.util.Date;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;

/**
 * Camunda's REST applications, as Jersey builds them in the running system, hand their resources
 * one configured mapper instead of a new one per look-up.
 */
class EngineRestObjectMapperTest {

    @Test
    void tasklistsEngineApiGetsOneMapperForEveryLookUp() {
        Providers providers = providersOf(ResourceConfig.forApplication(new EngineRestApplication()));

        assertOneConfiguredMapper(providers);
    }

    @Test
    void theEngineRestApiGetsTheSameMapper() {
        Providers providers = providersOf(engineRest());

        assertOneConfiguredMapper(providers);
        assertThat(mapperFor(providers, MediaType.APPLICATION_JSON_TYPE))
                .isSameAs(mapperFor(providersOf(ResourceConfig.forApplication(new EngineRestApplication())),
                        MediaType.APPLICATION_JSON_TYPE));
    }

    private static void assertOneConfiguredMapper(Providers providers) {
        // Camunda's resources ask without a media type (ProvidersUtil), its JSON providers with theirs.
        ObjectMapper any = mapperFor(providers, null);
        assertThat(mapperFor(providers, null)).isSameAs(any);
        assertThat(mapperFor(providers, MediaType.APPLICATION_JSON_TYPE)).isSameAs(any);
        assertThat(mapperFor(providers, Hal.APPLICATION_HAL_JSON_TYPE)).isSameAs(any);

        // Configured as Camunda configures its own: its date format, unknown properties ignored.
        ObjectMapper camundas = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
        Date date = new Date(1_780_000_000_000L);
        assertThat(write(any, date)).isEqualTo(write(camundas, date))
                .contains(new SimpleDateFormat(JacksonConfigurator.DEFAULT_DATE_FORMAT).format(date));
        assertThat(any.getDeserializationConfig().getDeserializationFeatures())
                .isEqualTo(camundas.getDeserializationConfig().getDeserializationFeatures());
        assertThat(any.getSerializationConfig().getSerializationFeatures())
                .isEqualTo(camundas.getSerializationConfig().getSerializationFeatures());
    }

    private static Providers providersOf(ResourceConfig application) {
        return built(application).getInjectionManager().getInstance(Providers.class);
    }

    /** The application as Jersey builds it in the running system, with every provider it discovers. */
    static ApplicationHandler built(ResourceConfig application) {
        // Jersey's Spring integration (on the class path for the starter) wants a context; this one is empty.
        GenericApplicationContext noBeans = new GenericApplicationContext();
        noBeans.refresh();
        application.property("contextConfig", noBeans);
        return new ApplicationHandler(application);
    }

    /** Camunda's engine REST API, as the Spring Boot starter registers it. */
    static ResourceConfig engineRest() {
        ResourceConfig engineRest = new ResourceConfig();
        engineRest.registerClasses(CamundaRestResources.getResourceClasses());
        engineRest.registerClasses(CamundaRestResources.getConfigurationClasses());
        return engineRest;
    }

    private static ObjectMapper mapperFor(Providers providers, MediaType mediaType) {
        ContextResolver<ObjectMapper> resolver = providers.getContextResolver(ObjectMapper.class, mediaType);
        assertThat(resolver).as("a resolver of ObjectMapper for %s", mediaType).isNotNull();
        return resolver.getContext(Object.class);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
