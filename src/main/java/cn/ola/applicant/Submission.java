package cn.ola.applicant;

import java.util.List;

import cn.ola.filing.ApplicationNumber;
import cn.ola.workflow.OpenStep;

/** What a company learns when it submits: its number, the screening results and the first steps with their due dates. */
public record Submission(ApplicationNumber number, List<Screening> screening, List<OpenStep> nextSteps) {
}
