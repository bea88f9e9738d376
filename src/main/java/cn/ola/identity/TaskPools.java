package cn.ola.identity;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;

import cn.ola.security.Roles;
import cn.ola.workflow.AgencyOpinionDefinitions;
import cn.ola.workflow.CaseModel;
import cn.ola.workflow.MemberAgencies.Agency;

/**
 * Which staff groups see and work every task of a process definition ("pooled"), and so need no
 * authorization row per task: one grant on the definition key serves them all, and their task
 * list costs what Camunda's task query costs without authorization. A grant on a definition
 * exposes every task of it through {@code /engine-rest/task}, by id, with its variables; so a
 * group is pooled only on definitions whose every task it may see:
 * <ul>
 * <li>the regulators' own staff on their definitions;</li>
 * <li>each member agency on its own opinion's definition alone ({@code member-agency-opinion-<agency>},
 * {@link AgencyOpinionDefinitions}), which holds nothing but what that agency was asked about.</li>
 * </ul>
 * Everyone else keeps a row per task and gets no definition grant: industry regulators
 * ({@code industry-approval}, where the regulator's task and a supervisor's follow-up share a
 * definition, is not pooled at all) and companies ({@code company-report} and
 * {@code supplementary-materials} go to one company each). A pooled definition therefore holds no
 * task of a group that is not pooled on it. {@code TaskPoolsTest} holds this table against the models.
 */
final class TaskPools {

    static final String OVERSEAS_LISTING = CaseModel.OVERSEAS_LISTING.key();
    static final String CYBERSECURITY_REVIEW = CaseModel.CYBERSECURITY_REVIEW.key();
    static final String DATA_PROTECTION_CHECKS = CaseModel.DATA_PROTECTION_CHECKS.key();
    static final String CSRC_FILING = CaseModel.CSRC_FILING.key();
    static final String MATERIAL_EVENT = CaseModel.MATERIAL_EVENT.key();
    static final String EX_OFFICIO_REVIEW = CaseModel.EX_OFFICIO_REVIEW.key();
    static final String SUBSEQUENT_OFFERING = CaseModel.SUBSEQUENT_OFFERING.key();

    /** Pooled group → the definition keys whose every task it sees and works. */
    static final Map<String, Set<String>> POOLED = pools();

    private static Map<String, Set<String>> pools() {
        Map<String, Set<String>> pools = new TreeMap<>();
        pools.put(Roles.CRO_REVIEWER, Set.of(CYBERSECURITY_REVIEW, DATA_PROTECTION_CHECKS, EX_OFFICIO_REVIEW));
        pools.put(Roles.CSRC_OFFICER, Set.of(OVERSEAS_LISTING, CSRC_FILING, MATERIAL_EVENT, SUBSEQUENT_OFFERING));
        // Supervisors follow up any passed deadline of the regulators' work, and watch all of it.
        pools.put(Roles.SUPERVISOR, Set.of(OVERSEAS_LISTING, CYBERSECURITY_REVIEW, DATA_PROTECTION_CHECKS, CSRC_FILING,
                MATERIAL_EVENT, EX_OFFICIO_REVIEW, SUBSEQUENT_OFFERING));
        for (Agency agency : Agency.values()) {
            pools.put(Roles.MEMBER_AGENCY_PREFIX + agency.code(), Set.of(agency.opinionProcess()));
        }
        return Collections.unmodifiableMap(pools);
    }

    /**
     * What a pooled group may do with the tasks of its definitions: what a candidate group's row
     * per task gives (read; update, which covers claim and complete), on the definition instead.
     */
    static final Permission[] PERMISSIONS = {Permissions.READ, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.UPDATE_TASK};

    private TaskPools() {
    }

    /** Every definition key that some group is pooled on. */
    static Set<String> pooledDefinitions() {
        Set<String> keys = new TreeSet<>();
        POOLED.values().forEach(keys::addAll);
        return keys;
    }
}
