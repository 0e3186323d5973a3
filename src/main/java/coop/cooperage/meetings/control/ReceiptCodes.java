package coop.cooperage.meetings.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * The random codes of the secret ballot box, in Crockford's base 32 (no I, L, O or U, so a code
 * read aloud or copied from paper is not misread), grouped in fours.
 *
 * <ul>
 * <li>A receipt code (12 characters, 60 bits) is stored with the ballot and published after the
 * close: the voter finds it in the list of counted ballots.
 * <li>A change code (20 characters, 100 bits) is shown to the voter once and only its SHA-256 is
 * stored: presenting it is the only way to find, and replace, that ballot. High entropy, so a
 * fast unsalted hash is enough.
 * <li>A ballot id (16 random bytes) is the primary key, so InnoDB's clustered order is random.
 * </ul>
 */
public final class ReceiptCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCodes() {
    }

    public static String receipt() {
        return grouped(12);
    }

    public static String changeCode() {
        return grouped(20);
    }

    public static byte[] ballotId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return id;
    }

    private static String grouped(int length) {
        var code = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * What the voter typed, in the stored form: case, spaces and dashes do not matter, and the
     * letters Crockford reads as digits (O→0, I/L→1) are taken as those digits.
     */
    public static String normalise(String typed, int length) {
        if (typed == null) {
            return null;
        }
        var plain = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-') {
                continue;
            }
            char d = c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
            if (ALPHABET.indexOf(d) < 0) {
                return null;
            }
            plain.append(d);
        }
        if (plain.length() != length) {
            return null;
        }
        var code = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(plain.charAt(i));
        }
        return code.toString();
    }

    public static String normaliseReceipt(String typed) {
        return normalise(typed, 12);
    }

    public static String normaliseChangeCode(String typed) {
        return normalise(typed, 20);
    }

    public static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
