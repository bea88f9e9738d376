package cn.ola.letters;

/** What the Cybersecurity Review Office concluded, as its conclusion letter states it. */
public enum ReviewConclusion {
    /** The listing does not affect national security. */
    CLEARED,
    /** The listing affects or may affect national security: the company may not list abroad. */
    PROHIBITED
}
