package coop.cooperage.meetings.control;

import coop.cooperage.identity.control.Accounts;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.MeetingKind;
import coop.cooperage.meetings.entity.ResolutionKind;
import coop.cooperage.members.control.Register;
import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberDetails;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's general meeting: Riverside's AGM about three weeks ahead with notice given, its three
 * resolutions and a board election by Scottish STV, and the members who vote in it (the demo
 * member account Mo Williams among them, so member@riverside.example can vote from the portal).
 * Seeded after {@code DemoData} (kept apart so the society component need not know about
 * meetings), once, through the same code as real use.
 */
@Startup
@Singleton
@DependsOn("DemoData")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MeetingDemo {

    private static final Logger LOG = Logger.getLogger(MeetingDemo.class.getName());

    @Inject
    @ConfigProperty(name = "coop.demo", defaultValue = "false")
    boolean demo;

    @Inject
    Societies societies;

    @Inject
    GeneralMeetings meetings;

    @Inject
    Elections elections;

    @Inject
    Register register;

    @Inject
    Accounts accounts;

    @Inject
    Transactions tx;

    @PersistenceContext
    EntityManager em;

    /** Each part in its own transaction: a demo without its AGM is better than a demo that does not start. */
    @PostConstruct
    void start() {
        if (!demo) {
            return;
        }
        try {
            Long meeting = tx.call(this::seedMeeting);
            if (meeting != null) {
                tx.run(() -> seedElection(meeting));
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "The demo AGM could not be seeded: " + e);
        }
    }

    /** The members, the AGM with notice given today and its resolutions; null when already seeded. */
    Long seedMeeting() {
        Society riverside = societies.bySlug("riverside").orElse(null);
        if (riverside == null || !meetings.of(riverside).isEmpty()) {
            return null;
        }
        member(riverside, "Mo Williams", "member@riverside.example", "8 Cumberland Road\nBristol", "BS1 6UF");
        member(riverside, "Rhiannon Evans", "rhiannon@riverside.example", "2 Prince Street\nBristol", "BS1 4QD");
        member(riverside, "Dee Okafor", "director@riverside.example", "40 Gloucester Road\nBristol", "BS2 8EE");
        member(riverside, "Kwame Mensah", "kwame@riverside.example", "11 Bath Road\nBristol", "BS4 3AQ");
        member(riverside, "Lucy Chen", "lucy@riverside.example", "5 Victoria Street\nBristol", "BS1 6AA");
        LocalDate today = meetings.today();
        LocalDate on = today.plusWeeks(3);
        Meeting agm = meetings.create(riverside, new GeneralMeetings.Details(MeetingKind.AGM,
                "Annual general meeting " + on.getYear(), on.atTime(19, 0), on.atTime(21, 0),
                "The Old Boathouse, Quay Street, Bristol BS1 4RW", "https://meet.example/riverside-agm",
                "1. Apologies\n2. Minutes of the last AGM\n3. The accounts\n4. Appointment of auditors\n5. Rule change: "
                        + "online meetings\n6. Election of directors\n7. Any other business",
                today, null, today));
        meetings.addResolution(riverside, agm.id(), new GeneralMeetings.ResolutionInput("Accounts",
                "That the accounts for the year ended 31 March be received and adopted.", "The board", ResolutionKind.ORDINARY,
                false, null));
        meetings.addResolution(riverside, agm.id(), new GeneralMeetings.ResolutionInput("Auditors",
                "That Quayside Accountants LLP be appointed auditors until the next annual general meeting.", "The board",
                ResolutionKind.ORDINARY, false, null));
        meetings.addResolution(riverside, agm.id(), new GeneralMeetings.ResolutionInput("Rule change: online meetings",
                "That rule 42 be amended so that members may attend and vote at general meetings online.", "The board",
                ResolutionKind.SPECIAL, false, null));
        LOG.info("Demo AGM seeded: /s/riverside/meetings/" + agm.id());
        return agm.id();
    }

    /** Two seats by Scottish STV, three candidates from the register, open for voting. */
    void seedElection(long meetingId) {
        Society riverside = societies.bySlug("riverside").orElseThrow();
        var election = elections.create(riverside, meetingId, "Election of directors", 2, "SCOTTISH_STV", true);
        for (String[] c : List.of(new String[] {"rhiannon@riverside.example", "Rhiannon Evans",
                "Chair since 2021; I want to see the schools' solar through."},
                new String[] {"director@riverside.example", "Dee Okafor", "A director since 2023, standing again."},
                new String[] {"kwame@riverside.example", "Kwame Mensah", "An electrician who would like to help with our next project."})) {
            elections.nominate(riverside, election.id(), memberByEmail(riverside, c[0]).memberNumber(), c[1], c[2]);
        }
        elections.open(riverside, election.id());
        LOG.info("Demo election seeded: 2 seats, Scottish STV, 3 candidates");
    }

    /** A member on the register (linked to the demo account of the same email, if there is one), unless already there. */
    private void member(Society society, String name, String email, String address, String postcode) {
        Member member = memberByEmailOrNull(society, email);
        if (member == null) {
            member = register.record(society, new MemberDetails(MemberKind.INDIVIDUAL, name, null, address, postcode, email,
                    Set.of(EmailPurpose.NOTICES), LocalDate.of(1980, 6, 1), false), LocalDate.of(2021, 4, 1));
        }
        Member m = member;
        if (m.accountId() == null) {
            accounts.byEmail(email).ifPresent(a -> m.linkAccount(a.id()));
        }
    }

    private Member memberByEmail(Society society, String email) {
        Member m = memberByEmailOrNull(society, email);
        if (m == null) {
            throw new IllegalStateException("No demo member " + email);
        }
        return m;
    }

    private Member memberByEmailOrNull(Society society, String email) {
        List<Member> found = new ArrayList<>(em.createQuery("select m from Member m where m.societyId = :s and m.email = :e"
                + " and m.state = :st", Member.class).setParameter("s", society.id()).setParameter("e", email)
                .setParameter("st", MemberState.MEMBER).getResultList());
        return found.isEmpty() ? null : found.get(0);
    }
}
