package cn.ola.company;

/** The chosen user name belongs to someone already (a company user or a regulator's staff). */
public class UserIdTakenException extends RuntimeException {

    private final String userId;

    public UserIdTakenException(String userId) {
        super("The user name '" + userId + "' is taken. Please choose another.");
        this.userId = userId;
    }

    public String userId() {
        return userId;
    }
}
