package cn.ola.events;

import java.util.List;

/** A filing of a subsequent offering that cannot be taken as it is: each field with what is wrong with it. */
public class InvalidSubsequentOfferingException extends RuntimeException {

    /** {@code field}: exchange, completedOn or description. */
    public record FieldProblem(String field, Problem problem) {
    }

    public enum Problem {
        REQUIRED,
        /** Not an exchange code the application form knows. */
        UNKNOWN_VALUE,
        /** Not a date (yyyy-MM-dd). */
        NOT_A_DATE,
        /** A date after today: an offering is filed once it has been completed. */
        IN_THE_FUTURE,
        TOO_LONG
    }

    private final List<FieldProblem> problems;

    InvalidSubsequentOfferingException(List<FieldProblem> problems) {
        super("The filing has " + problems.size() + " problem(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
