package cn.ola.letters;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a decision letter says, in both languages where it names something: the templates under
 * {@code letters/} lay it out. {@code decision} is the outcome the letter states (FILED, REFUSED,
 * CLEARED or PROHIBITED); {@code reasons} is the deciding officer's text as entered, where it is meant
 * for the company (see {@code CompanyView}), else null.
 */
record Letter(LetterKind kind, String applicationNumber, String companyNameZh, String companyNameEn, String creditCode,
        LocalDate issuedOn, String titleZh, String titleEn, String authorityZh, String authorityEn, String decision,
        String reasons, Particulars particulars, LocalDate measuresLiftedOn, String offering) {

    /** A letter on no later offering. */
    Letter(LetterKind kind, String applicationNumber, String companyNameZh, String companyNameEn, String creditCode,
            LocalDate issuedOn, String titleZh, String titleEn, String authorityZh, String authorityEn, String decision,
            String reasons, Particulars particulars, LocalDate measuresLiftedOn) {
        this(kind, applicationNumber, companyNameZh, companyNameEn, creditCode, issuedOn, titleZh, titleEn, authorityZh,
                authorityEn, decision, reasons, particulars, measuresLiftedOn, null);
    }

    /** A letter that lifts no interim measures. */
    Letter(LetterKind kind, String applicationNumber, String companyNameZh, String companyNameEn, String creditCode,
            LocalDate issuedOn, String titleZh, String titleEn, String authorityZh, String authorityEn, String decision,
            String reasons, Particulars particulars) {
        this(kind, applicationNumber, companyNameZh, companyNameEn, creditCode, issuedOn, titleZh, titleEn, authorityZh,
                authorityEn, decision, reasons, particulars, null);
    }

    /** Whether the letter names a later offering (as the company described it). */
    public boolean hasOffering() {
        return offering != null && !offering.isBlank();
    }

    /** Whether the letter says that interim measures are lifted. */
    public boolean liftsMeasures() {
        return measuresLiftedOn != null;
    }


    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** The listing as filed, for the filing notice: each value with its Chinese and English label. */
    record Particulars(String offshoreIssuer, String venueZh, String venueEn, String offeringZh, String offeringEn, String listingTypeZh,
            String listingTypeEn) {
    }

    public String issuedOnZh() {
        return CHINESE_DATE.format(issuedOn);
    }

    public String issuedOnEn() {
        return ENGLISH_DATE.format(issuedOn);
    }

    public boolean hasReasons() {
        return reasons != null && !reasons.isBlank();
    }

    public boolean hasEnglishName() {
        return companyNameEn != null && !companyNameEn.isBlank();
    }
}
