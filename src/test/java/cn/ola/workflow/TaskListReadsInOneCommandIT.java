package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.security.Roles;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;

/**
 * What Tasklist gets from its reads of filters, now that each runs as one engine command: the side
 * bar's filters with their counts, a filter's list with its count, a filter that does not exist and
 * one the officer may not read (both 403, as Camunda answers them), and the session working on after
 * each.
 */
@DevSystemTest
class TaskListReadsInOneCommandIT {

    static final String HAL = "application/hal+json";
    /** The filter every staff user starts from, named in Chinese and English (cn.ola.identity.TasklistFilters). */
    static final String MY_GROUP_TASKS = "Tasks of my groups";

    @LocalServerPort
    int port;
    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anOfficersFilterReadsAreAnsweredAsCamundaAnswersThem() throws Exception {
        String candidateGroup = Roles.CRO_REVIEWER;
        String mine = filters.createFilterQuery().filterNameLike("%" + MY_GROUP_TASKS).singleResult()
                .getId();
        String othersOnly = filters.saveFilter(filters.newTaskFilter("Another authority's tasks")
                .setQuery(tasks.createTaskQuery().taskCandidateGroup("review-member-agency-ndrc"))).getId();
        try {
            Browserless tasklist = new Browserless(port);
            assertThat(tasklist.login("cro", "demo").statusCode()).isEqualTo(302);

            HttpResponse<String> sideBar = tasklist.get("/camunda/api/engine/engine/default/filter"
                    + "?resourceType=Task&itemCount=true", "Accept", "application/json");
            assertThat(sideBar.statusCode()).isEqualTo(200);
            JsonNode offered = json.readTree(sideBar.body());
            assertThat(offered.findValuesAsText("id")).contains(mine).doesNotContain(othersOnly);
            assertThat(offered.findValues("itemCount")).allSatisfy(count -> assertThat(count.asLong()).isNotNegative());
            long expected = tasks.createTaskQuery().taskCandidateGroup(candidateGroup).includeAssignedTasks().count();

            HttpResponse<String> list = tasklist.postJsonAsWebapp("/camunda/api/engine/engine/default/filter/" + mine
                    + "/list?firstResult=0&maxResults=15", "{}", "Accept", HAL);
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(json.readTree(list.body()).path("count").asLong()).isEqualTo(expected);

            HttpResponse<String> missing = tasklist.postJsonAsWebapp(
                    "/camunda/api/engine/engine/default/filter/no-such-filter/list?firstResult=0&maxResults=15", "{}",
                    "Accept", HAL);
            // Camunda checks the right to read a filter before looking for it: no answer tells what exists.
            assertThat(missing.statusCode()).isEqualTo(403);
            assertThat(json.readTree(missing.body()).path("message").asText()).contains("no-such-filter");

            HttpResponse<String> notHis = tasklist.postJsonAsWebapp("/camunda/api/engine/engine/default/filter/"
                    + othersOnly + "/count", "{}", "Accept", "application/json");
            assertThat(notHis.statusCode()).isEqualTo(403);
            assertThat(json.readTree(notHis.body()).path("type").asText()).isEqualTo("AuthorizationException");

            HttpResponse<String> count = tasklist.postJsonAsWebapp("/camunda/api/engine/engine/default/filter/" + mine
                    + "/count", "{}", "Accept", "application/json");
            assertThat(count.statusCode()).as("the session works on after the failed reads").isEqualTo(200);
            assertThat(json.readTree(count.body()).path("count").asLong()).isEqualTo(expected);
        } finally {
            // The system is shared with other test classes: a filter of another authority is not left behind.
            filters.deleteFilter(othersOnly);
        }
    }
}
