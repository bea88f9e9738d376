package cn.ola.support;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.ola.filing.StateAssets;
import cn.ola.filing.ListingFacts;
import cn.ola.filing.Declarations;
import cn.ola.filing.DataFacts;
import cn.ola.filing.BusinessFacts;
import cn.ola.filing.ApplicationFacts;

/**
 * What a test files for a case, written once: an offshore holding company of a Chinese network platform
 * lists indirectly on the NYSE (initial public offering, in six months; applied abroad yesterday),
 * holding the personal information of 3,200,000 people (150,000 of them exported), mostly Chinese in
 * revenue, profit and management, without any of the declarations' concerns and not state-owned. Tests
 * change only what their case is about.
 */
public final class PlatformFacts {

    private String issuer = "Example Data Holdings Ltd. (Cayman)";
    private String exchange = "NYSE";
    private String region = "US";
    private LocalDate today = LocalDate.now();
    private boolean appliedAbroad = true;
    private LocalDate appliedAbroadOn;
    private long users = 3_200_000L;
    private long exportedNonSensitive = 150_000L;
    private String industry = "SOFTWARE";
    private String stateAssetsSupervisor;
    private String stateCloudMigrationStatus;

    private PlatformFacts() {
    }

    /** The platform as described above. */
    public static PlatformFacts platform() {
        return new PlatformFacts();
    }

    /** The exchange of the listing and its country or region. */
    public PlatformFacts venue(String exchange, String region) {
        this.exchange = exchange;
        this.region = region;
        return this;
    }

    /** The offshore company that lists. */
    public PlatformFacts issuer(String name) {
        this.issuer = name;
        return this;
    }

    /** The day the listing is planned from (six months later) and applied for abroad (the day before). */
    public PlatformFacts asOf(LocalDate today) {
        this.today = today;
        return this;
    }

    /** The day the company applied abroad; null when it has not yet. */
    public PlatformFacts appliedAbroadOn(LocalDate day) {
        this.appliedAbroad = day != null;
        this.appliedAbroadOn = day;
        return this;
    }

    /** People whose personal information the platform holds. */
    public PlatformFacts users(long people) {
        this.users = people;
        return this;
    }

    /** People whose (non-sensitive) personal information has been exported. */
    public PlatformFacts exported(long people) {
        this.exportedNonSensitive = people;
        return this;
    }

    public PlatformFacts industry(String industry) {
        this.industry = industry;
        return this;
    }

    /** State-owned, supervised by this assets supervisor, its cloud migration in this state. */
    public PlatformFacts stateOwned(String supervisor, String cloudMigrationStatus) {
        this.stateAssetsSupervisor = supervisor;
        this.stateCloudMigrationStatus = cloudMigrationStatus;
        return this;
    }

    public ApplicationFacts build() {
        LocalDate applied = appliedAbroad ? (appliedAbroadOn != null ? appliedAbroadOn : today.minusDays(1)) : null;
        return ApplicationFacts.NONE
                .with(ListingFacts.LISTING_TYPE, "INDIRECT")
                .with(ListingFacts.ISSUER_TYPE, "OFFSHORE")
                .with(ListingFacts.OFFSHORE_ISSUER, issuer)
                .with(ListingFacts.VENUE_EXCHANGE, exchange)
                .with(ListingFacts.VENUE_REGION, region)
                .with(ListingFacts.OFFERING_TYPE, "IPO")
                .with(ListingFacts.PLANNED_LISTING_DATE, today.plusMonths(6))
                .with(ListingFacts.OVERSEAS_SUBMISSION_DATE, applied)
                .with(DataFacts.NETWORK_PLATFORM_OPERATOR, true)
                .with(DataFacts.CIIO, false)
                .with(DataFacts.IMPORTANT_DATA, false)
                .with(DataFacts.PERSONAL_INFO_USERS, users)
                .with(DataFacts.PI_EXPORTED_NON_SENSITIVE, exportedNonSensitive)
                .with(DataFacts.PI_EXPORTED_SENSITIVE, 0L)
                .with(DataFacts.CONSENT_OBTAINED, true)
                .with(DataFacts.SENSITIVE_DATA_MINIMISED, true)
                .with(BusinessFacts.INDUSTRY, industry)
                .with(BusinessFacts.DOMESTIC_REVENUE_PCT, new BigDecimal("92.5"))
                .with(BusinessFacts.DOMESTIC_PROFIT_PCT, new BigDecimal("88.0"))
                .with(BusinessFacts.DOMESTIC_ASSETS_PCT, new BigDecimal("75.0"))
                .with(BusinessFacts.DOMESTIC_NET_ASSETS_PCT, new BigDecimal("70.0"))
                .with(BusinessFacts.MANAGEMENT_MOSTLY_PRC, true)
                .with(BusinessFacts.MAIN_PLACE_OF_BUSINESS, "CN")
                .with(Declarations.PROHIBITED_BY_LAW, false)
                .with(Declarations.NATIONAL_SECURITY_THREAT, false)
                .with(Declarations.RECENT_CRIMINAL_OFFENCE, false)
                .with(Declarations.UNDER_INVESTIGATION, false)
                .with(Declarations.OWNERSHIP_DISPUTE, false)
                .with(StateAssets.STATE_ASSETS_SUPERVISOR, stateAssetsSupervisor)
                .with(StateAssets.STATE_CLOUD_MIGRATION_STATUS, stateCloudMigrationStatus);
    }
}
