package coop.cooperage.meetings.entity;

/** A proxy appointment or revocation the society's rules do not allow; the message says why. */
public class ProxyRefusedException extends RuntimeException {

    public ProxyRefusedException(String message) {
        super(message);
    }
}
