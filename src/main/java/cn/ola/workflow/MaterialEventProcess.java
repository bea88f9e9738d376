package cn.ola.workflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.ola.company.Company;
import cn.ola.filing.ApplicationNumber;

/**
 * The door to the engine for a listed company's material events ({@code material-event}): starts
 * one from its listed case, and tells which of the case's open requests are the questions of an
 * event. The event's process carries the case's application number as its business key, so its
 * tasks, history and audit entries are the case's; the case's main process has ended with the
 * listing and is left alone.
 */
@Service
public class MaterialEventProcess {

    public static final String PROCESS_KEY = CaseModel.MATERIAL_EVENT.key();

    private final ProcessesBesideTheCase beside;

    MaterialEventProcess(ProcessesBesideTheCase beside) {
        this.beside = beside;
    }

    /** What the company reported, as the process needs it. */
    public record Report(long eventId, String kind, LocalDate announcedOn, LocalDate reportedOn, String description) {
    }

    /** Starts the event's process in the caller's transaction; its process instance id. */
    public String start(ApplicationNumber number, Company company, Report report) {
        Map<String, Object> own = new HashMap<>();
        own.put(MaterialEventVariables.MATERIAL_EVENT_ID, report.eventId());
        own.put(MaterialEventVariables.EVENT_KIND, report.kind());
        own.put(MaterialEventVariables.ANNOUNCED_ON, report.announcedOn().toString());
        own.put(MaterialEventVariables.REPORTED_ON, report.reportedOn().toString());
        own.put(MaterialEventVariables.EVENT_DESCRIPTION, report.description());
        return beside.start(PROCESS_KEY, number, company, own);
    }

    /**
     * The ids of the open requests of the case that are questions of the event run by this process
     * instance (its calls of {@code supplementary-materials}).
     */
    public Set<String> openQuestionTaskIds(String processInstanceId) {
        return beside.openRequestTaskIds(processInstanceId);
    }
}
