package coop.cooperage.payments.control;

/**
 * COOP_DATA_KEY is not configured, so bank details can be neither stored nor read. An operator's
 * problem, not the user's and not a bug: answered 503 with a message that says so (and never the
 * key or any account).
 */
public class DataKeyMissingException extends RuntimeException {

    public DataKeyMissingException() {
        super("Bank details cannot be stored or read because the data key (COOP_DATA_KEY) is not configured."
                + " Ask the person who runs Cooperage to set it.");
    }
}
