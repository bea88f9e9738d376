package cn.ola.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import cn.ola.company.Company;
import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ApplicationNumber;
import cn.ola.filing.Fact;
import cn.ola.filing.FactSection;

/**
 * The variables a case starts with, and the inputs its screening reads: the filed facts in the types the
 * decisions and forms read (dates as ISO strings, percentages as doubles — no Java-serialised objects in the
 * engine). A case keeps as variables only the facts its models and forms read ({@link Fact#toProcessVariable()});
 * the rest of the screening's inputs are handed to it when it runs ({@link ScreeningInputs}).
 */
final class CaseVariables {

    private CaseVariables() {
    }

    /**
     * The names of the variables a case starts with: copies of what the application and its company hold, which
     * stay there (the case's variable history does not repeat them, see {@link LeanHistory}).
     */
    static final Set<String> NAMES = names();

    static Map<String, Object> of(ApplicationNumber number, Company company, ApplicationFacts facts, LocalDate submittedOn) {
        Map<String, Object> v = filedFacts(facts);
        v.put(ProcessVariables.APPLICATION_NUMBER, number.toString());
        v.put(ProcessVariables.COMPANY_GROUP, company.groupId());
        v.put(ProcessVariables.COMPANY_NAME, company.nameZh());
        v.put(ProcessVariables.SUBMITTED_ON, submittedOn.toString());
        return v;
    }

    /** The filed facts a case keeps as variables ({@link Fact#toProcessVariable()}), as it keeps them. */
    static Map<String, Object> filedFacts(ApplicationFacts facts) {
        return values(facts, Fact::toProcessVariable);
    }

    /**
     * The filed facts as the screening decisions read them (also before submission, see {@link RequiredDocuments}):
     * every question the screening takes ({@link Fact#toScreeningDecisions()}), under its own name, and the cloud
     * contracts' earliest end.
     */
    static Map<String, Object> screeningInputs(ApplicationFacts facts, LocalDate earliestCloudContractEnd) {
        Map<String, Object> v = values(facts, Fact::toScreeningDecisions);
        v.put(ProcessVariables.USES_THIRD_PARTY_CLOUD, earliestCloudContractEnd != null);
        v.put(ProcessVariables.EARLIEST_CLOUD_CONTRACT_END, earliestCloudContractEnd == null ? null
                : earliestCloudContractEnd.toString());
        return v;
    }

    /** The answers to the questions taken, each under its own name, in the type the engine keeps. */
    private static Map<String, Object> values(ApplicationFacts facts, Predicate<Fact<?>> taken) {
        Map<String, Object> v = new HashMap<>();
        for (Fact<?> fact : FactSection.allFacts()) {
            if (taken.test(fact)) {
                v.put(fact.name(), processValue(fact, facts));
            }
        }
        return v;
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>(Set.of(ProcessVariables.APPLICATION_NUMBER, ProcessVariables.COMPANY_GROUP,
                ProcessVariables.COMPANY_NAME, ProcessVariables.SUBMITTED_ON));
        FactSection.allFacts().stream().filter(Fact::toProcessVariable).map(Fact::name).forEach(names::add);
        return Set.copyOf(names);
    }

    private static <T> Object processValue(Fact<T> fact, ApplicationFacts facts) {
        T value = facts.get(fact);
        return value == null ? null : fact.processValue(value);
    }
}
