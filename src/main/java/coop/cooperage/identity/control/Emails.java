package coop.cooperage.identity.control;

import java.util.regex.Pattern;

/** A pragmatic email check: one @, a dotted domain, no spaces. Delivery is the real test. */
public final class Emails {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$");

    private Emails() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.trim()).matches();
    }
}
