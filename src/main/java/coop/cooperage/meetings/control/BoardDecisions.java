package coop.cooperage.meetings.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.identity.control.Accounts;
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
import coop.cooperage.society.control.OfficerEnded;
import coop.cooperage.society.control.Officers;
import coop.cooperage.society.entity.Office;
import coop.cooperage.society.entity.OfficerAppointment;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decisions of the board of directors: board meetings and their items, conflicts of interest,
 * directors' votes, written resolutions, and decisions recorded by other parts of the system.
 *
 * <p>The directors are the entries of the register of officers for the offices of Director and
 * Chair current on the day. Entries linked to the same sign-in account are one person (a chair
 * entered also as a director); entries are never merged by name, as two people may share one. A
 * vote or consent is the director's own: the secretary may record any director's (minuting the
 * meeting, or a signed consent received); a director signed in may record only their own, and only
 * through an entry linked to their account (the secretary links it, {@link #linkAccount}): a
 * display name proves nothing, anyone can choose it. The board's quorum is the society's rule
 * ({@link coop.cooperage.society.entity.SocietyRules#boardQuorum()}): directors without a conflict present. The counting rules are {@link BoardCount}'s.
 *
 * <p>Every check made under the item's row lock reads the conflicts and votes with a locking read:
 * under MariaDB's REPEATABLE READ a plain read sees the snapshot taken at the transaction's first
 * read, before the lock was granted, and would miss a vote or declaration committed meanwhile.
 */
@ApplicationScoped
public class BoardDecisions {

    @PersistenceContext
    EntityManager em;

    @Inject
    Officers officers;

    @Inject
    Accounts accounts;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Who is acting: their account, and whether they act as secretary (for any director) or only as themselves. */
    public record Actor(Account account, boolean secretary) {
    }

    public record ItemView(BoardItem item, Map<Long, String> eligibleDirectors, Map<Long, BoardConflict> conflicts,
            Map<Long, BoardVote> votes, BoardCount.MeetingResult tally) {
    }

    /** The board's quorum, a rule of the society's: directors without a conflict who must be present. */
    public int quorum(Society society) {
        return society.rules().boardQuorum();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.UK));
    }

    /** The board on a day: one appointment per person holding the office of Director or Chair. */
    public Map<Long, String> directorsOn(Society society, LocalDate on) {
        return board(officers.register(society), on);
    }

    /** The board on each of these days, from one reading of the register of officers. */
    public Map<LocalDate, Map<Long, String>> directorsOn(Society society, Collection<LocalDate> days) {
        var register = officers.register(society);
        var out = new HashMap<LocalDate, Map<Long, String>>();
        days.forEach(d -> out.computeIfAbsent(d, on -> board(register, on)));
        return out;
    }

    /**
     * One entry per person among the directors current on the day: entries linked to the same
     * account are one person (the lowest entry stands for them); an entry with no account linked is
     * a person of its own. Names never merge entries: two directors may share a name.
     */
    static Map<Long, String> board(List<OfficerAppointment> register, LocalDate on) {
        var byPerson = new LinkedHashMap<String, OfficerAppointment>();
        for (var o : register) {
            if (isDirectorOffice(o) && o.isCurrentOn(on)) {
                String person = o.accountId() != null ? "account " + o.accountId() : "entry " + o.id();
                byPerson.merge(person, o, (a, b) -> a.id() < b.id() ? a : b);
            }
        }
        var directors = new LinkedHashMap<Long, String>();
        byPerson.values().stream().sorted(java.util.Comparator.comparing((OfficerAppointment o) -> o.personName(),
                String.CASE_INSENSITIVE_ORDER).thenComparing(OfficerAppointment::id))
                .forEach(o -> directors.put(o.id(), o.personName()));
        return directors;
    }

    /** Whether the person of this entry is still a director on the day (through it, or another entry linked to the same account). */
    static boolean stillServing(List<OfficerAppointment> register, long appointmentId, LocalDate on) {
        var entry = register.stream().filter(o -> o.id() == appointmentId).findFirst().orElse(null);
        if (entry == null) {
            return false;
        }
        if (entry.isCurrentOn(on)) {
            return true;
        }
        return entry.accountId() != null && register.stream().anyMatch(o -> isDirectorOffice(o) && o.isCurrentOn(on)
                && entry.accountId().equals(o.accountId()));
    }

    private static boolean isDirectorOffice(OfficerAppointment o) {
        return o.office() == Office.DIRECTOR || o.office() == Office.CHAIR;
    }

    // ---- board meetings

    public List<BoardMeeting> meetings(Society society) {
        // the directors present are read for all the meetings in one more query, not one per meeting
        return em.createQuery("select m from BoardMeeting m where m.societyId = :s order by m.heldOn desc, m.id desc", BoardMeeting.class)
                .setParameter("s", society.id()).setHint("eclipselink.batch", "m.present").setHint("eclipselink.batch.type", "IN")
                .getResultList();
    }

    /** The items put to these board meetings, by meeting id (in item order), in one query. */
    public Map<Long, List<BoardItem>> itemsOf(Collection<BoardMeeting> meetings) {
        var out = new LinkedHashMap<Long, List<BoardItem>>();
        meetings.forEach(m -> out.put(m.id(), new ArrayList<>()));
        if (!meetings.isEmpty()) {
            em.createQuery("select i from BoardItem i where i.boardMeetingId in :m order by i.id", BoardItem.class)
                    .setParameter("m", List.copyOf(out.keySet())).getResultList()
                    .forEach(i -> out.get(i.boardMeetingId()).add(i));
        }
        return out;
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

    /** Circulates a written resolution to the directors in office today: refused when they are fewer than the quorum. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BoardItem circulate(Society society, String text, String by) {
        requireText(text);
        LocalDate today = today();
        int inOffice = directorsOn(society, today).size();
        int quorum = quorum(society);
        if (inOffice < Math.max(1, quorum)) {
            throw new InvalidInputException("text", "A written resolution needs at least " + Math.max(1, quorum)
                    + " directors in office (the board quorum) and there " + (inOffice == 1 ? "is " : "are ") + inOffice
                    + ": record the directors in the register of officers first");
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
        return views(society, List.of(item)).get(0);
    }

    /**
     * The views of many items with a handful of queries whatever their number: the register of
     * officers, their board meetings, and all their conflicts and votes, each read once.
     */
    public List<ItemView> views(Society society, List<BoardItem> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        var ids = items.stream().map(BoardItem::id).toList();
        var conflicts = new HashMap<Long, Map<Long, BoardConflict>>();
        em.createQuery("select c from BoardConflict c where c.itemId in :i order by c.id", BoardConflict.class).setParameter("i", ids)
                .getResultList().forEach(c -> conflicts.computeIfAbsent(c.itemId(), k -> new LinkedHashMap<>()).putIfAbsent(c.director(), c));
        var votes = new HashMap<Long, Map<Long, BoardVote>>();
        em.createQuery("select v from BoardVote v where v.itemId in :i order by v.id", BoardVote.class).setParameter("i", ids)
                .getResultList().forEach(v -> votes.computeIfAbsent(v.itemId(), k -> new LinkedHashMap<>()).putIfAbsent(v.director(), v));
        var meetingIds = items.stream().map(BoardItem::boardMeetingId).filter(java.util.Objects::nonNull).distinct().toList();
        var meetings = new HashMap<Long, BoardMeeting>();
        if (!meetingIds.isEmpty()) {
            em.createQuery("select m from BoardMeeting m where m.id in :m and m.societyId = :s", BoardMeeting.class)
                    .setParameter("m", meetingIds).setParameter("s", society.id())
                    .setHint("eclipselink.batch", "m.present").setHint("eclipselink.batch.type", "IN")
                    .getResultList().forEach(m -> meetings.put(m.id(), m));
        }
        var register = officers.register(society);
        LocalDate today = today();
        int quorum = quorum(society);
        var out = new ArrayList<ItemView>();
        for (BoardItem item : items) {
            var itemConflicts = conflicts.getOrDefault(item.id(), new LinkedHashMap<>());
            var itemVotes = votes.getOrDefault(item.id(), new LinkedHashMap<>());
            BoardMeeting meeting = item.boardMeetingId() == null ? null : meetings.get(item.boardMeetingId());
            if (item.kind() == BoardItem.Kind.MEETING && meeting == null) {
                throw new NoSuchResourceException("No such board meeting");
            }
            var entitled = entitled(item, register, meeting, today);
            BoardCount.MeetingResult tally = null;
            if (item.kind() == BoardItem.Kind.MEETING) {
                tally = BoardCount.atMeeting(entitled.keySet(), itemConflicts.keySet(), choices(itemVotes), quorum);
            }
            out.add(new ItemView(item, entitled, itemConflicts, itemVotes, tally));
        }
        return out;
    }

    /**
     * The directors who may take part: present at its meeting; or, for a written resolution, those
     * in office when it was circulated who are still in office today (eligibility is judged on the
     * day of the decision, see {@link BoardCount}).
     */
    Map<Long, String> entitled(Society society, BoardItem item) {
        BoardMeeting meeting = item.kind() == BoardItem.Kind.MEETING ? meeting(society, item.boardMeetingId()) : null;
        return entitled(item, officers.register(society), meeting, today());
    }

    /** As above, from the register of officers and the item's board meeting (for an item at a meeting) already read. */
    static Map<Long, String> entitled(BoardItem item, List<OfficerAppointment> register, BoardMeeting meeting, LocalDate today) {
        return switch (item.kind()) {
            case MEETING -> {
                var board = board(register, meeting.heldOn());
                var present = new LinkedHashMap<Long, String>();
                board.forEach((id, name) -> {
                    if (meeting.present().contains(id)) {
                        present.put(id, name);
                    }
                });
                yield present;
            }
            case WRITTEN -> {
                var serving = new LinkedHashMap<Long, String>();
                board(register, item.circulatedOn()).forEach((id, name) -> {
                    if (stillServing(register, id, today)) {
                        serving.put(id, name);
                    }
                });
                yield serving;
            }
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
        if (conflictedNow(itemId).contains(director)) {
            throw new ConflictException("director", name + " has already declared a conflict of interest in this item");
        }
        if (votesNow(itemId).containsKey(director)) {
            throw new ConflictException("director", name + " has already voted on this item: a conflict must be declared before voting");
        }
        var conflict = new BoardConflict(itemId, director, interest.strip(), LocalDateTime.now(clock));
        em.persist(conflict);
        flush(name + " has already declared a conflict of interest in this item");
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
        String refusal = BoardCount.refusal(director, name, entitled.keySet(), conflictedNow(itemId), item.kind() == BoardItem.Kind.WRITTEN);
        if (refusal != null) {
            throw new InvalidInputException("director", refusal);
        }
        if (votesNow(itemId).containsKey(director)) {
            throw new ConflictException("director", name + " has already voted on this item");
        }
        var vote = new BoardVote(itemId, director, choice, actor.account().email(), LocalDateTime.now(clock));
        em.persist(vote);
        flush(name + " has already voted on this item");
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
        int quorum = quorum(society);
        var tally = BoardCount.atMeeting(entitled(society, item).keySet(), conflictedNow(itemId), votesNow(itemId), quorum);
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

    /**
     * A director leaving office may decide written resolutions circulated to them: the others may
     * now be unanimous without them, or too few for the quorum (it fails). An ending dated later
     * than today takes effect on the first approval, refusal or declaration after that day.
     */
    void onOfficerEnded(@Observes OfficerEnded ended) {
        if (ended.endedOn().isAfter(today())) {
            return;
        }
        Society society = em.find(Society.class, ended.societyId());
        var open = em.createQuery("select i.id from BoardItem i where i.societyId = :s and i.kind = :k and i.state = :o order by i.id",
                Long.class).setParameter("s", ended.societyId()).setParameter("k", BoardItem.Kind.WRITTEN)
                .setParameter("o", BoardItem.State.OPEN).getResultList();
        for (long id : open) {
            BoardItem item = em.find(BoardItem.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (item.isOpen() && !item.circulatedOn().isAfter(ended.endedOn())) {
                settleIfWritten(society, item);
            }
        }
    }

    private void settleIfWritten(Society society, BoardItem item) {
        if (item.kind() != BoardItem.Kind.WRITTEN) {
            return;
        }
        var eligible = entitled(society, item).keySet();
        var conflicted = conflictedNow(item.id());
        var votes = votesNow(item.id());
        var outcome = BoardCount.written(eligible, conflicted, votes, quorum(society));
        if (outcome == BoardCount.WrittenOutcome.PENDING) {
            return;
        }
        // the figures are those of the directors who decided it: not of one who has since left office
        int approvals = (int) votes.entrySet().stream().filter(v -> eligible.contains(v.getKey()) && v.getValue() == DirectorChoice.FOR).count();
        int refusals = (int) votes.entrySet().stream().filter(v -> eligible.contains(v.getKey()) && v.getValue() == DirectorChoice.AGAINST).count();
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

    /**
     * The register entry is this account's: linked to it. An entry with no account linked is no
     * one's to act on themselves (the secretary records for them): a display name is chosen by its
     * owner and another director could take the same one.
     */
    public static boolean isSelf(OfficerAppointment appointment, Account account) {
        return appointment.accountId() != null && account != null && appointment.accountId().equals(account.id());
    }

    /**
     * The secretary links a director's entry in the register of officers to the account they sign
     * in with (someone with a role in this society), so they can record their own votes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OfficerAppointment linkAccount(Society society, long appointmentId, String email) {
        OfficerAppointment appointment = em.find(OfficerAppointment.class, appointmentId, LockModeType.PESSIMISTIC_WRITE);
        if (appointment == null || appointment.societyId() != society.id() || !isDirectorOffice(appointment)) {
            throw new NoSuchResourceException("No such director in the register of officers");
        }
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("email", "Enter the email address the director signs in with");
        }
        // an account of someone outside the society is not found either: nothing is learnt about other societies
        Account account = accounts.byEmail(email.strip()).filter(a -> !accounts.rolesIn(a.id(), society.id()).isEmpty())
                .orElseThrow(() -> new InvalidInputException("email",
                        "Nobody with a role in this society signs in with that email address: invite them first"));
        if (appointment.accountId() != null && !appointment.accountId().equals(account.id())) {
            throw new ConflictException("email", appointment.personName() + "'s entry is already linked to another account");
        }
        appointment.linkAccount(account.id());
        audit.record(society.id(), "board.director-linked", "officer", appointment.id(), null,
                Map.of("personName", appointment.personName(), "account", account.email()));
        return appointment;
    }

    /** The item's conflicts of interest, by a locking read (see the class comment). */
    private Set<Long> conflictedNow(long itemId) {
        List<?> rows = em.createNativeQuery("SELECT appointment_id FROM board_conflict WHERE item_id = ? FOR UPDATE")
                .setParameter(1, itemId).getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).collect(Collectors.toSet());
    }

    /** The item's votes, by a locking read (see the class comment). */
    private Map<Long, DirectorChoice> votesNow(long itemId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT appointment_id, choice FROM board_vote WHERE item_id = ? ORDER BY id FOR UPDATE")
                .setParameter(1, itemId).getResultList();
        var votes = new LinkedHashMap<Long, DirectorChoice>();
        for (Object[] row : rows) {
            votes.put(((Number) row[0]).longValue(), DirectorChoice.valueOf((String) row[1]));
        }
        return votes;
    }

    /**
     * Writes the new row; a duplicate the unique key caught (a second request that slipped past
     * the checks) is the same conflict the checks report, not a server error.
     */
    private void flush(String duplicateMessage) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isDuplicate(e)) {
                throw new ConflictException("director", duplicateMessage);
            }
            throw e;
        }
    }

    static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1062 || "23000".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
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
