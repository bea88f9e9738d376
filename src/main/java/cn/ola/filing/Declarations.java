package cn.ola.filing;

import java.util.List;

/** The five declarations of Trial Measures Art. 8 (the negative list, D4): each answered yes or no. */
public final class Declarations {

    public static final Fact<Boolean> PROHIBITED_BY_LAW = declaration("declProhibitedByLaw", "listing prohibited by law");
    public static final Fact<Boolean> NATIONAL_SECURITY_THREAT = declaration("declNationalSecurityThreat",
            "threat to national security");
    public static final Fact<Boolean> RECENT_CRIMINAL_OFFENCE = declaration("declRecentCriminalOffence",
            "recent criminal offence");
    public static final Fact<Boolean> UNDER_INVESTIGATION = declaration("declUnderInvestigation", "under investigation");
    public static final Fact<Boolean> OWNERSHIP_DISPUTE = declaration("declOwnershipDispute", "ownership dispute");

    public static final FactSection SECTION = new FactSection("declarations", List.of(PROHIBITED_BY_LAW,
            NATIONAL_SECURITY_THREAT, RECENT_CRIMINAL_OFFENCE, UNDER_INVESTIGATION, OWNERSHIP_DISPUTE));

    private Declarations() {
    }

    private static Fact<Boolean> declaration(String name, String concern) {
        return Fact.yesNo(name).required().toScreening().describedAs("Art. 8 declaration: " + concern, null);
    }
}
