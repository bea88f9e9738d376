package cn.ola.letters;

/** What the CSRC concluded on a listed company's later offering on its market, as its letter states it. */
public enum OfferingConclusion {
    /** The offering is filed: the letter is its filing notice. */
    FILED,
    /** The CSRC refuses to file the offering. */
    REFUSED
}
