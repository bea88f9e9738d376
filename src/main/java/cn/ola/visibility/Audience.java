package cn.ola.visibility;

/** Who may see something of a case: how much of it reaches the applicant company. */
enum Audience {
    /** The company sees it with its text: its own words, or a regulator's words addressed to it. */
    COMPANY,
    /** The company learns that it happened, not the text that was entered with it. */
    COMPANY_WITHOUT_TEXT,
    /** The regulators only. */
    REGULATORS
}
