package cn.ola.support;

import java.math.BigDecimal;
import java.time.LocalDate;

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
        return new ApplicationFacts("INDIRECT", "OFFSHORE", issuer, exchange, region, "IPO", today.plusMonths(6), applied,
                true, false, false, users, exportedNonSensitive, 0L, true, true, industry, new BigDecimal("92.5"),
                new BigDecimal("88.0"), new BigDecimal("75.0"), new BigDecimal("70.0"), true, "CN", null, false, false,
                false, false, false, stateAssetsSupervisor, stateCloudMigrationStatus);
    }
}
