package cn.ola.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything: the portal's form login also signs the user into Camunda's
 * Tasklist, Cockpit and Admin (see {@link CamundaWebappSingleSignOn}); the engine's REST API
 * (staff) and the company API under {@code /api} take HTTP Basic over the same accounts. Users,
 * groups and passwords live in Camunda's identity store; {@link CamundaIdentityAuthenticationProvider},
 * the only provider bean, serves every chain through the global authentication manager (adding
 * it per chain as well would check every wrong password twice and trip the throttling early).
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    static final String CAMUNDA_APPS = "/camunda/**";
    static final String CAMUNDA_API = "/camunda/api/**";
    static final String ENGINE_REST = "/engine-rest/**";
    static final String COMPANY_API = "/api/**";
    /** The company API's OpenAPI document and its UI: readable without signing in. */
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    /** Camunda's own "Log out" menu entry posts here; it must end the portal session too. */
    static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

    /** Pages we render ourselves; Camunda's webapps send their own policy. */
    private static final String PORTAL_CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        EngineRestSignInResponses entryPoint = new EngineRestSignInResponses("Overseas Listing Approval");
        return http
                .securityMatcher(antMatcher(ENGINE_REST))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Roles.STAFF))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Machines send no CSRF token; the REST API is stateless and takes credentials on every call.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The company REST API: HTTP Basic over the same accounts, stateless, company users only.
     * Refusals are problem details like every other error of the API.
     */
    @Bean
    @Order(2)
    SecurityFilterChain companyApi(HttpSecurity http) throws Exception {
        ApiProblemResponses problems = new ApiProblemResponses("Overseas Listing Approval API");
        return http
                .securityMatcher(antMatcher(COMPANY_API))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Roles.COMPANY))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Machines send no CSRF token; every call carries its credentials.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Requests the firewall refuses: a problem detail under the company API, the plain 400 elsewhere. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        ApiProblemResponses api = new ApiProblemResponses("Overseas Listing Approval API");
        RequestRejectedHandler plain = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                api.rejected(request, response);
            } else {
                plain.handle(request, response, rejected);
            }
        };
    }

    @Bean
    @Order(3)
    SecurityFilterChain portalAndCamundaApps(HttpSecurity http) throws Exception {
        RequestMatcher camundaApi = antMatcher(CAMUNDA_API);
        RequestMatcher logout = new OrRequestMatcher(antMatcher(HttpMethod.POST, "/logout"),
                antMatcher(HttpMethod.POST, CAMUNDA_LOGOUT));
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers(API_DOCS).permitAll()
                        .requestMatchers(antMatcher("/actuator/health"), antMatcher("/actuator/health/**"),
                                antMatcher("/actuator/info")).permitAll()
                        // Camunda's apps are served by its own servlets and filters, not by Spring MVC: match plain paths.
                        .requestMatchers(antMatcher(CAMUNDA_APPS)).hasRole(Roles.STAFF)
                        .requestMatchers(antMatcher("/actuator/**")).hasRole(Roles.ADMIN)
                        .requestMatchers(antMatcher("/staff/dashboard/**")).hasAnyRole(Roles.SUPERVISOR_ROLE, Roles.ADMIN)
                        .requestMatchers(antMatcher("/staff/accounts"), antMatcher("/staff/accounts/**")).hasRole(Roles.ADMIN)
                        .requestMatchers(antMatcher("/staff/**")).hasRole(Roles.STAFF)
                        .requestMatchers(antMatcher("/notifications/**"), antMatcher("/notifications")).hasRole(Roles.COMPANY)
                        .requestMatchers(antMatcher("/register")).permitAll()
                        .requestMatchers(antMatcher("/company/**")).hasRole(Roles.COMPANY)
                        .requestMatchers(antMatcher("/applications/**")).hasRole(Roles.COMPANY)
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .failureHandler(new LoginFailureHandler())
                        .successHandler(new BackToKeptForm())
                        .permitAll())
                .logout(out -> out
                        .logoutRequestMatcher(logout)
                        .logoutSuccessHandler(SecurityConfig::afterLogout)
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), camundaApi)
                        // Also serves the CSRF check: a form posted after the session expired is kept, not lost.
                        .accessDeniedHandler(new PortalAccessDenied()))
                // Camunda's webapps carry their own CSRF protection (a token header on every API call).
                .csrf(csrf -> csrf.ignoringRequestMatchers(camundaApi))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(antMatcher(CAMUNDA_APPS)),
                                new StaticHeadersWriter("Content-Security-Policy", PORTAL_CONTENT_SECURITY_POLICY))))
                .build();
    }

    private static void afterLogout(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/")) {
            // Camunda's front end expects an empty answer and then shows its login route, which lands on ours.
            response.setStatus(HttpStatus.NO_CONTENT.value());
        } else {
            response.sendRedirect(request.getContextPath() + "/login?logout");
        }
    }
}
