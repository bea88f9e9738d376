package cn.ola.company;

/** A person who signs in for a company: the first one at registration, others invited later. */
public record NewUser(String userId, String firstName, String lastName, String email, String password) {
}
