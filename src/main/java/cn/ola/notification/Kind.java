package cn.ola.notification;

/** What a notification tells the company. */
enum Kind {
    /** The application was received. */
    RECEIPT,
    /** A regulator asks for materials or corrections. */
    REQUEST,
    /** A regulator decided on one of the steps. */
    DECISION,
    /** A decision letter is ready to download. */
    LETTER,
    /** The case ended. */
    OUTCOME,
    /** The company's own deadline is near. */
    REMINDER
}
