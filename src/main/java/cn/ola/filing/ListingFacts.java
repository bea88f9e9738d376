package cn.ola.filing;

import java.time.LocalDate;
import java.util.List;

/** The listing (DESIGN §5): how and where the company lists, and when. */
public final class ListingFacts {

    /**
     * Not handed to the case: the screening decides the listing type itself (D5) and writes it to
     * the process variable {@code listingType}, which the company's own answer must not overwrite.
     */
    public static final Fact<String> LISTING_TYPE = Fact.code("listingType", List.of("DIRECT", "INDIRECT")).required();
    public static final Fact<String> ISSUER_TYPE = Fact.code("issuerType", List.of("PRC_JOINT_STOCK", "OFFSHORE"))
            .required().toScreening();
    public static final Fact<String> OFFSHORE_ISSUER = Fact.text("offshoreIssuer", 200).required()
            .describedAs(null, "Example Data Holdings Ltd. (Cayman)");
    public static final Fact<String> VENUE_EXCHANGE_NAME = Fact.text("venueExchangeName", 100)
            .requiredWhen(facts -> Exchanges.OTHER.equals(facts.get(ListingFacts.VENUE_EXCHANGE))).toProcess()
            .describedAs("The exchange's name, when venueExchange is OTHER", null);
    /** Overseas venues offered first (mainland China is none; Hong Kong is HK, Macau MO). */
    public static final Fact<String> VENUE_REGION = Fact.region("venueRegion", List.of("HK", "MO", "US", "GB", "SG",
            "DE", "CH", "JP", "KR", "CA", "AU", "FR", "NL", "LU")).overseas().required().toProcess()
            .describedAs("ISO 3166 alpha-2 code of the venue's country or region", "US");
    public static final Fact<String> VENUE_EXCHANGE = Fact.exchange("venueExchange").inRegionOf(VENUE_REGION)
            .otherNamedIn(VENUE_EXCHANGE_NAME).required().toProcess()
            .describedAs("Code of the exchange; it must be in the venue's country or region. OTHER for an exchange "
                    + "not on the list, named in venueExchangeName", "NYSE");
    public static final Fact<String> OFFERING_TYPE = Fact.code("offeringType",
            List.of("IPO", "FOLLOW_ON", "DUAL_PRIMARY", "TRANSFER")).required();
    public static final Fact<LocalDate> PLANNED_LISTING_DATE = Fact.date("plannedListingDate").required();
    public static final Fact<LocalDate> OVERSEAS_SUBMISSION_DATE = Fact.date("overseasSubmissionDate").toProcess()
            .describedAs("The day the overseas listing application was submitted, if it was", null);

    public static final FactSection SECTION = new FactSection("listing", List.of(LISTING_TYPE, ISSUER_TYPE,
            OFFSHORE_ISSUER, VENUE_REGION, VENUE_EXCHANGE, VENUE_EXCHANGE_NAME, OFFERING_TYPE, PLANNED_LISTING_DATE,
            OVERSEAS_SUBMISSION_DATE));

    private ListingFacts() {
    }
}
