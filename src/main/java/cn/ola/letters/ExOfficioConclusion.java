package cn.ola.letters;

/** What the review office concluded in a review it opened on its own initiative, as its letter states it. */
public enum ExOfficioConclusion {
    /** No risk to national security remains: the review is closed and the interim measures lifted. */
    CLEARED,
    /** The company must rectify what the letter names. */
    RECTIFICATION_ORDERED,
    /** The matter goes to the competent authorities for penalties under the law. */
    REFERRED_FOR_PENALTIES
}
