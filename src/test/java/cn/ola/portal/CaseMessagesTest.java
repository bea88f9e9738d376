package cn.ola.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.ola.applicant.DocumentKind;
import cn.ola.company.PasswordRules;
import cn.ola.visibility.CompanyView;
import cn.ola.workflow.ScreeningDecision;

/** The company pages speak Chinese and English everywhere, and name every status, stage and step the company sees. */
class CaseMessagesTest {

    @Test
    void bothLanguagesHaveTheSameTexts() throws IOException {
        assertThat(bundle("messages-cases_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages-cases.properties").stringPropertyNames());
    }

    @Test
    void everyTextThePagesAskForExists() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern message = Pattern.compile("(?:#\\{|['\"])(cases\\.[A-Za-z0-9_.-]+)");
        for (String folder : new String[] {"register", "cases", "company"}) {
            try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates", folder))) {
                for (Path template : templates.toList()) {
                    collect(message, Files.readString(template), used);
                }
            }
        }
        collect(message, Files.readString(Path.of("src/main/resources/templates/login.html")), used);
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/cn/ola/portal"))) {
            for (Path source : sources.toList()) {
                collect(message, Files.readString(source), used);
            }
        }
        used.removeIf(key -> key.endsWith("."));
        assertThat(used).contains("cases.login.registered", "cases.notWaiting");
        assertThat(bundle("messages-cases.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void everyStatusStageAndStepTheCompanySeesHasAName() throws IOException {
        Set<String> keys = bundle("messages-cases.properties").stringPropertyNames();
        Pattern set = Pattern.compile("caseRecord\\.(status|close|stage)\\(execution, '([A-Z_]+)'\\)");
        Pattern step = Pattern.compile("caseRecord\\.outcome\\((?:task\\.)?execution, '([A-Z_]+)'");
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                String xml = Files.readString(model);
                Matcher matcher = set.matcher(xml);
                while (matcher.find()) {
                    expected.add((matcher.group(1).equals("stage") ? "cases.stage." : "cases.status.") + matcher.group(2));
                }
                Matcher steps = step.matcher(xml);
                while (steps.find()) {
                    // Only the steps whose outcomes the company learns appear on its pages.
                    if (CompanyView.showsOutcomesOf(steps.group(1))) {
                        expected.add("cases.step." + steps.group(1));
                    }
                }
            }
        }
        assertThat(expected).contains("cases.status.WITHDRAWN", "cases.stage.CSRC_FILING", "cases.step.INTAKE_CHECK")
                .doesNotContain("cases.step.CYBERSECURITY_REVIEW_SPECIAL");
        assertThat(keys).containsAll(expected);
    }

    @Test
    void everyDocumentKindScreeningDecisionAndPasswordRuleHasAText() throws IOException {
        Set<String> keys = bundle("messages-cases.properties").stringPropertyNames();
        for (DocumentKind kind : DocumentKind.values()) {
            assertThat(keys).contains("cases.kind." + kind.name());
        }
        for (ScreeningDecision decision : ScreeningDecision.values()) {
            assertThat(keys).contains("cases.decision." + decision.decisionKey());
        }
        for (PasswordRules.Violation violation : PasswordRules.Violation.values()) {
            assertThat(keys).contains("cases.password." + violation.name());
        }
    }

    private static void collect(Pattern message, String text, Set<String> used) {
        Matcher matcher = message.matcher(text);
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = CaseMessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
