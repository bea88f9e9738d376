package cn.ola.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

class CalendarConfigTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Nested
    class BundledFiles {

        private final List<CalendarYear> years = CalendarDataFiles.load(CalendarDataFiles.DEFAULT_LOCATION);

        @Test
        void eachYearNamesTheNoticeItComesFrom() {
            assertThat(years).extracting(CalendarYear::year).containsExactly(2025, 2026, 2027);
            assertThat(years.get(0).source()).isEqualTo(new CalendarYear.Notice(
                    "国务院办公厅关于2025年部分节假日安排的通知", "国办发明电〔2024〕12号", LocalDate.of(2024, 11, 12)));
            assertThat(years.get(1).source()).isEqualTo(new CalendarYear.Notice(
                    "国务院办公厅关于2026年部分节假日安排的通知", "国办发明电〔2025〕7号", LocalDate.of(2025, 11, 4)));
        }

        @Test
        void theNoticesYearsAreFinalAnd2027IsProvisionalWithoutMakeUpDays() {
            assertThat(years).extracting(CalendarYear::provisional).containsExactly(false, false, true);
            assertThat(years.get(2).workingWeekends()).isEmpty();
            assertThat(years.get(2).note()).contains("Statutory public holidays only");
        }

        @Test
        void everyDayCarriesItsHolidaysName() {
            assertThat(years.get(0).holidays()).containsEntry(LocalDate.of(2025, 1, 28), "春节 Spring Festival");
            assertThat(years.get(0).workingWeekends()).containsEntry(LocalDate.of(2025, 9, 28),
                    "国庆节、中秋节 National Day and Mid-Autumn Festival");
            assertThat(years.get(1).workingWeekends()).containsOnlyKeys(
                    LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                    LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        }
    }

    @Nested
    class Validation {

        @Test
        void aValidFileBecomesACalendar() {
            WorkingDayCalendar calendar = CalendarDataFiles.calendarOf(CalendarDataFiles.load(sample("valid")));
            assertThat(calendar.yearsWithData()).containsExactly(2030);
            assertThat(calendar.isWorkingDay(LocalDate.of(2030, 2, 4))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2030, 2, 2))).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "holiday-and-makeup   | 2030-02-02 is both a holiday (Spring Festival) and a make-up working day",
                "holiday-outside-year | 2031-01-01 (holiday, New Year's Day) lies outside 2030",
                "makeup-outside-year  | 2029-12-29 (make-up working day, New Year's Day) lies outside 2030",
                "weekday-makeup       | 2030-02-11 is listed as a make-up working day (Spring Festival) but is a MONDAY",
                "not-a-date           | holidays entry 1 to: 2030-02-30 is not a date",
                "holiday-twice        | 2030-02-05 is listed twice as a holiday",
                "malformed            | is not valid YAML",
                "unknown-key          | unknown keys [workingWeekend]",
                "missing-source       | source must be a mapping",
                "year-mismatch        | the file name says 2030 but year is 2031"})
        void anUntrustworthyFileIsRejectedNamingTheFileAndTheDate(String sample, String problem) {
            assertThatThrownBy(() -> CalendarDataFiles.load(sample(sample)))
                    .isInstanceOf(InvalidCalendarDataException.class)
                    .hasMessageContaining("cn-2030.yaml")
                    .hasMessageContaining(problem);
        }

        @Test
        void twoFilesForOneYearAreRejected() {
            assertThatThrownBy(() -> CalendarDataFiles.load(sample("valid"), sample("valid")))
                    .isInstanceOf(InvalidCalendarDataException.class)
                    .hasMessageContaining("Two holiday data files for 2030");
        }
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    class Startup {

        @Test
        void theApplicationGetsTheCalendarOfTheBundledFilesAndWarnsAboutMissingAndProvisionalYears(CapturedOutput output) {
            contextAt("2026-06-01").run(context -> {
                assertThat(context).hasNotFailed();
                WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
                assertThat(calendar.yearsWithData()).containsExactly(2025, 2026, 2027);
                assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).as("Sunday 4 January 2026, worked").isTrue();
            });
            assertThat(output).contains("WARN").contains("No holiday data for 2028")
                    .contains("Provisional holiday data for 2027");
        }

        @Test
        void anUntrustworthyFileStopsTheStartNamingTheFileAndTheDate() {
            contextAt("2030-06-01")
                    .withPropertyValues("ola.calendar.locations=" + sample("holiday-and-makeup"))
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure()).rootCause()
                                .isInstanceOf(InvalidCalendarDataException.class)
                                .hasMessageContaining("cn-2030.yaml")
                                .hasMessageContaining("2030-02-02");
                    });
        }

        @Test
        void operatorsCanAddAYearFromAnotherLocation() {
            contextAt("2028-06-01")
                    .withPropertyValues("ola.calendar.locations=" + CalendarDataFiles.DEFAULT_LOCATION + "," + sample("valid"))
                    .run(context -> assertThat(context.getBean(WorkingDayCalendar.class).yearsWithData())
                            .containsExactly(2025, 2026, 2027, 2030));
        }
    }

    @Nested
    class HealthDetails {

        @Test
        void inMid2026TheHealthNames2028AsFallbackAnd2027AsProvisional() {
            Health health = healthAt("2026-06-01");
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("yearsWithData", List.of(2025, 2026, 2027))
                    .containsEntry("provisionalYears", List.of(2027))
                    .containsEntry("fallback", List.of(2028));
            assertThat((String) health.getDetails().get("message"))
                    .contains("No holiday data for 2028")
                    .contains("calendar/cn-2028.yaml")
                    .contains("Provisional holiday data for 2027");
        }

        @Test
        void in2025EveryYearUpTo2027HasDataSoOnlyTheProvisionalYearIsReported() {
            Map<String, Object> details = healthAt("2025-03-01").getDetails();
            assertThat(details).containsEntry("fallback", List.of()).containsEntry("provisionalYears", List.of(2027));
            assertThat((String) details.get("message")).doesNotContain("No holiday data");
        }

        @Test
        void aCalendarOfCompleteYearsSaysSo() {
            WorkingDayCalendar complete = CalendarDataFiles.calendarOf(CalendarDataFiles.load(sample("valid")));
            Health health = new WorkingDayCalendarHealthIndicator(complete, clockAt("2035-01-01")).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("fallback", List.of(2035, 2036, 2037));

            Health covered = new WorkingDayCalendarHealthIndicator(
                    new WorkingDayCalendar(Set.of(), Set.of(), Set.of(2030, 2031, 2032)),
                    clockAt("2030-01-01")).health();
            assertThat(covered.getDetails()).containsEntry("message", "Holiday data covers 2030 to 2032.");
        }

        @Test
        void theHealthEndpointShowsItAsComponentWorkingDayCalendar() {
            contextAt("2026-06-01").run(context -> {
                Health component = (Health) context.getBean(HealthEndpoint.class).healthForPath("workingDayCalendar");
                assertThat(component.getStatus()).isEqualTo(Status.UP);
                assertThat(component.getDetails()).containsEntry("fallback", List.of(2028));
            });
        }

        private Health healthAt(String day) {
            WorkingDayCalendar calendar = CalendarDataFiles.calendarOf(CalendarDataFiles.load(CalendarDataFiles.DEFAULT_LOCATION));
            return new WorkingDayCalendarHealthIndicator(calendar, clockAt(day)).health();
        }
    }

    private static ApplicationContextRunner contextAt(String day) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
                .withUserConfiguration(CalendarConfig.class)
                .withBean(Clock.class, () -> clockAt(day));
    }

    private static Clock clockAt(String day) {
        return Clock.fixed(LocalDate.parse(day).atStartOfDay(CHINA).toInstant(), CHINA);
    }

    private static String sample(String name) {
        return "classpath*:calendar-samples/" + name + "/cn-*.yaml";
    }

}
