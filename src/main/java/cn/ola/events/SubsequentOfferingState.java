package cn.ola.events;

/** How far the CSRC's handling of a subsequent offering's filing has come. */
public enum SubsequentOfferingState {
    /** Filed; the CSRC has not found it complete yet. */
    FILED,
    /** The CSRC asked for a supplement, which the company has not sent yet. */
    SUPPLEMENT_REQUESTED,
    /** Found complete; the CSRC is concluding. */
    COMPLETE,
    /** Concluded: the CSRC issued the filing notice. */
    NOTICE_ISSUED,
    /** Concluded: the CSRC refused the filing. */
    REFUSED,
    /** Ended: the company withdrew the filing before the CSRC concluded. */
    WITHDRAWN;

    public boolean concluded() {
        return this == NOTICE_ISSUED || this == REFUSED || this == WITHDRAWN;
    }
}
