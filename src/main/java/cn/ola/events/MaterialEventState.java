package cn.ola.events;

/** How far the CSRC's handling of a material event has come. */
public enum MaterialEventState {
    /** Reported; the CSRC has not acknowledged it yet. */
    REPORTED,
    /** Acknowledged; the CSRC considers it (again, after the company answered its questions). */
    ACKNOWLEDGED,
    /** The CSRC asked the company questions, which it has not answered yet. */
    QUESTIONS_ASKED,
    /** Concluded: the matter is closed. */
    CLOSED,
    /** Concluded: the matter is referred for further action. */
    REFERRED;

    public boolean concluded() {
        return this == CLOSED || this == REFERRED;
    }
}
