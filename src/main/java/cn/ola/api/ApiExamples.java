package cn.ola.api;

/** Example requests and answers shown in the OpenAPI document. */
final class ApiExamples {

    static final String CREATE_REQUEST = """
            {
              "listingType": "INDIRECT",
              "issuerType": "OFFSHORE",
              "offshoreIssuer": "Example Data Holdings Ltd. (Cayman)",
              "venueExchange": "NYSE",
              "venueRegion": "US",
              "offeringType": "IPO",
              "plannedListingDate": "2026-12-01",
              "networkPlatformOperator": true,
              "ciio": false,
              "importantData": false,
              "personalInfoUsers": 3200000,
              "piExportedNonSensitive": 150000,
              "piExportedSensitive": 0,
              "consentObtained": true,
              "sensitiveDataMinimised": true,
              "industry": "SOFTWARE",
              "domesticRevenuePct": 92.5,
              "domesticProfitPct": 88.0,
              "domesticAssetsPct": 75.0,
              "domesticNetAssetsPct": 70.0,
              "managementMostlyPrc": true,
              "mainPlaceOfBusiness": "CN",
              "declProhibitedByLaw": false,
              "declNationalSecurityThreat": false,
              "declRecentCriminalOffence": false,
              "declUnderInvestigation": false,
              "declOwnershipDispute": false,
              "cloudContracts": []
            }""";

    static final String SUBMISSION_RESPONSE = """
            {
              "id": 42,
              "number": "OLA-2026-000123",
              "screening": [
                {"decision": "cybersecurity-review-requirement", "result": "MANDATORY",
                 "reason": "Network platform operator holding personal information of 3200000 users, listing on NYSE (US)"},
                {"decision": "negative-list", "result": "CLEAR", "reason": "No Art. 8 circumstance declared"}
              ],
              "nextSteps": [
                {"taskId": "8f2c…", "taskKey": "Task_IntakeCheck", "name": "Check the application at intake",
                 "forApplicant": false, "action": null, "openedAt": "2026-03-02T01:00:00Z",
                 "due": "2026-03-06T15:59:59Z", "dueDate": "2026-03-06", "workingDaysLeft": 4,
                 "request": null, "requestedBy": null}
              ],
              "caseHref": "/api/v1/applications/42/case"
            }""";

    static final String VALIDATION_PROBLEM = """
            {
              "type": "https://ola.example.cn/problems/validation",
              "title": "Invalid input",
              "status": 400,
              "detail": "2 fields need attention.",
              "instance": "/api/v1/applications",
              "errors": [
                {"field": "personalInfoUsers", "code": "NEGATIVE", "message": "Must not be negative."},
                {"field": "domesticRevenuePct", "code": "OUT_OF_RANGE",
                 "message": "A percentage between 0 and 100 with at most two decimals."}
              ]
            }""";

    static final String INCOMPLETE_PROBLEM = """
            {
              "type": "https://ola.example.cn/problems/validation",
              "title": "Invalid input",
              "status": 400,
              "detail": "2 fields need attention.",
              "instance": "/api/v1/applications/42/submission",
              "errors": [
                {"field": "declOwnershipDispute", "code": "REQUIRED",
                 "message": "Required: answer the declaration with true or false."},
                {"field": "documents.PROSPECTUS", "code": "DOCUMENT_MISSING",
                 "message": "Upload the PROSPECTUS document before submitting."}
              ]
            }""";

    static final String ALREADY_SUBMITTED_PROBLEM = """
            {
              "type": "https://ola.example.cn/problems/already-submitted",
              "title": "Already submitted",
              "status": 409,
              "detail": "This application was submitted already as OLA-2026-000123.",
              "instance": "/api/v1/applications/42/submission",
              "number": "OLA-2026-000123"
            }""";

    static final String DRAFT_CHANGED_PROBLEM = """
            {
              "type": "https://ola.example.cn/problems/draft-changed",
              "title": "Draft changed meanwhile",
              "status": 409,
              "detail": "This draft was changed by someone else (or in another window) after you opened it. Reload it to see the changes, then make yours again.",
              "instance": "/api/v1/applications/42"
            }""";

    static final String NOT_FOUND_PROBLEM = """
            {
              "type": "https://ola.example.cn/problems/not-found",
              "title": "Not found",
              "status": 404,
              "detail": "There is no such application or document, or it belongs to another company.",
              "instance": "/api/v1/applications/999"
            }""";

    static final String CASE_NOT_WAITING_PROBLEM = """
            {
              "type": "https://ola.example.cn/problems/case-not-waiting",
              "title": "The case is not waiting for this",
              "status": 409,
              "detail": "Application OLA-2026-000123 is not waiting for these materials: the request was answered already, its deadline has passed, or the case has moved on. Nothing was changed.",
              "instance": "/api/v1/applications/42/materials-answers"
            }""";

    static final String TOO_LARGE_PROBLEM = """
            {
              "type": "https://ola.example.cn/problems/upload-too-large",
              "title": "File too large",
              "status": 413,
              "detail": "The file 'prospectus.pdf' is larger than 20 MB, the most we accept.",
              "instance": "/api/v1/applications/42/documents",
              "reason": "TOO_LARGE",
              "filename": "prospectus.pdf",
              "maxBytes": 20971520
            }""";

    private ApiExamples() {
    }
}
