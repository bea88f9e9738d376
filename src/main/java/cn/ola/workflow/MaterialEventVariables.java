package cn.ola.workflow;

/**
 * The process variables of {@code material-event} that are its own; the case's variables it shares
 * with the other models (application number, company group and name, reasons, the materials a
 * question asks for and its answer) are in {@link ProcessVariables}.
 */
public final class MaterialEventVariables {

    private MaterialEventVariables() {
    }

    /** Id of the event's row in our table {@code material_events}. */
    public static final String MATERIAL_EVENT_ID = "materialEventId";
    /** What happened: a code of {@code events.MaterialEventKind}. */
    public static final String EVENT_KIND = "eventKind";
    /** ISO date on which the event was announced. */
    public static final String ANNOUNCED_ON = "announcedOn";
    /** ISO date on which the company reported it to us. */
    public static final String REPORTED_ON = "reportedOn";
    /** The company's account of the event, as reported. */
    public static final String EVENT_DESCRIPTION = "eventDescription";
    /** Whether the report came later than the rules allow after the announcement (set by the model). */
    public static final String LATE_REPORT = "lateReport";
    /** The officer's decision: QUESTIONS_ASKED, CLOSED or REFERRED. */
    public static final String EVENT_OUTCOME = "eventOutcome";
    /** The officer's latest question to the company, back from the questions with the answer for the conclusion form. */
    public static final String EVENT_QUESTION = "eventQuestion";

    /** The step under which the audit trail records the event's outcomes; also who asks the company's questions. */
    public static final String STEP = "MATERIAL_EVENT";

    public static final String CLOCK_ACKNOWLEDGEMENT = "eventAcknowledgement";
    public static final String CLOCK_CONCLUSION = "eventConclusion";
}
