package cn.ola.workflow;

/**
 * A task's name says which case it is for: {@code Check the application at intake · OLA-2026-000123 ·
 * 示例数据科技股份有限公司}. Tasklist's list shows a task's name, its process and its dates; the
 * variables a filter names show only to users who may read the whole process instance, which
 * staff may not (see {@link CaseTaskNamesPlugin}). Pages about one case show the step alone.
 */
public final class CaseTaskNames {

    static final String SEPARATOR = " · ";
    /** The length of the name columns of Camunda's task tables (ACT_RU_TASK, ACT_HI_TASKINST). */
    static final int MAX_LENGTH = 255;

    private CaseTaskNames() {
    }

    /** The step's name with the case's number and company; a company name too long for the column is cut short. */
    static String of(String step, String applicationNumber, String companyName) {
        String name = step + SEPARATOR + applicationNumber;
        if (companyName == null || companyName.isBlank()) {
            return name;
        }
        name = name + SEPARATOR + companyName.strip();
        return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH - 1) + "…";
    }

    /** Whether the name says which case already. */
    static boolean namesTheCase(String name) {
        return name != null && name.contains(SEPARATOR);
    }

    /** The step alone, for pages about one case: the name without the case's number and company. */
    public static String step(String taskName) {
        if (taskName == null) {
            return null;
        }
        int end = taskName.indexOf(SEPARATOR);
        return end < 0 ? taskName : taskName.substring(0, end);
    }
}
