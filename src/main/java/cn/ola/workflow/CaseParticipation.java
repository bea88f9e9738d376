package cn.ola.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

import cn.ola.filing.ApplicationNumber;
import cn.ola.security.Roles;

/**
 * Which cases a member of some staff groups may open (DESIGN §6a): the review office, the CSRC,
 * supervisors and administrators every case; a member agency or an industry regulator the cases
 * in which one of its groups was offered a task — now or before — and in them only its own
 * tasks. Read from Camunda's history of the candidate groups, so it holds for every process of a
 * case and after the task is done.
 */
@Service
public class CaseParticipation {

    /** The root process instances (one per case) in which one of the groups was a task's candidate. */
    private static final String ROOT_INSTANCES_OF_GROUPS = "SELECT L.ROOT_PROC_INST_ID_ FROM ACT_HI_IDENTITYLINK L "
            + "WHERE L.TYPE_ = 'candidate' AND L.GROUP_ID_ IN (%s)";

    private final HistoryService history;

    CaseParticipation(HistoryService history) {
        this.history = history;
    }

    /** A reader's groups and what they may see. */
    public record Reader(Set<String> groups) {

        public Reader {
            groups = Set.copyOf(groups);
        }

        public boolean seesEveryCase() {
            return Roles.seesEveryCase(groups);
        }

        /** Whether a task offered to these candidate groups is one of the reader's. */
        public boolean owns(Collection<String> candidateGroups) {
            return candidateGroups.stream().anyMatch(groups::contains);
        }
    }

    public boolean mayOpen(Reader reader, ApplicationNumber number) {
        if (reader.seesEveryCase()) {
            return true;
        }
        for (String group : reader.groups()) {
            if (history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number.toString())
                    .taskHadCandidateGroup(group).count() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The ids of the reader's own tasks in the case, open or done. */
    public Set<String> ownTaskIds(Reader reader, ApplicationNumber number) {
        return reader.groups().stream()
                .flatMap(group -> history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number.toString())
                        .taskHadCandidateGroup(group).list().stream())
                .map(HistoricTaskInstance::getId).collect(Collectors.toSet());
    }

    /**
     * A condition on a column holding a case's root process instance id that keeps the cases the
     * reader may open, with its parameters (none for a reader who sees every case), for searches
     * that page in the database.
     */
    public static Condition casesOf(Reader reader, String rootInstanceColumn) {
        if (reader.seesEveryCase()) {
            return new Condition("1 = 1", List.of());
        }
        if (reader.groups().isEmpty()) {
            return new Condition("1 = 0", List.of());
        }
        String placeholders = String.join(", ", reader.groups().stream().map(group -> "?").toList());
        return new Condition(rootInstanceColumn + " IN (" + ROOT_INSTANCES_OF_GROUPS.formatted(placeholders) + ")",
                List.copyOf(reader.groups()));
    }

    /** A piece of SQL and its parameters, in order. */
    public record Condition(String sql, List<Object> parameters) {
    }
}
