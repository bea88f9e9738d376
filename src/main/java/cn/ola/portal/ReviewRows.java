package cn.ola.portal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.Exchanges;
import cn.ola.filing.Fact;
import cn.ola.filing.ListingApplications.CloudContract;

/** The filled-in application as the regulator will read it: section by section, every value in words. */
final class ReviewRows {

    /** One section of the review with its rows. */
    record Part(Section section, List<Row> rows) {
    }

    record Row(String field, String label, String value, boolean given) {
    }

    private ReviewRows() {
    }

    static List<Part> of(ApplicationFacts facts, List<CloudContract> contracts, MessageSource messages, Locale locale) {
        List<Part> parts = new ArrayList<>();
        for (Section section : Section.values()) {
            if (section.facts().isEmpty()) {
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (Fact<?> fact : section.facts()) {
                if (section.namesOtherExchange(fact)) {
                    continue; // shown as the exchange's name
                }
                Object value = facts.get(fact);
                rows.add(new Row(fact.name(), messages.getMessage("applications.field." + fact.name(), null, fact.name(),
                        locale), shown(fact, value, facts, messages, locale), value != null));
            }
            if (section.hasCloudContracts()) {
                rows.add(contractsRow(contracts, messages, locale));
            }
            parts.add(new Part(section, rows));
        }
        return parts;
    }

    private static Row contractsRow(List<CloudContract> contracts, MessageSource messages, Locale locale) {
        String label = messages.getMessage("applications.field.cloudContracts", null, locale);
        if (contracts.isEmpty()) {
            return new Row(Section.CLOUD_CONTRACTS, label, messages.getMessage("applications.review.noContracts", null, locale),
                    true);
        }
        List<String> lines = contracts.stream()
                .map(c -> messages.getMessage("applications.review.contract",
                        new Object[] {c.provider(), c.endDate() == null ? "—" : c.endDate().toString()}, locale))
                .toList();
        return new Row(Section.CLOUD_CONTRACTS, label, String.join("; ", lines), true);
    }

    private static String shown(Fact<?> fact, Object value, ApplicationFacts facts, MessageSource messages, Locale locale) {
        if (value == null) {
            return messages.getMessage("applications.review.notGiven", null, locale);
        }
        return switch (fact.kind()) {
            case YES_NO -> messages.getMessage((Boolean) value ? "applications.yes" : "applications.no", null, locale);
            case CODE -> messages.getMessage("applications.value." + fact.name() + "." + value, null, value.toString(), locale);
            case REGION -> messages.getMessage("applications.region." + value, null, value.toString(), locale);
            case EXCHANGE -> Exchanges.name((String) value, fact.otherName() == null ? null : facts.get(fact.otherName()),
                    messages, locale);
            case PEOPLE -> NumberFormat.getIntegerInstance(locale).format(value);
            case PERCENT -> ((BigDecimal) value).stripTrailingZeros().toPlainString() + " %";
            case TEXT, DATE -> value.toString();
        };
    }
}
