package cn.ola.portal;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;

import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.Exchanges;
import cn.ola.filing.ListingApplications.CloudContract;

/** The filled-in application as the regulator will read it: section by section, every value in words. */
final class ReviewRows {

    private static final Set<String> CODED = Set.of("listingType", "issuerType", "offeringType", "industry",
            "stateCloudMigrationStatus");
    private static final Set<String> REGIONS = Set.of("venueRegion", "mainPlaceOfBusiness");

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
            if (section == Section.COMPANY || section == Section.DOCUMENTS) {
                continue;
            }
            List<Row> rows = new ArrayList<>();
            for (String field : section.fields()) {
                if (field.equals("venueExchangeName")) {
                    continue; // shown as the exchange's name
                }
                if (field.equals("cloudContracts")) {
                    rows.add(contractsRow(contracts, messages, locale));
                    continue;
                }
                Object value = value(facts, field);
                String shown = switch (field) {
                    case "venueExchange" -> Exchanges.venue(facts, messages, locale);
                    case "previouslyListedExchange" -> Exchanges.name(facts.previouslyListedExchange(), null, messages, locale);
                    default -> null;
                };
                rows.add(new Row(field, messages.getMessage("applications.field." + field, null, field, locale),
                        shown != null ? shown : shown(field, value, messages, locale), value != null));
            }
            parts.add(new Part(section, rows));
        }
        return parts;
    }

    private static Row contractsRow(List<CloudContract> contracts, MessageSource messages, Locale locale) {
        String label = messages.getMessage("applications.field.cloudContracts", null, locale);
        if (contracts.isEmpty()) {
            return new Row("cloudContracts", label, messages.getMessage("applications.review.noContracts", null, locale), true);
        }
        List<String> lines = contracts.stream()
                .map(c -> messages.getMessage("applications.review.contract",
                        new Object[] {c.provider(), c.endDate() == null ? "—" : c.endDate().toString()}, locale))
                .toList();
        return new Row("cloudContracts", label, String.join("; ", lines), true);
    }

    private static String shown(String field, Object value, MessageSource messages, Locale locale) {
        if (value == null) {
            return messages.getMessage("applications.review.notGiven", null, locale);
        }
        if (value instanceof Boolean yes) {
            return messages.getMessage(yes ? "applications.yes" : "applications.no", null, locale);
        }
        if (CODED.contains(field)) {
            return messages.getMessage("applications.value." + field + "." + value, null, value.toString(), locale);
        }
        if (REGIONS.contains(field)) {
            return messages.getMessage("applications.region." + value, null, value.toString(), locale);
        }
        if (value instanceof Long number) {
            return NumberFormat.getIntegerInstance(locale).format(number);
        }
        if (value instanceof BigDecimal percent) {
            return percent.stripTrailingZeros().toPlainString() + " %";
        }
        return value.toString();
    }

    private static Object value(ApplicationFacts facts, String field) {
        for (RecordComponent component : ApplicationFacts.class.getRecordComponents()) {
            if (component.getName().equals(field)) {
                try {
                    return component.getAccessor().invoke(facts);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + field, e);
                }
            }
        }
        throw new IllegalArgumentException("No field " + field);
    }
}
