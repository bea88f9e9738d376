package cn.ola.bench;

import java.util.ArrayList;
import java.util.List;

import cn.ola.company.CompanyUsers;
import cn.ola.company.NewCompany;
import cn.ola.company.NewUser;
import cn.ola.company.UnifiedSocialCreditCode;
import cn.ola.identity.Accounts;
import cn.ola.security.Roles;

/**
 * The people of a benchmark run: one user per staff group the cases reach, and companies that
 * registered the way the portal registers them (company and first user together).
 */
final class BenchPeople {

    static final String PASSWORD = "bench";
    static final String BASELINE_GROUP = "bench-worker";
    static final String BASELINE_USER = "bench-worker-1";

    /** A staff user and the one group it acts for. */
    record Staff(String user, String group) {
    }

    static final Staff CSRC = new Staff("bench-csrc", Roles.CSRC_OFFICER);
    static final Staff CRO = new Staff("bench-cro", Roles.CRO_REVIEWER);
    static final Staff NDRC = new Staff("bench-ndrc", Roles.MEMBER_AGENCY_PREFIX + "ndrc");
    static final Staff MIIT = new Staff("bench-miit", Roles.MEMBER_AGENCY_PREFIX + "miit");
    static final Staff SUPERVISOR = new Staff("bench-supervisor", Roles.SUPERVISOR);

    /** A registered company and its user. */
    record BenchCompany(String user, String creditCode, String nameZh) {
    }

    final List<BenchCompany> companies;

    private BenchPeople(List<BenchCompany> companies) {
        this.companies = companies;
    }

    static BenchPeople create(RunningSystem system, int companyCount) {
        Accounts accounts = system.bean(Accounts.class);
        for (Staff staff : List.of(CSRC, CRO, NDRC, MIIT, SUPERVISOR)) {
            accounts.ensureUser(staff.user(), "Bench", staff.user(), staff.user() + "@regulator.example.cn", PASSWORD,
                    staff.group());
        }
        accounts.ensureGroup(BASELINE_GROUP, "Benchmark baseline workers", Accounts.STAFF_GROUP_TYPE);
        accounts.ensureUser(BASELINE_USER, "Bench", "Worker", "worker@example.cn", PASSWORD, BASELINE_GROUP);

        CompanyUsers companyUsers = system.bean(CompanyUsers.class);
        List<BenchCompany> companies = new ArrayList<>();
        for (int i = 1; i <= companyCount; i++) {
            String code = creditCode(i);
            String nameZh = "基准测试" + i + "号数据股份有限公司";
            String user = "bench-co-" + i;
            companyUsers.register(new NewCompany(UnifiedSocialCreditCode.parse(code), nameZh,
                    "Benchmark Data No. " + i + " Co., Ltd.", "王芳 Wang Fang", user + "@example.cn", "+86 10 6500 " + (1000 + i)),
                    new NewUser(user, "Fang", "Wang", user + "@example.cn", PASSWORD));
            companies.add(new BenchCompany(user, code, nameZh));
        }
        return new BenchPeople(companies);
    }

    /** A valid code: 17 characters made from the number, then the check character. */
    static String creditCode(int number) {
        String first17 = "91110000" + String.format("%09d", number);
        for (char check : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (UnifiedSocialCreditCode.isValid(first17 + check)) {
                return first17 + check;
            }
        }
        throw new IllegalStateException("No check character for " + first17);
    }
}
