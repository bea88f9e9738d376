package cn.ola.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Business and domestic shares (DESIGN §5): what makes a listing indirect, and any earlier listing abroad. */
public final class BusinessFacts {

    /**
     * The industries the application knows: one list for the form, the API and the decisions
     * ({@code industry-prior-approval} names those that need a regulator's approval).
     */
    public static final List<String> INDUSTRIES = List.of("INTERNET", "SOFTWARE", "E_COMMERCE", "MANUFACTURING",
            "BANKING", "INSURANCE", "SECURITIES", "TELECOMMUNICATIONS", "HEALTHCARE", "EDUCATION", "ENERGY",
            "REAL_ESTATE", "TOBACCO", "OTHER");

    public static final Fact<String> INDUSTRY = Fact.code("industry", INDUSTRIES).required().toProcess()
            .describedAs(null, "SOFTWARE");
    public static final Fact<BigDecimal> DOMESTIC_REVENUE_PCT = Fact.percent("domesticRevenuePct").required()
            .toScreening().describedAs(null, "92.5");
    public static final Fact<BigDecimal> DOMESTIC_PROFIT_PCT = Fact.percent("domesticProfitPct").required().toScreening();
    public static final Fact<BigDecimal> DOMESTIC_ASSETS_PCT = Fact.percent("domesticAssetsPct").required().toScreening();
    public static final Fact<BigDecimal> DOMESTIC_NET_ASSETS_PCT = Fact.percent("domesticNetAssetsPct").required()
            .toScreening();
    public static final Fact<Boolean> MANAGEMENT_MOSTLY_PRC = Fact.yesNo("managementMostlyPrc").required().toScreening();
    /** Places of business offered: mainland China, then the overseas venues. */
    public static final Fact<String> MAIN_PLACE_OF_BUSINESS = Fact.region("mainPlaceOfBusiness", List.of("CN", "HK",
            "MO", "US", "GB", "SG", "DE", "CH", "JP", "KR", "CA", "AU", "FR", "NL", "LU")).required().toScreening()
            .describedAs(null, "CN");
    public static final Fact<LocalDate> PREVIOUSLY_LISTED_ABROAD_ON = Fact.date("previouslyListedAbroadOn").toScreening()
            .describedAs("The day the company was first listed abroad, if it was", null);
    public static final Fact<String> PREVIOUSLY_LISTED_EXCHANGE = Fact.exchange("previouslyListedExchange")
            .requiredWhen(facts -> facts.get(BusinessFacts.PREVIOUSLY_LISTED_ABROAD_ON) != null).toScreening()
            .describedAs("Code of the exchange where the company is listed since previouslyListedAbroadOn (same codes "
                    + "as venueExchange); required with that date", "NASDAQ");

    public static final FactSection SECTION = new FactSection("business", List.of(INDUSTRY, DOMESTIC_REVENUE_PCT,
            DOMESTIC_PROFIT_PCT, DOMESTIC_ASSETS_PCT, DOMESTIC_NET_ASSETS_PCT, MANAGEMENT_MOSTLY_PRC,
            MAIN_PLACE_OF_BUSINESS, PREVIOUSLY_LISTED_ABROAD_ON, PREVIOUSLY_LISTED_EXCHANGE));

    private BusinessFacts() {
    }
}
