package cn.ola.applicant;

/**
 * One screening decision taken at submission (D1–D6): which decision, what it found and why.
 * {@code decision} is the decision key in {@code listing-screening.dmn}, e.g.
 * {@code cybersecurity-review-requirement}; {@code result} e.g. {@code MANDATORY}.
 */
public record Screening(String decision, String result, String reason) {
}
