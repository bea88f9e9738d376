package cn.ola.company;

/**
 * A unified social credit code that cannot be right; the message says which rule it breaks, in
 * English, and {@link #problem()} with its details lets a page say the same in the reader's language.
 */
public class InvalidCreditCodeException extends IllegalArgumentException {

    /** Which rule the code breaks. */
    public enum Problem {
        /** Nothing was given. */
        REQUIRED,
        /** Not 18 characters; {@link #length()} says how many. */
        WRONG_LENGTH,
        /** A character outside the code's alphabet at {@link #position()}, namely {@link #character()}. */
        BAD_CHARACTER,
        /** The last character does not match the first 17, which call for {@link #character()}. */
        WRONG_CHECK_CHARACTER
    }

    private final Problem problem;
    private final int length;
    private final int position;
    private final char character;

    public InvalidCreditCodeException(String message) {
        this(message, Problem.REQUIRED, 0, 0, '\0');
    }

    InvalidCreditCodeException(String message, Problem problem, int length, int position, char character) {
        super(message);
        this.problem = problem;
        this.length = length;
        this.position = position;
        this.character = character;
    }

    public Problem problem() {
        return problem;
    }

    /** The number of characters given (for every problem but REQUIRED). */
    public int length() {
        return length;
    }

    /** 1-based position of the offending character (BAD_CHARACTER; 18 for WRONG_CHECK_CHARACTER). */
    public int position() {
        return position;
    }

    /** BAD_CHARACTER: the character that cannot appear; WRONG_CHECK_CHARACTER: the check character expected. */
    public char character() {
        return character;
    }
}
