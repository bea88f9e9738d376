package cn.ola.applicant;

import java.util.List;

/**
 * What is wrong with an application as typed, field by field. A draft is saved only when its
 * fields are well-formed; it is submitted only when it is also complete.
 */
public class InvalidApplicationException extends RuntimeException {

    /**
     * {@code field}: a question's name ({@code cn.ola.filing.Fact#name()}), {@code cloudContracts[i].provider} /
     * {@code cloudContracts[i].endDate}, or {@code documents.<KIND>}. {@code problem}: see {@link Problem}.
     */
    /**
     * A problem with one field; {@code because} names the screening decision that calls for a
     * document ({@code CYBERSECURITY_REVIEW}, {@code PI_EXPORT}), else it is null.
     */
    public record FieldProblem(String field, Problem problem, String because) {

        public FieldProblem(String field, Problem problem) {
            this(field, problem, null);
        }
    }

    public enum Problem {
        REQUIRED, NEGATIVE, OUT_OF_RANGE, UNKNOWN_VALUE, TOO_LONG, DOCUMENT_MISSING,
        /** A venue in mainland China, where an overseas listing cannot be. */
        NOT_OVERSEAS,
        /** An exchange that is not in the venue's country or region. */
        NOT_IN_REGION,
        /** The market where the case is listed already: a later offering there is no new listing abroad. */
        SAME_MARKET
    }

    private final List<FieldProblem> problems;

    InvalidApplicationException(List<FieldProblem> problems) {
        super("The application has " + problems.size() + " problem(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
