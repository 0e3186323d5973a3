package coop.cooperage.society.control;

import coop.cooperage.identity.control.Accounts;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.society.entity.Jurisdiction;
import coop.cooperage.society.entity.Office;
import coop.cooperage.society.entity.Society;
import coop.cooperage.society.entity.SocietyDetails;
import coop.cooperage.society.entity.SocietyType;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo: Riverside Community Energy with an account for each role, and a second society
 * so the switcher has something to switch to. Seeded once, on an empty database, when
 * COOP_DEMO=true; it goes through the same code (and audit trail) as real use.
 */
@Startup
@Singleton
@DependsOn({"Migrations", "AdminBootstrap"})
public class DemoData {

    public static final String PASSWORD = "cooperage-demo";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "coop.demo", defaultValue = "false")
    boolean demo;

    @Inject
    Societies societies;

    @Inject
    Officers officers;

    @Inject
    Accounts accounts;

    @PostConstruct
    void seed() {
        if (!demo || societies.bySlug("riverside").isPresent()) {
            return;
        }
        Account admin = accounts.byEmail("admin@cooperage.example")
                .orElseGet(() -> accounts.create("admin@cooperage.example", "Ada Admin", PASSWORD));
        if (!admin.isPlatformAdmin()) {
            accounts.makePlatformAdmin(admin);
        }
        Society riverside = societies.create(new SocietyDetails("riverside", "Riverside Community Energy", "31220R",
                SocietyType.COMMUNITY_BENEFIT, Jurisdiction.GREAT_BRITAIN,
                "The Old Boathouse, Quay Street, Bristol BS1 4RW", "BS1, BS2, BS3, BS4 1, BS5", 3, 31, "#0b6e4f"), null);
        Society hilltop = societies.create(new SocietyDetails("hilltop-hydro", "Hilltop Hydro Co-operative", "7731",
                SocietyType.CO_OPERATIVE, Jurisdiction.GREAT_BRITAIN, "Mill Lane, Hebden Bridge HX7 8AA", "HX7", 12, 31,
                "#1d4f91"), null);

        Account secretary = person("secretary@riverside.example", "Sam Patel", riverside, Role.SECRETARY);
        Account treasurer = person("treasurer@riverside.example", "Tomasz Nowak", riverside, Role.TREASURER);
        Account director = person("director@riverside.example", "Dee Okafor", riverside, Role.DIRECTOR);
        person("member@riverside.example", "Mo Williams", riverside, Role.MEMBER);
        person("auditor@riverside.example", "Audrey Hughes", riverside, Role.AUDITOR);
        accounts.grant(hilltop.id(), secretary, Role.MEMBER);
        accounts.grant(hilltop.id(), director, Role.SECRETARY);

        officers.appoint(riverside, Office.CHAIR, "Rhiannon Evans", LocalDate.of(2021, 4, 1));
        officers.appoint(riverside, Office.SECRETARY, secretary.displayName(), LocalDate.of(2021, 4, 1));
        officers.appoint(riverside, Office.TREASURER, treasurer.displayName(), LocalDate.of(2022, 9, 20));
        // linked to her sign-in: a director records her own board votes only through a linked entry, never by name
        officers.appoint(riverside, Office.DIRECTOR, director.displayName(), LocalDate.of(2023, 9, 18)).linkAccount(director.id());
        var former = officers.appoint(riverside, Office.DIRECTOR, "Graham Fletcher", LocalDate.of(2021, 4, 1));
        officers.end(riverside, former.id(), LocalDate.of(2024, 9, 16));
        LOG.info("Demo societies seeded: sign in as secretary@riverside.example with password " + PASSWORD);
    }

    private Account person(String email, String name, Society society, Role role) {
        Account account = accounts.byEmail(email).orElseGet(() -> accounts.create(email, name, PASSWORD));
        accounts.grant(society.id(), account, role);
        return account;
    }
}
