package coop.cooperage.platform.control;

/** The request needs a signed-in person (or an API token) and has none. */
public class SignInRequiredException extends RuntimeException {
    public SignInRequiredException() {
        super("Sign in to continue");
    }
}
