package cn.ola.applicant;

import java.util.List;

import cn.ola.filing.ApplicationFacts;
import cn.ola.filing.ListingApplications.CloudContract;

/** What a company has typed into its application so far; any field may still be empty. */
public record ApplicationDraft(ApplicationFacts facts, List<CloudContract> cloudContracts) {

    public ApplicationDraft {
        cloudContracts = cloudContracts == null ? List.of() : List.copyOf(cloudContracts);
    }
}
