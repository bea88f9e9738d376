package cn.ola.filing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;

/**
 * The exchanges the application knows, each in its country or region (ISO 3166), and how a reader
 * sees one: by its name in the reader's language, never by its code. An exchange not on the list is
 * {@link #OTHER}, named by the company.
 */
public final class Exchanges {

    /** An exchange not on the list: the company names it. */
    public static final String OTHER = "OTHER";
    /** Exchange code to country or region, in the order the form offers them. */
    public static final Map<String, String> REGIONS = regions(
            "HKEX", "HK", "NYSE", "US", "NASDAQ", "US", "LSE", "GB", "SGX", "SG", "FWB", "DE", "SIX", "CH",
            "TSE", "JP", "KRX", "KR", "TSX", "CA", "ASX", "AU", "EURONEXT_PARIS", "FR", "EURONEXT_AMSTERDAM", "NL",
            "LUXSE", "LU");
    /** Every code a company may give, {@link #OTHER} last. */
    public static final Set<String> CODES = codes();
    private static final String NAME = "exchange.";

    private Exchanges() {
    }

    /**
     * The exchange as a reader sees it: the name of a listed exchange in the reader's language, the
     * company's own name for another one; null when none is given.
     */
    public static String name(String code, String typedName, MessageSource messages, Locale locale) {
        if (code == null || code.isBlank()) {
            return null;
        }
        if (OTHER.equals(code)) {
            return typedName == null || typedName.isBlank() ? messages.getMessage(NAME + OTHER, null, locale) : typedName;
        }
        // A code from before the list (a running case's variable) is shown as it was typed.
        return messages.getMessage(NAME + code, null, code, locale);
    }

    /** The venue's exchange of an application as a reader sees it. */
    public static String venue(ApplicationFacts facts, MessageSource messages, Locale locale) {
        return name(facts.get(ListingFacts.VENUE_EXCHANGE), facts.get(ListingFacts.VENUE_EXCHANGE_NAME), messages, locale);
    }

    private static Map<String, String> regions(String... codesAndRegions) {
        Map<String, String> regions = new LinkedHashMap<>();
        for (int i = 0; i < codesAndRegions.length; i += 2) {
            regions.put(codesAndRegions[i], codesAndRegions[i + 1]);
        }
        return Collections.unmodifiableMap(regions);
    }

    private static Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>(REGIONS.keySet());
        codes.add(OTHER);
        return Collections.unmodifiableSet(codes);
    }
}
