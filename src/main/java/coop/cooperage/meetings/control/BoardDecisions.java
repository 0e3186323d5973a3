package coop.cooperage.meetings.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.identity.entity.Account;
import coop.cooperage.meetings.entity.BoardConflict;
import coop.cooperage.meetings.entity.BoardItem;
import coop.cooperage.meetings.entity.BoardMeeting;
import coop.cooperage.meetings.entity.BoardVote;
import coop.cooperage.meetings.entity.DirectorChoice;
import coop.cooperage.platform.control.AccessDeniedException;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.society.control.Officers;
import coop.cooperage.society.entity.Office;
import coop.cooperage.society.entity.OfficerAppointment;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decisions of the board of directors: board meetings and their items, conflicts of interest,
 * directors' votes, written resolutions, and decisions recorded by other parts of the system.
 *
 * <p>The directors are the entries of the register of officers for the offices of Director and
 * Chair current on the day (a person entered under both counts once). A vote or consent is the
 * director's own: the secretary may record any director's (minuting the meeting, or a signed
 * consent received); a director signed in may record only their own, matched to the register by
 * the account linked to the appointment or, where none is linked, by the same name. The board's
 * quorum is {@code coop.board.quorum} directors without a conflict present (default 2). The
 * counting rules are {@link BoardCount}'s.
 */
@ApplicationScoped
public class BoardDecisions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Officers officers;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "coop.board.quorum", defaultValue = "2")
    int quorum;

    /** Who is acting: their account, and whether they act as secretary (for any director) or only as themselves. */
    public record Actor(Account account, boolean secretary) {
    }

    public record ItemView(BoardItem item, Map<Long, String> eligibleDirectors, Map<Long, BoardConflict> conflicts,
            Map<Long, BoardVote> votes, BoardCount.MeetingResult tally) {
    }

    public int quorum() {
        return quorum;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.UK));
    }

    /** The board on a day: one appointment per person holding the office of Director or Chair. */
    public Map<Long, String> directorsOn(Society society, LocalDate on) {
        var byName = new TreeMap<String, OfficerAppointment>();
        for (var o : officers.register(society)) {
            if ((o.office() == Office.DIRECTOR || o.office() == Office.CHAIR) && o.isCurrentOn(on)) {
                byName.merge(o.personName().toLowerCase(Locale.ROOT), o, (a, b) -> a.id() < b.id() ? a : b);
            }
        }
        var directors = new LinkedHashMap<Long, String>();
        byName.values().stream().sorted((a, b) -> a.personName().compareToIgnoreCase(b.personName()))
                .forEach(o -> directors.put(o.id(), o.personName()));
        return directors;
    }

    // ---- board meetings

    public List<BoardMeeting> meetings(Society society) {
        return em.createQuery("select m from BoardMeeting m where m.societyId = :s order by m.heldOn desc, m.id desc", BoardMeeting.class)
                .setParameter("s", society.id()).getResultList();
    }

    public BoardMeeting meeting(Society society, long id) {
        BoardMeeting m = em.find(BoardMeeting.class, id);
        if (m == null || m.societyId() != society.id()) {
            throw new NoSuchResourceException("No such board meeting");
        }
        return m;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public BoardMeeting holdMeeting(Society society, LocalDate heldOn, String place, Collection<Long> present) {
        var errors = new FieldErrors()
                .check(heldOn != null, "heldOn", "Enter the date of the board meeting")
                .check(heldOn == null || !heldOn.isAfter(today().plusYears(1)), "heldOn", "The date must be within the next year")
                .check(place != null && !place.isBlank() && place.length() <= 500, "place", "Enter where the board met (or \"online\")");
        errors.throwIfAny();
        var board = directorsOn(society, heldOn);
        Set<Long> chosen = present == null ? Set.of() : Set.copyOf(present);
        var strangers = chosen.stream().filter(id -> !board.containsKey(id)).toList();
        errors.check(strangers.isEmpty(), "present", "Only directors in office on " + heldOn + " can be recorded as present");
        errors.check(!chosen.isEmpty(), "present", "Choose the directors present");
        errors.throwIfAny();
        var meeting = new BoardMeeting(society.id(), heldOn, place.strip(), chosen, LocalDateTime.now(clock));
        em.persist(meeting);
        em.flush();
        audit.record(society.id(), "board.meeting-recorded", "board_meeting", meeting.id(), null,
                Map.of("heldOn", heldOn.toString(), "place", meeting.place(),
                        "present", chosen.stream().sorted().map(board::get).toList()));
        return meeting;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public BoardItem addItem(Society society, long meetingId, String text, String by) {
        BoardMeeting meeting = meeting(society, meetingId);
        requireText(text);
        var item = BoardItem.atMeeting(meeting, text.strip(), by, LocalDateTime.now(clock));
        em.persist(item);
        em.flush();
        audit.record(society.id(), "board.item-added", "board_item", item.id(), null,
                Map.of("boardMeeting", meeting.id(), "text", item.text()));
        return item;
    }

    // ---- written resolutions

    /** Circulates a written resolution to the directors in office today. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BoardItem circulate(Society society, String text, String by) {
        requireText(text);
        LocalDate today = today();
        if (directorsOn(society, today).isEmpty()) {
            throw new InvalidInputException("text", "There are no directors in office to approve a written resolution:"
                    + " record the directors in the register of officers first");
        }
        var item = BoardItem.written(society.id(), text.strip(), today, by, LocalDateTime.now(clock));
        em.persist(item);
        em.flush();
        audit.record(society.id(), "board.written-resolution-circulated", "board_item", item.id(), null,
                Map.of("text", item.text(), "circulatedOn", today.toString(), "directors", directorsOn(society, today).values()));
        return item;
    }

    // ---- items

    public List<BoardItem> items(Society society) {
        return em.createQuery("select i from BoardItem i where i.societyId = :s order by i.id desc", BoardItem.class)
                .setParameter("s", society.id()).getResultList();
    }

    public List<BoardItem> itemsOf(BoardMeeting meeting) {
        return em.createQuery("select i from BoardItem i where i.boardMeetingId = :m order by i.id", BoardItem.class)
                .setParameter("m", meeting.id()).getResultList();
    }

    public BoardItem item(Society society, long id) {
        BoardItem item = em.find(BoardItem.class, id);
        if (item == null || item.societyId() != society.id()) {
            throw new NoSuchResourceException("No such board resolution");
        }
        return item;
    }

    public ItemView view(Society society, BoardItem item) {
        var conflicts = em.createQuery("select c from BoardConflict c where c.itemId = :i order by c.id", BoardConflict.class)
                .setParameter("i", item.id()).getResultStream().collect(Collectors.toMap(BoardConflict::director, c -> c,
                        (a, b) -> a, LinkedHashMap::new));
        var votes = em.createQuery("select v from BoardVote v where v.itemId = :i order by v.id", BoardVote.class)
                .setParameter("i", item.id()).getResultStream().collect(Collectors.toMap(BoardVote::director, v -> v,
                        (a, b) -> a, LinkedHashMap::new));
        var entitled = entitled(society, item);
        BoardCount.MeetingResult tally = null;
        if (item.kind() == BoardItem.Kind.MEETING) {
            tally = BoardCount.atMeeting(entitled.keySet(), conflicts.keySet(), choices(votes), quorum);
        }
        return new ItemView(item, entitled, conflicts, votes, tally);
    }

    /** The directors who may take part: present at its meeting, or in office when a written resolution was circulated. */
    Map<Long, String> entitled(Society society, BoardItem item) {
        return switch (item.kind()) {
            case MEETING -> {
                BoardMeeting meeting = meeting(society, item.boardMeetingId());
                var board = directorsOn(society, meeting.heldOn());
                var present = new LinkedHashMap<Long, String>();
                board.forEach((id, name) -> {
                    if (meeting.present().contains(id)) {
                        present.put(id, name);
                    }
                });
                yield present;
            }
            case WRITTEN -> directorsOn(society, item.circulatedOn());
            case RECORDED -> Map.of();
        };
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public BoardConflict declareConflict(Society society, long itemId, long director, String interest, Actor actor) {
        BoardItem item = openItem(society, itemId);
        var entitled = entitled(society, item);
        String name = requireDirector(society, entitled, director, actor);
        if (interest == null || interest.isBlank() || interest.length() > 500) {
            throw new InvalidInputException("interest", "Say what the interest is, in up to 500 characters");
        }
        long existing = em.createQuery("select count(c) from BoardConflict c where c.itemId = :i and c.director = :d", Long.class)
                .setParameter("i", itemId).setParameter("d", director).getSingleResult();
        if (existing > 0) {
            throw new ConflictException("director", name + " has already declared a conflict of interest in this item");
        }
        long voted = em.createQuery("select count(v) from BoardVote v where v.itemId = :i and v.director = :d", Long.class)
                .setParameter("i", itemId).setParameter("d", director).getSingleResult();
        if (voted > 0) {
            throw new ConflictException("director", name + " has already voted on this item: a conflict must be declared before voting");
        }
        var conflict = new BoardConflict(itemId, director, interest.strip(), LocalDateTime.now(clock));
        em.persist(conflict);
        em.flush();
        audit.record(society.id(), "board.conflict-declared", "board_item", itemId, null,
                Map.of("director", name, "interest", conflict.interest()));
        settleIfWritten(society, item);
        return conflict;
    }

    /**
     * Records a director's vote (or, on a written resolution, their approval FOR or refusal
     * AGAINST). A conflicted director is refused; so is a second vote (also by the database).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BoardVote vote(Society society, long itemId, long director, DirectorChoice choice, Actor actor) {
        BoardItem item = openItem(society, itemId);
        if (choice == null) {
            throw new InvalidInputException("choice", item.kind() == BoardItem.Kind.WRITTEN ? "Choose approve or refuse"
                    : "Choose for, against or abstain");
        }
        if (item.kind() == BoardItem.Kind.WRITTEN && choice == DirectorChoice.ABSTAIN) {
            throw new InvalidInputException("choice", "A written resolution is approved or refused: there is no abstaining");
        }
        var entitled = entitled(society, item);
        String name = requireDirector(society, entitled, director, actor);
        Set<Long> conflicted = Set.copyOf(em.createQuery("select c.director from BoardConflict c where c.itemId = :i", Long.class)
                .setParameter("i", itemId).getResultList());
        String refusal = BoardCount.refusal(director, name, entitled.keySet(), conflicted, item.kind() == BoardItem.Kind.WRITTEN);
        if (refusal != null) {
            throw new InvalidInputException("director", refusal);
        }
        long existing = em.createQuery("select count(v) from BoardVote v where v.itemId = :i and v.director = :d", Long.class)
                .setParameter("i", itemId).setParameter("d", director).getSingleResult();
        if (existing > 0) {
            throw new ConflictException("director", name + " has already voted on this item");
        }
        var vote = new BoardVote(itemId, director, choice, actor.account().email(), LocalDateTime.now(clock));
        em.persist(vote);
        em.flush();
        audit.record(society.id(), "board.vote-recorded", "board_item", itemId, null,
                Map.of("director", name, "choice", choice.name(), "recordedBy", actor.account().email()));
        settleIfWritten(society, item);
        return vote;
    }

    /** Declares the result of an item at a board meeting, counted from the votes recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BoardItem declare(Society society, long itemId) {
        BoardItem item = openItem(society, itemId);
        if (item.kind() != BoardItem.Kind.MEETING) {
            throw new ConflictException("item", "A written resolution is decided by the directors' approvals, not declared");
        }
        var tally = view(society, item).tally();
        if (!tally.quorate()) {
            throw new InvalidInputException("item", "The board is not quorate for this item: " + tally.eligible()
                    + " directors without a conflict of interest were present and the quorum is " + quorum);
        }
        LocalDate on = meeting(society, item.boardMeetingId()).heldOn();
        item.declare(tally.carried(), tally.votesFor(), tally.votesAgainst(), tally.abstentions(), on);
        audit.record(society.id(), "board.item-declared", "board_item", item.id(), Map.of("state", "OPEN"),
                Map.of("state", item.state().name(), "votesFor", tally.votesFor(), "votesAgainst", tally.votesAgainst(),
                        "abstentions", tally.abstentions()));
        return item;
    }

    /**
     * For other components: records a decision the board took (an allotment of shares, the approval
     * of withdrawals) so that it appears among the board's decisions, and returns its id to link to.
     *
     * @param by who records it (an email or "system")
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BoardItem recordDecision(Society society, String text, LocalDate decidedOn, String by) {
        requireText(text);
        if (decidedOn == null) {
            throw new InvalidInputException("decidedOn", "Enter the date the board decided");
        }
        var item = BoardItem.recorded(society.id(), text.strip(), decidedOn, by == null ? audit.currentActor() : by,
                LocalDateTime.now(clock));
        em.persist(item);
        em.flush();
        audit.record(society.id(), "board.decision-recorded", "board_item", item.id(), null,
                Map.of("text", item.text(), "decidedOn", decidedOn.toString()));
        return item;
    }

    private void settleIfWritten(Society society, BoardItem item) {
        if (item.kind() != BoardItem.Kind.WRITTEN) {
            return;
        }
        var view = view(society, item);
        var outcome = BoardCount.written(view.eligibleDirectors().keySet(), view.conflicts().keySet(), choices(view.votes()));
        if (outcome == BoardCount.WrittenOutcome.PENDING) {
            return;
        }
        int approvals = (int) view.votes().values().stream().filter(v -> v.choice() == DirectorChoice.FOR).count();
        int refusals = (int) view.votes().values().stream().filter(v -> v.choice() == DirectorChoice.AGAINST).count();
        item.settleWritten(outcome == BoardCount.WrittenOutcome.PASSED, approvals, refusals, today());
        audit.record(society.id(), "board.written-resolution-" + (outcome == BoardCount.WrittenOutcome.PASSED ? "passed" : "failed"),
                "board_item", item.id(), Map.of("state", "OPEN"), Map.of("state", item.state().name(), "approvals", approvals,
                        "refusals", refusals));
    }

    private BoardItem openItem(Society society, long itemId) {
        BoardItem item = em.find(BoardItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null || item.societyId() != society.id()) {
            throw new NoSuchResourceException("No such board resolution");
        }
        if (!item.isOpen()) {
            throw new ConflictException("item", "This resolution was already decided ("
                    + item.state().name().toLowerCase(Locale.ROOT) + " on " + item.decidedOn() + ")");
        }
        return item;
    }

    /** The director's name, if the actor may act for them. */
    private String requireDirector(Society society, Map<Long, String> entitled, long director, Actor actor) {
        OfficerAppointment appointment = em.find(OfficerAppointment.class, director);
        if (appointment == null || appointment.societyId() != society.id()
                || appointment.office() != Office.DIRECTOR && appointment.office() != Office.CHAIR) {
            throw new InvalidInputException("director", "Choose a director from the register of officers");
        }
        if (!actor.secretary() && !isSelf(appointment, actor.account())) {
            throw new AccessDeniedException("A director records only their own vote or declaration; the secretary records others'");
        }
        return entitled.getOrDefault(director, appointment.personName());
    }

    /** The register entry is this account's: linked to it, or (none linked) under the same name. */
    public static boolean isSelf(OfficerAppointment appointment, Account account) {
        if (appointment.accountId() != null) {
            return appointment.accountId().equals(account.id());
        }
        return account.displayName() != null && appointment.personName().trim().equalsIgnoreCase(account.displayName().trim());
    }

    /** The appointment ids among these directors that are the signed-in account's own. */
    public Set<Long> ownAppointments(Society society, Account account) {
        return officers.register(society).stream().filter(o -> isSelf(o, account)).map(OfficerAppointment::id)
                .collect(Collectors.toSet());
    }

    private static Map<Long, DirectorChoice> choices(Map<Long, BoardVote> votes) {
        var map = new LinkedHashMap<Long, DirectorChoice>();
        votes.forEach((d, v) -> map.put(d, v.choice()));
        return map;
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank() || text.length() > 10_000) {
            throw new InvalidInputException("text", "Enter the text of the resolution (up to 10,000 characters)");
        }
    }
}
