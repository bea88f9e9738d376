package cn.ola.staff;

import static cn.ola.staff.StaffTestCases.section;
import static cn.ola.staff.StaffTestCases.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.company.Companies;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.ListingApplications;
import cn.ola.support.Browserless;
import cn.ola.support.DevSystemTest;
import cn.ola.workflow.CaseWorkflow;

/**
 * Every staff page has the same header: the places of the signed-in person's work — only those
 * their role may use — who is signed in, and signing out, in Chinese and in English. And the
 * dashboard says "no data yet" where a chart would have nothing to draw.
 */
@DevSystemTest
class StaffHeaderIT {

    private static final Pattern LINK = Pattern.compile("<a id=\"(place-[a-z]+)\"\\s+href=\"([^\"]+)\"\\s*>([^<]+)</a>");

    @LocalServerPort
    int port;
    @Autowired
    Companies companies;
    @Autowired
    ListingApplications applications;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    /** The places each demo account sees in the header, in English: id, address and words. */
    private static final Map<String, List<String>> PLACES = Map.of(
            "cro", List.of("place-queue", "place-tasklist", "place-search"),
            "csrc", List.of("place-queue", "place-tasklist", "place-search"),
            "ndrc", List.of("place-queue", "place-tasklist", "place-search"),
            "tobacco", List.of("place-queue", "place-tasklist", "place-search"),
            "supervisor", List.of("place-queue", "place-tasklist", "place-search", "place-dashboard"),
            "admin", List.of("place-queue", "place-tasklist", "place-search", "place-dashboard", "place-cockpit", "place-admin",
                    "place-accounts"));
    private static final Map<String, String> ADDRESSES = Map.of(
            "place-queue", "/staff/tasks",
            "place-tasklist", "/camunda/app/tasklist/default/",
            "place-search", "/staff/applications",
            "place-dashboard", "/staff/dashboard",
            "place-cockpit", "/camunda/app/cockpit/default/",
            "place-admin", "/camunda/app/admin/default/",
            "place-accounts", "/staff/accounts");
    private static final Map<String, String> ENGLISH = Map.of(
            "place-queue", "Work queue",
            "place-tasklist", "My tasks (Tasklist)",
            "place-search", "All applications",
            "place-dashboard", "Dashboard",
            "place-cockpit", "Cockpit",
            "place-admin", "Users and groups (Admin)",
            "place-accounts", "Locked accounts");
    private static final Map<String, String> CHINESE = Map.of(
            "place-queue", "工作队列",
            "place-tasklist", "我的任务（任务列表）",
            "place-search", "全部申请",
            "place-dashboard", "监管看板",
            "place-cockpit", "流程监控（驾驶舱）",
            "place-admin", "用户与用户组（管理后台）",
            "place-accounts", "锁定的账户");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cro", "csrc", "ndrc", "tobacco", "supervisor", "admin"})
    void everyStaffPageShowsThePlacesOfTheRoleAndSignOutInEnglish(String user) {
        Browserless staff = new Browserless(port, "Accept-Language", "en-GB");
        staff.login(user, "demo");
        for (String page : pagesOf(user)) {
            String html = open(staff, page);
            Map<String, String[]> places = placesIn(html);
            assertThat(places.keySet()).as("the places %s sees on %s", user, page).containsExactlyElementsOf(PLACES.get(user));
            places.forEach((id, link) -> {
                assertThat(link[0]).as(id).isEqualTo(ADDRESSES.get(id));
                assertThat(link[1]).as(id).isEqualTo(ENGLISH.get(id));
            });
            assertThat(text(section(html, "signed-in"))).isEqualTo("Signed in as " + user);
            assertThat(text(section(html, "sign-out"))).isEqualTo("Sign out");
            assertThat(html.split("action=\"/logout\"", -1)).as("one Sign out on %s", page).hasSize(2);
        }
        // Each place shown opens for this person.
        for (String id : PLACES.get(user)) {
            assertThat(staff.get(ADDRESSES.get(id)).statusCode()).as("%s opens %s", user, id).isEqualTo(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cro", "supervisor", "admin"})
    void theHeaderSpeaksChineseToAChineseBrowser(String user) {
        Browserless staff = new Browserless(port, "Accept-Language", "zh-CN,zh;q=0.9");
        staff.login(user, "demo");
        for (String page : pagesOf(user)) {
            String html = open(staff, page);
            Map<String, String[]> places = placesIn(html);
            assertThat(places.keySet()).as("the places %s sees on %s", user, page).containsExactlyElementsOf(PLACES.get(user));
            places.forEach((id, link) -> assertThat(link[1]).as(id).isEqualTo(CHINESE.get(id)));
            assertThat(text(section(html, "signed-in"))).isEqualTo("当前用户：" + user);
            assertThat(text(section(html, "sign-out"))).isEqualTo("退出登录");
        }
    }

    @Test
    void signingOutFromTheHeaderEndsTheSession() {
        Browserless staff = new Browserless(port);
        staff.login("csrc", "demo");
        assertThat(staff.get("/staff/applications").statusCode()).isEqualTo(200);

        HttpResponse<String> out = staff.postForm("/staff/applications", "/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));
        HttpResponse<String> after = staff.get("/staff/applications", "Accept", "text/html");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void aCompanyUserSeesNoStaffPlaces() {
        Browserless company = new Browserless(port);
        company.login("compliance", "demo");
        String html = company.get("/applications").body();
        assertThat(html).contains("id=\"notifications-link\"").doesNotContain("staff-places", "place-tasklist", "sign-out");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en-GB", "zh-CN"})
    void aDashboardChartWithNothingToDrawSaysNoDataYet(String language) throws Exception {
        Browserless supervisor = new Browserless(port, "Accept-Language", language);
        supervisor.login("supervisor", "demo");
        String html = open(supervisor, "/staff/dashboard");
        JsonNode figures = new ObjectMapper().readTree(supervisor.get("/staff/dashboard/data").body());
        String noData = language.startsWith("zh") ? "暂无数据：有数据后显示图表。"
                : "No data yet: the chart appears once there is something to count.";

        Map<String, Boolean> somethingToDraw = new LinkedHashMap<>();
        somethingToDraw.put("cases-per-stage", sum(figures.path("casesPerStage"), "cases") > 0);
        somethingToDraw.put("cases-per-final-status", sum(figures.path("casesPerFinalStatus"), "cases") > 0);
        somethingToDraw.put("decisions-per-week", sum(figures.path("decisionsPerWeek").path("weeks"), "total") > 0);
        somethingToDraw.put("median-working-days-per-stage", sum(figures.path("medianWorkingDaysPerStage"),
                "medianWorkingDays") > 0);
        somethingToDraw.forEach((figure, draws) -> {
            String section = section(html, figure);
            assertThat(section.contains("data-chart=")).as("a place for the chart of %s", figure).isEqualTo(draws);
            assertThat(section.contains(noData)).as("'no data yet' for %s", figure).isEqualTo(!draws);
        });
    }

    /** The pages this person may open: home, the search, a case, a case that does not exist, and per role the rest. */
    private List<String> pagesOf(String user) {
        StaffTestCases cases = new StaffTestCases(companies, applications, workflow, tasks, identity);
        List<String> pages = new ArrayList<>(List.of("/", "/staff/tasks", "/staff/applications", "/staff/applications/OLA-2026-999999"));
        if (user.equals("cro") || user.equals("csrc") || user.equals("supervisor") || user.equals("admin")) {
            ApplicationNumber number = cases.submit(cases.demoCompany(), 500_000L);
            pages.add("/staff/applications/" + number);
            pages.add("/staff/applications/" + number + "/audit");
        }
        if (PLACES.get(user).contains("place-dashboard")) {
            pages.add("/staff/dashboard");
        }
        if (PLACES.get(user).contains("place-accounts")) {
            pages.add("/staff/accounts");
        }
        return pages;
    }

    private static String open(Browserless browser, String page) {
        HttpResponse<String> response = browser.get(page);
        assertThat(response.statusCode()).as(page).isIn(200, 404);
        return response.body();
    }

    /** The header's places in order: id → {address, words}. */
    private static Map<String, String[]> placesIn(String html) {
        Map<String, String[]> places = new LinkedHashMap<>();
        Matcher link = LINK.matcher(section(html, "staff-places"));
        while (link.find()) {
            places.put(link.group(1), new String[] {link.group(2), text(link.group(3))});
        }
        return places;
    }

    private static double sum(JsonNode rows, String field) {
        double sum = 0;
        for (JsonNode row : rows) {
            sum += row.path(field).asDouble(0);
        }
        return sum;
    }
}
