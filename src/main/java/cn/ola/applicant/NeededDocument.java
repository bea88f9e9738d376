package cn.ola.applicant;

/**
 * A document a draft needs before it can be submitted; {@code because} names the screening
 * decision that calls for it ({@code CYBERSECURITY_REVIEW}, {@code PI_EXPORT}), or is null for the
 * documents every application needs.
 */
public record NeededDocument(DocumentKind kind, String because) {

    public boolean always() {
        return because == null;
    }
}
