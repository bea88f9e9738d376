package cn.ola.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real headless Chromium for tests of the running system: every test method that declares a
 * {@link Browser} parameter gets a fresh browser with a fresh profile, pointed at the system's
 * port. Only the machine's own Chromium and ChromeDriver are used (Debian's {@code chromium} and
 * {@code chromium-driver}); nothing is ever downloaded. Without them such tests are skipped with
 * a message — unless {@code CI=true}, where they fail. A test that fails leaves a screenshot and
 * the page's HTML in {@value #FAILURES}.
 *
 * <p>Register with {@code @ExtendWith(Chromium.class)} next to {@link DevSystemTest}. The browser
 * speaks British English unless the parameter asks for another language with {@link BrowserLanguage},
 * and keeps Beijing time ({@value #TIME_ZONE}).
 */
public final class Chromium implements ExecutionCondition, ParameterResolver, AfterTestExecutionCallback {

    /** Where Debian's packages put them; override with the system properties of the same name. */
    static final String BINARY = System.getProperty("ola.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("ola.chromedriver", "/usr/bin/chromedriver");
    static final String FAILURES = "target/screenshots/failures";
    /** The language of a browser whose test names none with {@link BrowserLanguage}. */
    static final String DEFAULT_LANGUAGE = "en-GB";
    /** Every browser keeps Beijing time, as the system's users do: Camunda's apps show dates in the browser's zone. */
    public static final String TIME_ZONE = "Asia/Shanghai";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Chromium.class);
    /**
     * Selenium warns at every start that it has no DevTools (CDP) binding for the system's newer
     * Chromium. These tests speak WebDriver only, so the warning says nothing; the loggers are
     * held here because java.util.logging forgets the level of a logger nobody references.
     */
    private static final List<Logger> QUIET = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver").map(Logger::getLogger).toList();

    static {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean needsBrowser = context.getTestMethod().map(Chromium::needsBrowser)
                // A class whose every test needs the browser is skipped before its system starts.
                .orElseGet(() -> context.getTestClass().map(Chromium::everyTestNeedsBrowser).orElse(false));
        if (!needsBrowser) {
            return ConditionEvaluationResult.enabled("No browser needed");
        }
        Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium at " + BINARY + ", ChromeDriver at " + DRIVER);
        }
        String why = missing.get() + " Install Debian's chromium and chromium-driver packages "
                + "(apt-get install -y chromium chromium-driver).";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new ExtensionConfigurationException(why + " CI=true, so the browser tests must run.");
        }
        return ConditionEvaluationResult.disabled("Browser tests skipped. " + why);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
        Optional<String> language = parameter.findAnnotation(BrowserLanguage.class).map(BrowserLanguage::value);
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(Session.class, key -> Session.start("http://localhost:" + port, language), Session.class)
                .browser();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Session session = context.getStore(NAMESPACE).get(Session.class, Session.class);
        if (session != null && context.getExecutionException().isPresent()) {
            session.browser().keepEvidence(Path.of(FAILURES),
                    context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
        }
    }

    private static boolean needsBrowser(Method method) {
        return Arrays.stream(method.getParameterTypes()).anyMatch(Browser.class::equals);
    }

    private static boolean everyTestNeedsBrowser(Class<?> testClass) {
        var tests = Arrays.stream(testClass.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).toList();
        return !tests.isEmpty() && tests.stream().allMatch(Chromium::needsBrowser);
    }

    private static Optional<String> missing() {
        if (!Files.isExecutable(Path.of(BINARY))) {
            return Optional.of("No Chromium at " + BINARY + ".");
        }
        if (!Files.isExecutable(Path.of(DRIVER))) {
            return Optional.of("No ChromeDriver at " + DRIVER + ".");
        }
        return Optional.empty();
    }

    /** One browser process with its own profile; closed by JUnit when the test method ends. */
    private record Session(Browser browser, Path profile) implements ExtensionContext.Store.CloseableResource {

        /** A browser in the given language ({@link BrowserLanguage}), or in British English as every test has had it. */
        static Session start(String baseUrl, Optional<String> language) {
            Path profile;
            try {
                profile = Files.createTempDirectory("ola-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BINARY);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--user-data-dir=" + profile, "--disk-cache-dir=" + profile.resolve("cache"),
                    "--window-size=1400,1000", "--lang=" + language.orElse(DEFAULT_LANGUAGE));
            // Headless Chromium takes the languages it asks pages for from this preference, not from --lang.
            language.ifPresent(tag -> options.setExperimentalOption("prefs",
                    Map.of("intl.accept_languages", tag + "," + tag.split("-")[0])));
            // An explicit driver executable keeps Selenium Manager from looking for (or fetching) one.
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(DRIVER).toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("TZ", TIME_ZONE))
                    .build();
            return new Session(new Browser(new ChromeDriver(service, options), baseUrl), profile);
        }

        @Override
        public void close() throws IOException {
            try {
                browser.quit();
            } finally {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }
}
