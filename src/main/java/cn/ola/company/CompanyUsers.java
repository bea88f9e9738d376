package cn.ola.company;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who act for a company. They are users in Camunda's identity store, members of
 * the company's group ({@code company-<credit code>}), which is what the models offer the
 * company's tasks to and what decides which applications a user may see.
 */
@Service
public class CompanyUsers {

    private final Companies companies;
    private final IdentityService identity;

    CompanyUsers(Companies companies, IdentityService identity) {
        this.companies = companies;
        this.identity = identity;
    }

    /** Registers a company with its first user, both or neither. */
    @Transactional
    public Company register(NewCompany company, NewUser firstUser) {
        requireFreeUserId(firstUser.userId());
        Company registered = companies.register(company);
        createMember(registered, firstUser);
        return registered;
    }

    /** Adds a further user to the company. */
    @Transactional
    public void invite(Company company, NewUser user) {
        requireFreeUserId(user.userId());
        createMember(company, user);
    }

    /** The company the user acts for; empty for staff and unknown users. */
    public Optional<Company> companyOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return companies.findByMember(userId);
    }

    /** Why a colleague was not removed, or that it was. */
    public enum Removal {
        REMOVED, NOT_A_MEMBER, YOURSELF
    }

    /**
     * Removes a colleague's account: never one of another company, never oneself. So the company
     * always keeps a user: the one who removes stays, and removals of one company take turns (of two
     * users removing each other at the same moment, the second is no longer a member when its turn
     * comes). What the removed user did stays on record under their name.
     */
    @Transactional
    public Removal remove(String actorId, String colleagueId) {
        Company company = companyOf(actorId).orElse(null);
        if (company == null) {
            return Removal.NOT_A_MEMBER;
        }
        companies.lock(company);
        if (!isMember(company, actorId) || !isMember(company, colleagueId)) {
            return Removal.NOT_A_MEMBER;
        }
        if (actorId.equals(colleagueId)) {
            return Removal.YOURSELF;
        }
        identity.deleteUser(colleagueId);
        return Removal.REMOVED;
    }

    /** Whether the user's own password is this one. */
    public boolean passwordIs(String userId, String password) {
        return password != null && !password.isEmpty() && identity.checkPassword(userId, password);
    }

    /**
     * Sets the user's own password, after the current one was confirmed; it must keep
     * {@link PasswordRules}.
     */
    @Transactional
    public boolean changePassword(String userId, String currentPassword, String newPassword) {
        if (!PasswordRules.check(userId, newPassword, newPassword).isEmpty()) {
            throw new IllegalArgumentException("The new password breaks the password rules");
        }
        if (!passwordIs(userId, currentPassword)) {
            return false;
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setPassword(newPassword);
        identity.saveUser(user);
        return true;
    }

    private boolean isMember(Company company, String userId) {
        return identity.createUserQuery().userId(userId).memberOfGroup(company.groupId()).count() == 1;
    }

    public List<User> members(Company company) {
        return identity.createUserQuery().memberOfGroup(company.groupId()).orderByUserId().asc().list();
    }

    public boolean userIdTaken(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }

    private void requireFreeUserId(String userId) {
        if (userIdTaken(userId)) {
            throw new UserIdTakenException(userId);
        }
    }

    private void createMember(Company company, NewUser person) {
        User user = identity.newUser(person.userId());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEmail(person.email());
        user.setPassword(person.password());
        identity.saveUser(user);
        identity.createMembership(person.userId(), company.groupId());
    }
}
