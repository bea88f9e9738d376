package cn.ola.identity;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.ola.company.Companies;
import cn.ola.company.NewCompany;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.ops.StartupLock;
import cn.ola.security.Roles;

/**
 * Development only (profile {@code dev}): one account for every role, so that a newcomer can try
 * each side of the system at once. Every demo password is {@value #PASSWORD}.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "ola.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "demo";
    static final UnifiedSocialCreditCode DEMO_COMPANY_CODE = UnifiedSocialCreditCode.parse("91110000MA01ABCD2Q");

    record DemoUser(String id, String firstName, String lastName, String groupId, String groupName) {
    }

    static final List<DemoUser> STAFF = List.of(
            new DemoUser("admin", "Ada", "Admin", Roles.CAMUNDA_ADMIN, "Process administrators"),
            new DemoUser("cro", "Chen", "Rui", Roles.CRO_REVIEWER, "Cybersecurity Review Office reviewers"),
            new DemoUser("ndrc", "Nie", "Dong", Roles.MEMBER_AGENCY_PREFIX + "ndrc", "Member agency: NDRC"),
            new DemoUser("miit", "Ma", "Ting", Roles.MEMBER_AGENCY_PREFIX + "miit", "Member agency: MIIT"),
            new DemoUser("csrc", "Cao", "Shan", Roles.CSRC_OFFICER, "CSRC filing officers"),
            new DemoUser("tobacco", "Tang", "Bo", Roles.INDUSTRY_REGULATOR_PREFIX + "tobacco",
                    "Industry regulator: State Tobacco Monopoly Administration"),
            new DemoUser("supervisor", "Song", "Wei", Roles.SUPERVISOR, "Supervisors"));

    static final String COMPANY_USER = "compliance";

    private final Accounts accounts;
    private final Companies companies;
    private final StartupLock startupLock;

    DemoAccounts(Accounts accounts, Companies companies, StartupLock startupLock) {
        this.startupLock = startupLock;
        this.accounts = accounts;
        this.companies = companies;
    }

    @Override
    public void run(ApplicationArguments args) {
        startupLock.inTurn(this::ensureDemoAccounts);
    }

    private void ensureDemoAccounts() {
        for (DemoUser user : STAFF) {
            accounts.ensureGroup(user.groupId(), user.groupName(),
                    Roles.CAMUNDA_ADMIN.equals(user.groupId()) ? Accounts.SYSTEM_GROUP_TYPE : Accounts.STAFF_GROUP_TYPE);
            accounts.ensureUser(user.id(), user.firstName(), user.lastName(), user.id() + "@regulator.example.cn",
                    PASSWORD, user.groupId());
        }
        var company = companies.findByCreditCode(DEMO_COMPANY_CODE).orElseGet(() -> companies.register(new NewCompany(
                DEMO_COMPANY_CODE, "示例数据科技股份有限公司", "Example Data Technology Co., Ltd.",
                "李华 Li Hua", "compliance@example-data.cn", "+86 10 6500 0000")));
        accounts.ensureUser(COMPANY_USER, "Hua", "Li", "compliance@example-data.cn", PASSWORD, company.groupId());
        // The second regulator named in the screening table, without a demo user.
        accounts.ensureGroup(Roles.INDUSTRY_REGULATOR_PREFIX + "nfra", "Industry regulator: National Financial Regulatory Administration",
                Accounts.STAFF_GROUP_TYPE);
    }
}
