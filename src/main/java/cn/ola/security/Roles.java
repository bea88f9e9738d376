package cn.ola.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The Camunda groups of DESIGN §3 and the Spring Security roles derived from them. Groups are
 * the single source of truth (managed in Camunda Admin); roles only summarise them for URL rules.
 */
public final class Roles {

    public static final String CRO_REVIEWER = "cro-reviewer";
    public static final String CSRC_OFFICER = "csrc-officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    public static final String MEMBER_AGENCY_PREFIX = "review-member-agency-";
    public static final String INDUSTRY_REGULATOR_PREFIX = "industry-regulator-";
    public static final String COMPANY_PREFIX = "company-";

    /** Role of anyone working for a regulator or administering the processes. */
    public static final String STAFF = "STAFF";
    /** Role of the process administrators (Cockpit, Admin, actuator details). */
    public static final String ADMIN = "ADMIN";
    /** Role of the supervisors who receive escalations and watch the pipeline. */
    public static final String SUPERVISOR_ROLE = "SUPERVISOR";
    /** Role of a user of an applicant company. */
    public static final String COMPANY = "COMPANY";

    private static final Set<String> FIXED_STAFF_GROUPS = Set.of(CRO_REVIEWER, CSRC_OFFICER, SUPERVISOR, CAMUNDA_ADMIN);
    /**
     * The groups that see every case (DESIGN §6a): the review office, the CSRC, supervisors and
     * administrators. Member agencies and industry regulators see only the cases they were asked about.
     */
    private static final Set<String> EVERY_CASE_GROUPS = Set.of(CRO_REVIEWER, CSRC_OFFICER, SUPERVISOR, CAMUNDA_ADMIN);
    private static final List<String> STAFF_GROUP_PREFIXES = List.of(MEMBER_AGENCY_PREFIX, INDUSTRY_REGULATOR_PREFIX);

    private Roles() {
    }

    public static boolean isStaffGroup(String groupId) {
        return FIXED_STAFF_GROUPS.contains(groupId) || STAFF_GROUP_PREFIXES.stream().anyMatch(groupId::startsWith);
    }

    /** Whether a member of these groups may see every case, or only those its groups were asked about. */
    public static boolean seesEveryCase(Collection<String> groupIds) {
        return groupIds.stream().anyMatch(EVERY_CASE_GROUPS::contains);
    }

    public static boolean isCompanyGroup(String groupId) {
        return groupId.startsWith(COMPANY_PREFIX);
    }

    public static String companyGroup(String creditCode) {
        return COMPANY_PREFIX + creditCode;
    }

    /** The roles a member of these groups holds. */
    public static Set<String> rolesOf(Collection<String> groupIds) {
        var roles = new java.util.TreeSet<String>();
        for (String group : groupIds) {
            if (isStaffGroup(group)) {
                roles.add(STAFF);
            }
            if (CAMUNDA_ADMIN.equals(group)) {
                roles.add(ADMIN);
            }
            if (SUPERVISOR.equals(group)) {
                roles.add(SUPERVISOR_ROLE);
            }
            if (isCompanyGroup(group)) {
                roles.add(COMPANY);
            }
        }
        return roles;
    }
}
