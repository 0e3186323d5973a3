package coop.cooperage.platform.control;

/**
 * Something the caller asked for does not exist, or exists in a society the caller has no
 * part in: both answer the same, so nobody learns what other societies hold.
 */
public class NoSuchResourceException extends RuntimeException {
    public NoSuchResourceException(String message) {
        super(message);
    }
}
