package cn.ola.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The questions of the application as their sections define them: what a new question needs besides its
 * constant (a label and the words of its codes in both languages) is there for every one, the stored
 * document gives back every answer, and the company's own listing type never reaches the case.
 */
class FactSectionTest {

    @Test
    void everyQuestionHasOneNameInTheFormOrder() {
        List<String> names = FactSection.allFacts().stream().map(Fact::name).toList();
        assertThat(names).doesNotHaveDuplicates().hasSize(33);
        assertThat(FactSection.all()).extracting(FactSection::path)
                .containsExactly("listing", "data", "business", "declarations", "state");
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages-applications.properties", "messages-applications_zh_CN.properties"})
    void everyQuestionIsLabelledAndEveryCodeWorded(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/" + bundle)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (Fact<?> fact : FactSection.allFacts()) {
            assertThat(messages.getProperty("applications.field." + fact.name())).as("label of %s in %s", fact, bundle)
                    .isNotBlank();
            if (fact.kind() == Fact.Kind.CODE) {
                for (String code : fact.codes()) {
                    assertThat(messages.getProperty("applications.value." + fact.name() + "." + code))
                            .as("%s %s in %s", fact, code, bundle).isNotBlank();
                }
            }
        }
    }

    @Test
    void theStoredDocumentGivesBackEveryAnswer() {
        ApplicationFacts facts = ApplicationFacts.NONE
                .with(ListingFacts.OFFSHORE_ISSUER, "示例控股 \"Cayman\"")
                .with(ListingFacts.PLANNED_LISTING_DATE, LocalDate.of(2027, 6, 1))
                .with(DataFacts.PERSONAL_INFO_USERS, 10_000_000_000L)
                .with(BusinessFacts.DOMESTIC_PROFIT_PCT, new BigDecimal("0.05"))
                .with(Declarations.OWNERSHIP_DISPUTE, true)
                .with(Declarations.UNDER_INVESTIGATION, false);

        assertThat(FactsJson.read(FactsJson.write(facts))).isEqualTo(facts);
        assertThat(FactsJson.read(FactsJson.write(ApplicationFacts.NONE))).isEqualTo(ApplicationFacts.NONE);
        assertThat(FactsJson.read("{\"aRetiredQuestion\": true, \"ciio\": false}"))
                .isEqualTo(ApplicationFacts.NONE.with(DataFacts.CIIO, false));
    }

    @Test
    void answersGivenAtOnceAreTakenAsEachAloneWouldBe() {
        ApplicationFacts before = ApplicationFacts.NONE.with(DataFacts.CIIO, true).with(ListingFacts.OFFSHORE_ISSUER, "Old Ltd.");
        Map<Fact<?>, Object> answers = new LinkedHashMap<>();
        answers.put(DataFacts.CIIO, null);
        answers.put(DataFacts.PERSONAL_INFO_USERS, 2_500_000L);
        answers.put(ListingFacts.OFFSHORE_ISSUER, "New Ltd.");

        assertThat(before.withValues(answers)).isEqualTo(before.withValue(DataFacts.CIIO, null)
                .withValue(DataFacts.PERSONAL_INFO_USERS, 2_500_000L).withValue(ListingFacts.OFFSHORE_ISSUER, "New Ltd."));
        assertThat(before.withValues(answers).get(DataFacts.CIIO)).as("an answer taken back").isNull();
        assertThatThrownBy(() -> before.withValues(Map.of(DataFacts.PERSONAL_INFO_USERS, "many")))
                .isInstanceOf(ClassCastException.class);
        assertThat(before.get(ListingFacts.OFFSHORE_ISSUER)).as("the facts it started from").isEqualTo("Old Ltd.");
    }

    @Test
    void theListingTypeTheCompanyStatesIsNotTheOneTheScreeningDecides() {
        assertThat(ListingFacts.LISTING_TYPE.toProcessVariable()).isFalse();
        assertThat(ListingFacts.LISTING_TYPE.toScreeningDecisions()).isFalse();
        assertThat(Declarations.OWNERSHIP_DISPUTE.toScreeningDecisions()).isTrue();
        assertThat(Declarations.OWNERSHIP_DISPUTE.toProcessVariable()).as("read by the screening only").isFalse();
        assertThat(ListingFacts.VENUE_REGION.toProcessVariable()).as("read by the staff forms").isTrue();
    }
}
