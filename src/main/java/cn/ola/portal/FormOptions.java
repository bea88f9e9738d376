package cn.ola.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.ola.applicant.ApplicationRules;

/**
 * The choices the form offers, in the order a user reads them. The allowed codes are those of
 * {@code ApplicationRules}; industries are those the screening decisions know plus common ones.
 */
final class FormOptions {

    static final List<String> LISTING_TYPES = List.of("DIRECT", "INDIRECT");
    static final List<String> ISSUER_TYPES = List.of("PRC_JOINT_STOCK", "OFFSHORE");
    static final List<String> OFFERING_TYPES = List.of("IPO", "FOLLOW_ON", "DUAL_PRIMARY", "TRANSFER");
    static final List<String> MIGRATION_STATUSES = List.of("NOT_STARTED", "IN_PROGRESS", "COMPLETED");
    static final List<String> INDUSTRIES = ApplicationRules.INDUSTRIES;
    /** Overseas venues offered first, as ISO 3166 alpha-2 codes (mainland China is none). */
    static final List<String> VENUE_REGIONS = List.of("HK", "MO", "US", "GB", "SG", "DE", "CH", "JP", "KR", "CA", "AU",
            "FR", "NL", "LU");
    /** The exchanges, by region as the list has them, then OTHER. */
    static final List<String> EXCHANGES = List.copyOf(ApplicationRules.EXCHANGE_CODES);
    /** Places of business offered: mainland China and the venues. */
    static final List<String> PLACES = Stream.concat(Stream.of(ApplicationRules.MAINLAND),
            VENUE_REGIONS.stream()).toList();

    private FormOptions() {
    }

    /** The choices, plus a saved value that is not among them (so that it is shown, not silently dropped). */
    static List<String> with(List<String> choices, String saved) {
        if (saved == null || saved.isBlank() || choices.contains(saved)) {
            return choices;
        }
        List<String> all = new ArrayList<>(choices);
        all.add(saved);
        return all;
    }
}
