package cn.ola.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document of the company API: what it is for, how to sign in, how errors look. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BASIC_AUTH = "basicAuth";

    @Bean
    OpenAPI companyApiDocument() {
        return new OpenAPI()
                .info(new Info()
                        .title("Overseas Listing Approval — company API")
                        .version("v1")
                        .description("""
                                Everything an applicant company does in the portal, for its own systems: drafts, \
                                documents, submission, the case with its deadlines, and the company's actions in it.

                                **Authentication.** HTTP Basic on every request with the user name and password of a \
                                company user — the same account as in the portal (users are managed in one identity \
                                store). The API keeps no session and needs no CSRF token; use HTTPS. Missing or wrong \
                                credentials: 401 with `WWW-Authenticate: Basic`; a regulator's account: 403. A company \
                                sees only its own applications: another company's application answers 404, exactly \
                                like one that does not exist.

                                **Errors** are RFC 9457 problem details (`application/problem+json`) with `type`, \
                                `title`, `status`, `detail`, `instance`; invalid input adds `errors: [{field, code, \
                                message}]` (codes REQUIRED, NEGATIVE, OUT_OF_RANGE, UNKNOWN_VALUE, TOO_LONG, \
                                DOCUMENT_MISSING, NOT_OVERSEAS, NOT_IN_REGION, SAME_MARKET, WRONG_TYPE, INVALID_DATE, UNKNOWN_FIELD, INVALID_FORMAT).

                                **Concurrency.** Replacing a draft needs `If-Match` with the version read (the ETag); \
                                a draft changed meanwhile answers 409. **Retries.** Creating a draft and submitting \
                                take an `Idempotency-Key` header: a retry with the same key and body gets the first \
                                answer again (marked `Idempotent-Replayed: true`) and nothing is done twice; the same \
                                key with a different request answers 422."""))
                .components(new Components().addSecuritySchemes(BASIC_AUTH, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The user name and password of a company user (as in the portal).")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
    }
}
