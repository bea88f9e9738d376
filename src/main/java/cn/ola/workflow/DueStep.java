package cn.ola.workflow;

import cn.ola.filing.ApplicationNumber;

/** An open step of the applicant's, with the case it belongs to. */
public record DueStep(ApplicationNumber number, OpenStep step) {
}
