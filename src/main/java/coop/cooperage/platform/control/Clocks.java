package coop.cooperage.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** Time comes from here so that rules about dates can be tested at any date. */
@ApplicationScoped
public class Clocks {

    /** Societies keep their dates in UK time; instants are stored in UTC. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
