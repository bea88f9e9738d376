package cn.ola.filing;

import java.util.List;

/** Data and users (DESIGN §5): what the company holds and exports, and how it treats personal information. */
public final class DataFacts {

    public static final Fact<Boolean> NETWORK_PLATFORM_OPERATOR = Fact.yesNo("networkPlatformOperator").required()
            .toProcess();
    public static final Fact<Boolean> CIIO = Fact.yesNo("ciio").required().toProcess()
            .describedAs("Critical information infrastructure operator", null);
    public static final Fact<Boolean> IMPORTANT_DATA = Fact.yesNo("importantData").required().toScreening();
    public static final Fact<Long> PERSONAL_INFO_USERS = Fact.people("personalInfoUsers").required().toProcess()
            .describedAs("People whose personal information the company holds", "3200000");
    public static final Fact<Long> PI_EXPORTED_NON_SENSITIVE = Fact.people("piExportedNonSensitive").required()
            .toProcess().describedAs("People whose non-sensitive personal information was exported since 1 January", null);
    public static final Fact<Long> PI_EXPORTED_SENSITIVE = Fact.people("piExportedSensitive").required().toProcess()
            .describedAs("People whose sensitive personal information was exported since 1 January", null);
    public static final Fact<Boolean> CONSENT_OBTAINED = Fact.yesNo("consentObtained").required().toProcess();
    public static final Fact<Boolean> SENSITIVE_DATA_MINIMISED = Fact.yesNo("sensitiveDataMinimised").required()
            .toProcess();

    public static final FactSection SECTION = new FactSection("data", List.of(NETWORK_PLATFORM_OPERATOR, CIIO,
            IMPORTANT_DATA, PERSONAL_INFO_USERS, PI_EXPORTED_NON_SENSITIVE, PI_EXPORTED_SENSITIVE, CONSENT_OBTAINED,
            SENSITIVE_DATA_MINIMISED));

    private DataFacts() {
    }
}
