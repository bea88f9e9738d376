package cn.ola.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;

import cn.ola.security.CamundaWebappSingleSignOn.SavedToTheSession;
import cn.ola.security.CamundaWebappSingleSignOn.SignInsWrittenWhenChanged;

/**
 * Camunda's webapp filter sets its sign-ins on the session at the end of every request; with the sessions in
 * the database that is a write each time. Through {@link SignInsWrittenWhenChanged} the session is written when
 * the sign-ins change, and only then.
 */
class SignInsWrittenWhenChangedTest {

    private final WritesCounted session = new WritesCounted();

    @Test
    void sign_ins_set_again_unchanged_are_not_written() {
        session.keep(signedIn("default", "ana"));
        HttpSession seen = requestOf(session).getSession(false);

        // What Camunda's AuthenticationFilter does at the end of a request that changed nothing.
        AuthenticationUtil.updateSession(seen, AuthenticationUtil.getAuthsFromSession(seen));

        assertThat(session.writes).isEmpty();
    }

    @Test
    void sign_ins_changed_in_place_are_written_once() {
        session.keep(signedIn("default", "ana"));
        HttpSession seen = requestOf(session).getSession();
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(seen);

        authentications.addOrReplace(new UserAuthentication("ana", "second-engine"));
        AuthenticationUtil.updateSession(seen, authentications);
        AuthenticationUtil.updateSession(seen, authentications);

        assertThat(session.writes).containsExactly(SavedToTheSession.SIGN_INS);
        assertThat(((Authentications) session.getAttribute(SavedToTheSession.SIGN_INS)).getAuthentications())
                .extracting(UserAuthentication::getProcessEngineName).containsExactlyInAnyOrder("default", "second-engine");
    }

    @Test
    void a_first_sign_in_is_written() {
        HttpSession seen = requestOf(session).getSession();

        Authentications authentications = AuthenticationUtil.getAuthsFromSession(seen);
        authentications.addOrReplace(new UserAuthentication("ana", "default"));
        AuthenticationUtil.updateSession(seen, authentications);

        assertThat(session.writes).containsExactly(SavedToTheSession.SIGN_INS, SavedToTheSession.SIGN_INS);
        assertThat(((Authentications) session.getAttribute(SavedToTheSession.SIGN_INS)).getAuthentications())
                .extracting(UserAuthentication::getIdentityId).containsExactly("ana");
    }

    @Test
    void sign_ins_removed_and_set_again_are_written() {
        Authentications signedIn = signedIn("default", "ana");
        session.keep(signedIn);
        HttpSession seen = requestOf(session).getSession();

        seen.removeAttribute(SavedToTheSession.SIGN_INS);
        seen.setAttribute(SavedToTheSession.SIGN_INS, signedIn);

        assertThat(session.getAttribute(SavedToTheSession.SIGN_INS)).isSameAs(signedIn);
        assertThat(session.writes).containsExactly(SavedToTheSession.SIGN_INS);
    }

    @Test
    void other_attributes_are_written_as_ever() {
        session.keep(signedIn("default", "ana"));
        HttpSession seen = requestOf(session).getSession();

        seen.setAttribute("SPRING_SECURITY_CONTEXT", "context");
        seen.setAttribute("SPRING_SECURITY_CONTEXT", "context");

        assertThat(session.writes).containsExactly("SPRING_SECURITY_CONTEXT", "SPRING_SECURITY_CONTEXT");
    }

    @Test
    void a_new_session_after_sign_out_is_written_to() {
        session.keep(signedIn("default", "ana"));
        MockHttpServletRequest plain = new MockHttpServletRequest();
        plain.setSession(session);
        SignInsWrittenWhenChanged request = new SignInsWrittenWhenChanged(plain);
        request.getSession().invalidate();

        WritesCounted next = new WritesCounted();
        plain.setSession(next);
        AuthenticationUtil.updateSession(request.getSession(), signedIn("default", "ana"));

        assertThat(next.writes).containsExactly(SavedToTheSession.SIGN_INS);
    }

    private static SignInsWrittenWhenChanged requestOf(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        return new SignInsWrittenWhenChanged(request);
    }

    private static Authentications signedIn(String engine, String user) {
        Authentications authentications = new Authentications();
        authentications.addOrReplace(new UserAuthentication(user, engine));
        return authentications;
    }

    /** A session that records which attributes were written to it after it was set up. */
    private static final class WritesCounted extends MockHttpSession {

        final List<String> writes = new ArrayList<>();

        void keep(Object signIns) {
            super.setAttribute(SavedToTheSession.SIGN_INS, signIns);
        }

        @Override
        public void setAttribute(String name, Object value) {
            writes.add(name);
            super.setAttribute(name, value);
        }
    }
}
