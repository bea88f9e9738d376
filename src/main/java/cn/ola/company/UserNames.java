package cn.ola.company;

import java.util.regex.Pattern;

/**
 * What a user name may look like: it becomes a user id in the process engine's identity store,
 * whose whitelist takes a letter or digit first, then letters, digits, dots, underscores and hyphens.
 */
public final class UserNames {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");

    private UserNames() {
    }

    public static boolean valid(String userName) {
        return userName != null && userName.length() >= MIN_LENGTH && userName.length() <= MAX_LENGTH
                && ALLOWED.matcher(userName).matches();
    }
}
