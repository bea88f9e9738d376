package cn.ola.calendar;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the yearly holiday data files ({@code cn-<year>.yaml}) and turns them into a
 * {@link WorkingDayCalendar}. Every file is checked strictly: a file we cannot trust must stop
 * the application rather than silently move statutory deadlines.
 */
final class CalendarDataFiles {

    static final String DEFAULT_LOCATION = "classpath*:calendar/cn-*.yaml";

    private static final Pattern FILE_NAME = Pattern.compile("cn-(\\d{4})\\.yaml");
    private static final int LONGEST_HOLIDAY_BLOCK = 31;

    private CalendarDataFiles() {
    }

    /** Every file found at the given resource patterns, sorted by year; one file per year. */
    static List<CalendarYear> load(String... locationPatterns) {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(CalendarDataFiles.class.getClassLoader());
        Map<Integer, Resource> fileOfYear = new TreeMap<>();
        List<CalendarYear> years = new ArrayList<>();
        for (String pattern : locationPatterns) {
            for (Resource resource : resources(resolver, pattern.trim())) {
                CalendarYear year = read(resource);
                Resource earlier = fileOfYear.putIfAbsent(year.year(), resource);
                if (earlier != null) {
                    throw new InvalidCalendarDataException("Two holiday data files for " + year.year() + ": "
                            + earlier.getDescription() + " and " + resource.getDescription());
                }
                years.add(year);
            }
        }
        years.sort(Comparator.comparingInt(CalendarYear::year));
        return years;
    }

    static WorkingDayCalendar calendarOf(Collection<CalendarYear> years) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workingWeekends = new HashSet<>();
        Set<Integer> yearsWithData = new HashSet<>();
        Set<Integer> provisionalYears = new HashSet<>();
        for (CalendarYear year : years) {
            holidays.addAll(year.holidays().keySet());
            workingWeekends.addAll(year.workingWeekends().keySet());
            yearsWithData.add(year.year());
            if (year.provisional()) {
                provisionalYears.add(year.year());
            }
        }
        return new WorkingDayCalendar(holidays, workingWeekends, yearsWithData, provisionalYears);
    }

    static CalendarYear read(Resource resource) {
        String file = resource.getFilename();
        Object document;
        try (Reader reader = new InputStreamReader(resource.getInputStream(), UTF_8)) {
            document = yaml().load(reader);
        } catch (YAMLException e) {
            throw new InvalidCalendarDataException("Holiday data file " + file + " is not valid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidCalendarDataException("Cannot read holiday data file " + resource.getDescription(), e);
        }
        try {
            return parse(file, document);
        } catch (IllegalArgumentException e) {
            // The message says it all; the stack trace of a validation would only hide it.
            throw new InvalidCalendarDataException("Holiday data file " + file + ": " + e.getMessage());
        }
    }

    private static Resource[] resources(ResourcePatternResolver resolver, String pattern) {
        try {
            return resolver.getResources(pattern);
        } catch (IOException e) {
            throw new InvalidCalendarDataException("Cannot list holiday data files at " + pattern, e);
        }
    }

    private static CalendarYear parse(String file, Object document) {
        Map<String, Object> root = mapping(document, "the document");
        allowOnly(root, "the document", "year", "source", "provisional", "note", "holidays", "workingWeekends");
        int year = integer(root.get("year"), "year");
        Matcher name = FILE_NAME.matcher(file == null ? "" : file);
        if (!name.matches()) {
            throw new IllegalArgumentException("the file name must be cn-<year>.yaml");
        }
        if (Integer.parseInt(name.group(1)) != year) {
            throw new IllegalArgumentException("the file name says " + name.group(1) + " but year is " + year);
        }
        return new CalendarYear(year, notice(root.get("source")), flag(root.get("provisional"), "provisional"),
                optionalText(root.get("note"), "note"), holidays(root.get("holidays")), workingWeekends(root.get("workingWeekends")));
    }

    private static CalendarYear.Notice notice(Object value) {
        Map<String, Object> source = mapping(value, "source");
        allowOnly(source, "source", "title", "reference", "date");
        return new CalendarYear.Notice(text(source.get("title"), "source.title"),
                optionalText(source.get("reference"), "source.reference"), date(source.get("date"), "source.date"));
    }

    private static SortedMap<LocalDate, String> holidays(Object value) {
        SortedMap<LocalDate, String> days = new TreeMap<>();
        List<?> entries = list(value, "holidays");
        for (int i = 0; i < entries.size(); i++) {
            String where = "holidays entry " + (i + 1);
            Map<String, Object> entry = mapping(entries.get(i), where);
            allowOnly(entry, where, "name", "date", "from", "to");
            String name = text(entry.get("name"), where + " name");
            LocalDate from;
            LocalDate to;
            if (entry.containsKey("date")) {
                if (entry.containsKey("from") || entry.containsKey("to")) {
                    throw new IllegalArgumentException(where + " (" + name + ") has a date and a from/to range; give one of them");
                }
                from = date(entry.get("date"), where + " date");
                to = from;
            } else {
                from = date(entry.get("from"), where + " from");
                to = date(entry.get("to"), where + " to");
            }
            if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= LONGEST_HOLIDAY_BLOCK) {
                throw new IllegalArgumentException(where + " (" + name + ") runs from " + from + " to " + to
                        + ", which is not a holiday block");
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                String earlier = days.putIfAbsent(day, name);
                if (earlier != null) {
                    throw new IllegalArgumentException(day + " is listed twice as a holiday (" + earlier + "; " + name + ")");
                }
            }
        }
        return days;
    }

    private static SortedMap<LocalDate, String> workingWeekends(Object value) {
        SortedMap<LocalDate, String> days = new TreeMap<>();
        List<?> entries = list(value, "workingWeekends");
        for (int i = 0; i < entries.size(); i++) {
            String where = "workingWeekends entry " + (i + 1);
            Map<String, Object> entry = mapping(entries.get(i), where);
            allowOnly(entry, where, "name", "date");
            String name = text(entry.get("name"), where + " name");
            LocalDate day = date(entry.get("date"), where + " date");
            if (days.putIfAbsent(day, name) != null) {
                throw new IllegalArgumentException(day + " is listed twice as a make-up working day");
            }
        }
        return days;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + " must be a mapping of keys to values");
        }
        return new LinkedHashMap<>((Map<String, Object>) map);
    }

    private static void allowOnly(Map<String, Object> map, String where, String... keys) {
        Set<Object> unknown = new HashSet<>(map.keySet());
        List.of(keys).forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + " has unknown keys " + unknown + "; expected some of " + List.of(keys));
        }
    }

    private static List<?> list(Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + " must be a list (write [] for none)");
        }
        return list;
    }

    private static int integer(Object value, String where) {
        if (!(value instanceof Integer number)) {
            throw new IllegalArgumentException(where + " must be a whole number, not " + value);
        }
        return number;
    }

    private static boolean flag(Object value, String where) {
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw new IllegalArgumentException(where + " must be true or false, not " + value);
        }
        return flag;
    }

    private static String text(Object value, String where) {
        String text = optionalText(value, where);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(where + " is missing");
        }
        return text;
    }

    private static String optionalText(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(where + " must be text, not " + value);
        }
        return text.strip();
    }

    private static LocalDate date(Object value, String where) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(where + " must be a date (yyyy-mm-dd), not " + value);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(where + ": " + text + " is not a date (yyyy-mm-dd)");
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options, new DatesStayText());
    }

    /**
     * YAML 1.1 turns 2025-02-30 into 2 March without a word; keeping dates as text lets
     * {@link LocalDate#parse} reject them.
     */
    private static final class DatesStayText extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }
}
