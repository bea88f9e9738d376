package cn.ola.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** No Docker engine runs where the tests do: check that the files say what the system needs. */
class DockerComposeTest {

    private static final Path DOCKER = Path.of("docker");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve("docker-compose.yml"))) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @Test
    void mySqlIsVersion84AndRunsAtReadCommitted() throws IOException {
        Map<String, Object> mysql = service("mysql");
        assertThat(mysql.get("image")).isEqualTo("mysql:8.4");
        assertThat((List<String>) mysql.get("command")).contains("--transaction-isolation=READ-COMMITTED");
        assertThat(Files.readString(DOCKER.resolve("mysql/ola.cnf"))).contains("transaction-isolation = READ-COMMITTED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApplicationRunsOnTheMySqlProfileWithTheSettingsCamundaNeeds() throws IOException {
        Map<String, Object> app = service("app");
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");
        assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("mysql");
        assertThat((String) environment.get("MYSQL_URL")).startsWith("jdbc:mysql://mysql:3306/").contains("sendFractionalSeconds=false");
        assertThat((String) environment.get("OLA_ADMIN_PASSWORD")).contains("OLA_ADMIN_PASSWORD");
        assertThat(((Map<String, Object>) app.get("build")).get("dockerfile")).isEqualTo("docker/Dockerfile");
        assertThat(((Map<String, Map<String, String>>) app.get("depends_on")).get("mysql").get("condition"))
                .isEqualTo("service_healthy");
    }

    @Test
    void theMySqlProfileItselfSetsReadCommittedAndNoFractionalSeconds() throws IOException {
        String profile = Files.readString(Path.of("src/main/resources/application-mysql.yml"));
        assertThat(profile).contains("transaction-isolation: TRANSACTION_READ_COMMITTED")
                .contains("sendFractionalSeconds: false").contains("nullCatalogMeansCurrent: true");
    }

    @Test
    void theImageBuildsTheApplicationAndRunsItAsAnUnprivilegedUser() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:17").contains("COPY bpmn/ bpmn/").contains("COPY forms/ forms/")
                .contains("USER ola").contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClusterRunsTwoNamedNodesOnOneDatabaseBehindARoundRobinLoadBalancer() throws IOException {
        Map<String, Object> services;
        try (Reader reader = Files.newBufferedReader(DOCKER.resolve("docker-compose.cluster.yml"))) {
            services = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(reader)).get("services");
        }
        assertThat(services).containsOnlyKeys("mysql", "node-1", "node-2", "haproxy");
        assertThat(((Map<String, Object>) services.get("mysql")).get("image")).isEqualTo("mysql:8.4");
        Map<String, Object> one = (Map<String, Object>) ((Map<String, Object>) services.get("node-1")).get("environment");
        Map<String, Object> two = (Map<String, Object>) ((Map<String, Object>) services.get("node-2")).get("environment");
        assertThat(one.get("OLA_NODE_NAME")).isEqualTo("node-1");
        assertThat(two.get("OLA_NODE_NAME")).isEqualTo("node-2");
        assertThat(one.get("MYSQL_URL")).isEqualTo(two.get("MYSQL_URL"));
        assertThat((String) one.get("MYSQL_URL")).startsWith("jdbc:mysql://mysql:3306/").contains("sendFractionalSeconds=false");
        assertThat(one.get("SPRING_PROFILES_ACTIVE")).isEqualTo("mysql");
        assertThat((List<String>) ((Map<String, Object>) services.get("haproxy")).get("volumes"))
                .contains("./haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");

        String balancer = Files.readString(DOCKER.resolve("haproxy/haproxy.cfg"));
        assertThat(balancer).contains("balance roundrobin").contains("option httpchk GET /actuator/health")
                .contains("server node-1 node-1:8080 check").contains("server node-2 node-2:8080 check")
                .contains("option forwardfor").doesNotContainPattern("(?m)^\\s*(cookie|stick)");
    }
}
