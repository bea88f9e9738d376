package cn.ola.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.ola.filing.DataFacts;
import cn.ola.workflow.MemberAgencies.Agency;

/**
 * The Camunda Forms staff read in Tasklist say everything in words, in Chinese and English: a
 * coded value shows as a read-only choice whose options read as the case pages word them (the
 * message bundles), every label is bilingual, long reasons are multi-line, and a read-only field
 * for which the case has no value is not shown at all.
 */
class StaffFormsTest {

    private static final String SEPARATOR = " / ";
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    /** A code as the engine holds it: MANDATORY, NOT_REQUIRED, … */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{3,}(_[A-Z]+)*\\b");
    /** Abbreviations that are words to an officer. */
    private static final List<String> WORDS = List.of("CSRC", "IPO", "CIIO", "NDRC", "MIIT", "MPS", "MSS", "MOF",
            "MOFCOM", "PBOC", "SAMR", "NRTA", "NASSP", "SCA", "PRC");

    private static final Properties EN = bundle("messages-cases.properties", "messages-applications.properties");
    private static final Properties ZH = bundle("messages-cases_zh_CN.properties", "messages-applications_zh_CN.properties");

    /** The variables that hold codes, and the bundle keys that word each code. */
    private static final Map<String, List<String>> CODED = Map.of(
            ProcessVariables.LISTING_TYPE, keys("cases.result.", "DIRECT", "INDIRECT", "NOT_APPLICABLE"),
            ProcessVariables.NEGATIVE_LIST, keys("cases.result.", "CLEAR", "PROHIBITED"),
            ProcessVariables.CYBERSECURITY_REVIEW, keys("cases.result.", "MANDATORY", "DISCRETIONARY", "NOT_REQUIRED"),
            ProcessVariables.PI_EXPORT_ROUTE, keys("cases.result.", "SECURITY_ASSESSMENT", "STANDARD_CONTRACT", "EXEMPT"),
            ProcessVariables.VENUE_REGION, keys("applications.region.", "HK", "US", "GB", "SG", "DE", "CH", "JP", "KR",
                    "CA", "AU", "FR", "NL", "LU", "CN"),
            ProcessVariables.INDUSTRY, keys("applications.value.industry.", "INTERNET", "SOFTWARE", "E_COMMERCE",
                    "MANUFACTURING", "BANKING", "INSURANCE", "SECURITIES", "TELECOMMUNICATIONS", "HEALTHCARE", "EDUCATION",
                    "ENERGY", "REAL_ESTATE", "TOBACCO", "OTHER"),
            ProcessVariables.REVIEW_OUTCOME, List.of("cases.result.NOT_REQUIRED", "cases.outcome.CLEARED"),
            MaterialEventVariables.EVENT_KIND, keys("cases.eventKind.", "CHANGE_OF_CONTROL", "OVERSEAS_INVESTIGATION",
                    "LISTING_STATUS_CHANGE", "VOLUNTARY_DELISTING", "FORCED_DELISTING"));
    /** What every form shows of its case, always there. */
    private static final List<String> ALWAYS_THERE = List.of(ProcessVariables.APPLICATION_NUMBER,
            ProcessVariables.COMPANY_NAME);

    static Stream<Resource> forms() throws IOException {
        return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath:forms/*.form"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyLabelIsInChineseAndEnglish(Resource form) throws IOException {
        for (JsonNode field : components(form)) {
            for (String label : labelsOf(field)) {
                assertThat(label).as("a label in %s", form.getFilename()).contains(SEPARATOR);
                assertThat(CHINESE.matcher(label.substring(0, label.indexOf(SEPARATOR))).find())
                        .as("Chinese first in %s", label).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void aCodedValueShowsAsItsWordsInBothLanguages(Resource form) throws IOException {
        for (JsonNode field : components(form)) {
            String key = field.path("key").asText();
            if (!field.path("disabled").asBoolean()) {
                continue;
            }
            if (CODED.containsKey(key)) {
                assertThat(field.path("type").asText()).as("%s in %s", key, form.getFilename()).isEqualTo("select");
                List<String> expected = CODED.get(key).stream().map(k -> ZH.getProperty(k) + SEPARATOR + EN.getProperty(k))
                        .toList();
                assertThat(field.path("values").findValuesAsText("label")).as("%s in %s", key, form.getFilename())
                        .containsExactlyElementsOf(expected);
            }
            if (key.equals(ProcessVariables.MEMBER_AGENCY)) {
                assertThat(field.path("values").findValuesAsText("value"))
                        .containsExactlyElementsOf(Stream.of(Agency.values()).map(Agency::code).toList());
                assertThat(field.path("values").findValuesAsText("label")).containsExactlyElementsOf(Stream.of(Agency.values())
                        .map(a -> ZH.getProperty("cases.agency." + a.name()) + SEPARATOR + a.englishName()).toList());
            }
            if (key.equals(DataFacts.CONSENT_OBTAINED.name()) || key.equals(DataFacts.SENSITIVE_DATA_MINIMISED.name())) {
                assertThat(field.path("type").asText()).as("yes or no, as a tick").isEqualTo("checkbox");
            }
            if (key.endsWith(ProcessVariables.REASON_SUFFIX)) {
                assertThat(field.path("type").asText()).as("%s in %s, on several lines", key, form.getFilename())
                        .isEqualTo("textarea");
            }
            if (!ALWAYS_THERE.contains(key)) {
                String empty = field.path("type").asText().matches("checkbox|number") ? "=" + key + " = null"
                        : "=" + key + " = null or " + key + " = \"\"";
                assertThat(field.path("conditional").path("hide").asText())
                        .as("%s in %s hides when the case has no value for it", key, form.getFilename()).isEqualTo(empty);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void noTextSpeaksInCodes(Resource form) throws IOException {
        for (JsonNode field : components(form)) {
            List<String> texts = new ArrayList<>(labelsOf(field));
            texts.add(field.path("text").asText());
            texts.add(field.path("description").asText());
            for (String text : texts) {
                CODE.matcher(text).results().map(m -> m.group())
                        .forEach(code -> assertThat(WORDS).as("%s in %s", text, form.getFilename()).contains(code));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void theInitialOpinionReadsAsTheOfficeChoseIt(Resource form) throws IOException {
        List<String> chosen = labelsOfOptions("review-initial-review.form", ProcessVariables.INITIAL_OPINION);
        for (JsonNode field : components(form)) {
            if (field.path("disabled").asBoolean() && field.path("key").asText().equals(ProcessVariables.INITIAL_OPINION)) {
                assertThat(field.path("values").findValuesAsText("label")).containsExactlyElementsOf(chosen);
            }
        }
    }

    private static List<String> labelsOfOptions(String formName, String key) throws IOException {
        Resource form = new PathMatchingResourcePatternResolver().getResource("classpath:forms/" + formName);
        return components(form).stream().filter(f -> f.path("key").asText().equals(key)).findFirst().orElseThrow()
                .path("values").findValuesAsText("label");
    }

    private static List<String> labelsOf(JsonNode field) {
        List<String> labels = new ArrayList<>();
        if (field.hasNonNull("label")) {
            labels.add(field.get("label").asText());
        }
        field.path("values").forEach(option -> labels.add(option.path("label").asText()));
        return labels;
    }

    private static List<JsonNode> components(Resource form) throws IOException {
        try (InputStream in = form.getInputStream()) {
            List<JsonNode> all = new ArrayList<>();
            new ObjectMapper().readTree(in).path("components").forEach(all::add);
            return all;
        }
    }

    private static List<String> keys(String prefix, String... codes) {
        return Stream.of(codes).map(code -> prefix + code).toList();
    }

    private static Properties bundle(String... names) {
        Properties all = new Properties();
        for (String name : names) {
            try (InputStream in = StaffFormsTest.class.getResourceAsStream("/" + name)) {
                all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(name, e);
            }
        }
        return all;
    }
}
