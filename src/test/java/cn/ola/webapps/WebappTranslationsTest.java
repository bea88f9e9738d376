package cn.ola.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda's Tasklist, Cockpit, Admin and Welcome speak Chinese from our own {@code zh.json}
 * next to the English {@code en.json} of Camunda's webjar. Every English text has a Chinese
 * one that keeps its placeholders and markup, and none is left in English; each app's
 * {@code config.js} offers both languages and its {@code user-styles.css} hides the
 * migration banner. A Camunda upgrade that brings new texts fails here, naming them.
 */
class WebappTranslationsTest {

    private static final String APPS = "/META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}|\\{}");
    /** HTML in a text; {@code <null>} and the like are words for the user, not markup. */
    private static final Pattern TAG = Pattern.compile("</?(?:a|br|strong|em|b|i|code|span|p)\\b[^>]*>");

    /**
     * Texts a Chinese screen shows as they are: product and format names, and symbols.
     * {@code <...>} placeholders such as {@code <null>} are translated, so they are not here.
     */
    private static final Set<String> SAME_IN_CHINESE = Set.of("", "Camunda", "ID", "ID*", "JSON", "CSV", "null",
            "Optimize", "YYYY-MM-DDTHH:mm:ss", "<", "<=", ">", ">=");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishTextHasAChineseOneWithTheSamePlaceholdersAndMarkup(String app) {
        JsonNode english = labels(app, "en");
        JsonNode chinese = labels(app, "zh");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : english.properties()) {
            String key = entry.getKey();
            String en = entry.getValue().asText();
            JsonNode zhNode = chinese.get(key);
            if (zhNode == null || !zhNode.isTextual()) {
                problems.add(key + " has no Chinese text (English: \"" + en + "\")");
                continue;
            }
            String zh = zhNode.asText();
            if (zh.isEmpty() && !en.isEmpty() && !en.equals("s")) {
                // Only the English plural ending "s" has no Chinese counterpart.
                problems.add(key + " has an empty Chinese text (English: \"" + en + "\")");
            }
            if (zh.equals(en) && !SAME_IN_CHINESE.contains(en)) {
                problems.add(key + " is still English: \"" + en + "\"");
            }
            if (!all(PLACEHOLDER, zh).equals(all(PLACEHOLDER, en))) {
                problems.add(key + " has placeholders " + all(PLACEHOLDER, zh) + ", the English " + all(PLACEHOLDER, en));
            }
            if (!all(TAG, zh).equals(all(TAG, en))) {
                problems.add(key + " has markup " + all(TAG, zh) + ", the English " + all(TAG, en));
            }
        }
        assertThat(problems).as(app + "/locales/zh.json, against Camunda's " + app + "/locales/en.json").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void datesAreWrittenTheChineseWay(String app) {
        JsonNode english = file(app, "locales/en.json").get("dateLocales");
        JsonNode chinese = file(app, "locales/zh.json").get("dateLocales");
        assertThat(chinese).as(app + " zh.json dateLocales").isNotNull();
        assertThat(names(chinese)).containsExactlyInAnyOrderElementsOf(names(english));
        assertThat(chinese.get("months")).hasSize(12);
        assertThat(chinese.get("months").get(0).asText()).isEqualTo("一月");
        assertThat(chinese.get("weekdays")).hasSize(7);
        assertThat(chinese.get("weekdays").get(0).asText()).isEqualTo("星期日");
        assertThat(chinese.at("/longDateFormat/LL").asText()).isEqualTo("YYYY年M月D日");
        assertThat(chinese.at("/relativeTime/past").asText()).isEqualTo("%s前");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theAppOffersChineseAndEnglish(String app) {
        String config = withoutComments(text(app, "scripts/config.js"));
        Matcher available = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]").matcher(config);
        assertThat(available.find()).as(app + " config.js sets availableLocales").isTrue();
        assertThat(all(Pattern.compile("'([a-z]{2})'"), available.group(1))).containsExactlyInAnyOrder("zh", "en");
        assertThat(config).contains("fallbackLocale");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theMigrationBannerIsHidden(String app) {
        assertThat(withoutComments(text(app, "styles/user-styles.css")).replaceAll("\\s+", " "))
                .contains("[cam-widget-header] .ce-eol-banner { display: none; }");
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.groupCount() > 0 && matcher.group(1) != null ? matcher.group(1) : matcher.group());
        }
        found.sort(null);
        return found;
    }

    private static List<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    private static JsonNode labels(String app, String language) {
        JsonNode labels = file(app, "locales/" + language + ".json").get("labels");
        assertThat(labels).as(app + " " + language + ".json labels").isNotNull();
        return labels;
    }

    private static JsonNode file(String app, String path) {
        try {
            return JSON.readTree(text(app, path));
        } catch (IOException e) {
            throw new UncheckedIOException(app + "/" + path + " is not JSON", e);
        }
    }

    /** A file of the app as the running system serves it: ours where we have one, else the webjar's. */
    private static String text(String app, String path) {
        String resource = APPS + app + "/" + path;
        try (InputStream in = WebappTranslationsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Camunda's locale files begin with a byte order mark, and so do ours.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
