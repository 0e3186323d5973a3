package coop.cooperage.platform.control;

/** The caller belongs to the society but their roles do not allow this. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
