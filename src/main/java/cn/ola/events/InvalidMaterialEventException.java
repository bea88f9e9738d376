package cn.ola.events;

import java.util.List;

/** A report that cannot be taken as it is: each field with what is wrong with it. */
public class InvalidMaterialEventException extends RuntimeException {

    /** {@code field}: kind, announcedOn or description. */
    public record FieldProblem(String field, Problem problem) {
    }

    public enum Problem {
        REQUIRED,
        /** Not one of {@link MaterialEventKind}. */
        UNKNOWN_VALUE,
        /** Not a date (yyyy-MM-dd). */
        NOT_A_DATE,
        /** A date after today: an event is reported once it has been announced. */
        IN_THE_FUTURE,
        TOO_LONG
    }

    private final List<FieldProblem> problems;

    InvalidMaterialEventException(List<FieldProblem> problems) {
        super("The report has " + problems.size() + " problem(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
