package coop.cooperage.meetings.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.MeetingDocument;
import coop.cooperage.meetings.entity.MeetingKind;
import coop.cooperage.meetings.entity.MeetingState;
import coop.cooperage.meetings.entity.NoticeCheck;
import coop.cooperage.meetings.entity.RecordDate;
import coop.cooperage.meetings.entity.Resolution;
import coop.cooperage.meetings.entity.ResolutionKind;
import coop.cooperage.meetings.entity.ResolutionState;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.ConflictException;
import coop.cooperage.platform.control.FieldErrors;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.NoSuchResourceException;
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
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * General meetings as the secretary runs them: the meeting and its notice in clear days, the
 * record date and the roll of members it entitles, documents, and the resolutions on the agenda.
 *
 * <p>Who may vote (our rule, where the Act leaves it to us): a member entered on the register
 * on or before the record date and not ceased by the end of it ({@link RecordDate}), and not
 * ceased by the day the vote is cast either. A member who joins after the record date may come
 * but does not vote; one who has left cannot vote even if the roll was fixed before they left.
 */
@ApplicationScoped
public class GeneralMeetings {

    static final int MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    /** What the secretary enters for a meeting. {@code noticeSentOn}: notice already given by other means, or null. */
    public record Details(MeetingKind kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
            String onlineLink, String agenda, LocalDate recordDate, LocalDateTime pollClosesAt, LocalDate noticeSentOn) {
    }

    public record ResolutionInput(String title, String text, String proposer, ResolutionKind kind, boolean secret,
            Long confirmsResolutionId) {
    }

    public LocalDateTime now() {
        return nowInUk().toLocalDateTime();
    }

    /** Now in UK time with its offset, which tells the two passes of the autumn's repeated hour apart. */
    public ZonedDateTime nowInUk() {
        return ZonedDateTime.now(clock.withZone(Clocks.UK)).truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.UK));
    }

    public List<Meeting> of(Society society) {
        return em.createQuery("select m from Meeting m where m.societyId = :s order by m.startsAt desc, m.id desc", Meeting.class)
                .setParameter("s", society.id()).getResultList();
    }

    public Meeting byId(Society society, long id) {
        Meeting m = em.find(Meeting.class, id);
        if (m == null || m.societyId() != society.id()) {
            throw new NoSuchResourceException("No such meeting");
        }
        return m;
    }

    /** The meeting, locked against every other change to it until the transaction ends. */
    public Meeting locked(Society society, long id) {
        Meeting m = byId(society, id);
        em.refresh(m, LockModeType.PESSIMISTIC_WRITE);
        return m;
    }

    /**
     * Whether notice sent on {@code sentOn} (today when it has not gone yet) is enough for the
     * meeting's date, in the society's clear days.
     */
    public NoticeCheck noticeCheck(Society society, Meeting meeting) {
        LocalDate sent = meeting.noticeSentOn() == null ? today() : meeting.noticeSentOn();
        return Notice.check(sent, meeting.startsAt().toLocalDate(), society.rules().meetingNoticeClearDays());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Meeting create(Society society, Details d) {
        validate(society, d, null);
        var m = new Meeting(society.id(), d.kind(), d.title().trim(), d.startsAt(), d.endsAt(), blankToNull(d.place()),
                blankToNull(d.onlineLink()), d.agenda().trim(), d.recordDate(), now());
        m.revise(d.kind(), d.title().trim(), d.startsAt(), d.endsAt(), blankToNull(d.place()), blankToNull(d.onlineLink()),
                d.agenda().trim(), d.recordDate(), d.pollClosesAt());
        em.persist(m);
        if (d.noticeSentOn() != null) {
            m.giveNotice(d.noticeSentOn(), society.rules().meetingNoticeClearDays());
        }
        em.flush();
        audit.record(society.id(), "meeting.created", "Meeting", m.id(), null, snapshot(m));
        return m;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Meeting revise(Society society, long id, Details d) {
        Meeting m = locked(society, id);
        validate(society, d, m);
        var before = snapshot(m);
        guarded(() -> m.revise(d.kind(), d.title().trim(), d.startsAt(), d.endsAt(), blankToNull(d.place()),
                blankToNull(d.onlineLink()), d.agenda().trim(), d.recordDate(), d.pollClosesAt()));
        if (d.noticeSentOn() != null) {
            guarded(() -> m.giveNotice(d.noticeSentOn(), society.rules().meetingNoticeClearDays()));
        }
        audit.record(society.id(), "meeting.changed", "Meeting", m.id(), before, snapshot(m));
        return m;
    }

    /** Notice given outside Cooperage's own mailing: the date it was served, checked in clear days. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Meeting recordNotice(Society society, long id, LocalDate sentOn) {
        Meeting m = locked(society, id);
        if (sentOn == null) {
            throw new InvalidInputException("noticeSentOn", "Enter the date notice was sent");
        }
        if (sentOn.isAfter(today())) {
            throw new InvalidInputException("noticeSentOn", "Notice cannot be recorded as sent on a day still to come");
        }
        var check = Notice.check(sentOn, m.startsAt().toLocalDate(), society.rules().meetingNoticeClearDays());
        check.refusal().ifPresent(r -> {
            throw new InvalidInputException("noticeSentOn", r);
        });
        var before = snapshot(m);
        guarded(() -> m.giveNotice(sentOn, society.rules().meetingNoticeClearDays()));
        audit.record(society.id(), "meeting.notice-recorded", "Meeting", m.id(), before, snapshot(m));
        return m;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Meeting transition(Society society, long id, String action) {
        Meeting m = locked(society, id);
        var before = snapshot(m);
        LocalDateTime now = now();
        switch (action) {
            case "open" -> {
                if (m.noticeSentOn() == null) {
                    throw new ConflictException("state", "Give notice of the meeting before opening it");
                }
                if (now.toLocalDate().isBefore(m.startsAt().toLocalDate())) {
                    throw new ConflictException("state", "The meeting is on " + m.startsAt().toLocalDate()
                            + "; it cannot be opened before that day");
                }
                guarded(m::open);
            }
            case "close-poll" -> guarded(() -> m.closePoll(now));
            case "close" -> guarded(() -> m.close(now));
            case "cancel" -> guarded(m::cancel);
            default -> throw new IllegalArgumentException(action);
        }
        audit.record(society.id(), "meeting." + action, "Meeting", m.id(), before, snapshot(m));
        return m;
    }

    private void validate(Society society, Details d, Meeting existing) {
        var errors = new FieldErrors();
        errors.check(d.kind() != null, "kind", "Choose the kind of meeting");
        errors.check(d.title() != null && !d.title().isBlank() && d.title().length() <= 200, "title",
                "Enter a title of up to 200 characters");
        errors.check(d.startsAt() != null, "startsAt", "Enter when the meeting starts");
        errors.check(d.agenda() != null && !d.agenda().isBlank(), "agenda", "Enter the agenda");
        errors.check(d.recordDate() != null, "recordDate", "Enter the record date, which fixes who may vote");
        boolean place = d.place() != null && !d.place().isBlank();
        boolean link = d.onlineLink() != null && !d.onlineLink().isBlank();
        errors.check(place || link, "place", "Enter the place, an online link, or both");
        errors.check(!place || d.place().length() <= 500, "place", "The place must be 500 characters or fewer");
        errors.check(!link || (d.onlineLink().length() <= 500 && d.onlineLink().trim().matches("https://\\S+")), "onlineLink",
                "Enter the online link as a full https:// address");
        if (d.startsAt() != null) {
            errors.check(d.endsAt() == null || d.endsAt().isAfter(d.startsAt()), "endsAt", "The meeting must end after it starts");
            errors.check(d.recordDate() == null || !d.recordDate().isAfter(d.startsAt().toLocalDate()), "recordDate",
                    "The record date must be on or before the day of the meeting");
            errors.check(d.pollClosesAt() == null || d.pollClosesAt().isAfter(d.startsAt())
                    || d.pollClosesAt().isEqual(d.startsAt()), "pollClosesAt",
                    "The poll cannot close before the meeting starts");
            if (!errors.has("startsAt")) {
                // notice in clear days: by the day it was given, or if not yet given, by today
                boolean given = d.noticeSentOn() != null;
                LocalDate sent = given ? d.noticeSentOn() : today();
                if (given && sent.isAfter(today())) {
                    errors.add("noticeSentOn", "Notice cannot be recorded as sent on a day still to come");
                } else if (existing == null || existing.state() == MeetingState.DRAFT) {
                    Notice.check(sent, d.startsAt().toLocalDate(), society.rules().meetingNoticeClearDays()).refusal()
                            .ifPresent(r -> errors.add(given ? "noticeSentOn" : "startsAt", r));
                }
            }
        }
        errors.throwIfAny();
    }

    // ---- documents ----

    public List<MeetingDocument> documents(Meeting m) {
        return em.createQuery("select d from MeetingDocument d where d.meetingId = :m order by d.id", MeetingDocument.class)
                .setParameter("m", m.id()).getResultList();
    }

    public MeetingDocument document(Society society, long meetingId, long documentId) {
        Meeting m = byId(society, meetingId);
        MeetingDocument d = em.find(MeetingDocument.class, documentId);
        if (d == null || d.meetingId() != m.id()) {
            throw new NoSuchResourceException("No such document");
        }
        return d;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MeetingDocument addDocument(Society society, long meetingId, String title, String fileName, String contentType,
            byte[] content) {
        Meeting m = locked(society, meetingId);
        var errors = new FieldErrors();
        errors.check(title != null && !title.isBlank() && title.length() <= 200, "title", "Enter a title for the document");
        errors.check(fileName != null && !fileName.isBlank(), "file", "Choose a file to upload");
        errors.check(content != null && content.length > 0, "file", "The file is empty");
        errors.check(content == null || content.length <= MAX_DOCUMENT_BYTES, "file", "The file must be 20 MB or smaller");
        errors.throwIfAny();
        if (m.state() == MeetingState.CLOSED || m.state() == MeetingState.CANCELLED) {
            throw new ConflictException("file", "The meeting is " + m.state().name().toLowerCase() + "; its papers are fixed");
        }
        String name = fileName.replaceAll("[\\\\/]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        var doc = new MeetingDocument(m.id(), title.trim(), name,
                contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType, content, now());
        em.persist(doc);
        em.flush();
        audit.record(society.id(), "meeting.document-added", "MeetingDocument", doc.id(), null,
                Map.of("meeting", m.id(), "title", doc.title(), "fileName", doc.fileName(), "bytes", content.length));
        return doc;
    }

    // ---- resolutions ----

    public List<Resolution> resolutions(Meeting m) {
        return em.createQuery("select r from Resolution r where r.meetingId = :m order by r.position", Resolution.class)
                .setParameter("m", m.id()).getResultList();
    }

    public Resolution resolution(Society society, long meetingId, long resolutionId) {
        Meeting m = byId(society, meetingId);
        Resolution r = em.find(Resolution.class, resolutionId);
        if (r == null || r.meetingId() != m.id()) {
            throw new NoSuchResourceException("No such resolution");
        }
        return r;
    }

    /** The resolution as committed, locked: for changes made under the meeting's lock. */
    public Resolution lockedResolution(Society society, long meetingId, long resolutionId) {
        Resolution r = resolution(society, meetingId, resolutionId);
        em.refresh(r, LockModeType.PESSIMISTIC_WRITE);
        return r;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution addResolution(Society society, long meetingId, ResolutionInput in) {
        Meeting m = locked(society, meetingId);
        if (m.state() != MeetingState.DRAFT && m.state() != MeetingState.NOTICED) {
            throw new ConflictException("title", "Resolutions can be added only before the meeting opens");
        }
        validate(society, m, in);
        int position = resolutions(m).stream().mapToInt(Resolution::position).max().orElse(0) + 1;
        var r = new Resolution(society.id(), m.id(), position, in.title().trim(), in.text().trim(), in.proposer().trim(),
                in.kind(), in.secret());
        r.confirming(in.confirmsResolutionId());
        em.persist(r);
        em.flush();
        audit.record(society.id(), "resolution.proposed", "Resolution", r.id(), null, snapshot(r));
        return r;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution reviseResolution(Society society, long meetingId, long resolutionId, ResolutionInput in) {
        Meeting m = locked(society, meetingId);
        Resolution r = lockedResolution(society, meetingId, resolutionId);
        validate(society, m, in);
        String fixed = fixedBecause(m, r);
        if (fixed != null) {
            throw new ConflictException("text", fixed);
        }
        var before = snapshot(r);
        guarded(() -> r.revise(in.title().trim(), in.text().trim(), in.proposer().trim(), in.kind(), in.secret(),
                in.confirmsResolutionId()));
        audit.record(society.id(), "resolution.changed", "Resolution", r.id(), before, snapshot(r));
        return r;
    }

    /**
     * Why the resolution can no longer be changed, or null while it can: its wording is fixed once
     * notice of the meeting is given (which is also when voting opens), and once it is no longer
     * simply proposed (withdrawn or decided).
     */
    public static String fixedBecause(Meeting m, Resolution r) {
        if (m.state() != MeetingState.DRAFT) {
            return "Notice of the meeting has been given: the resolution's wording is fixed (withdraw it instead)";
        }
        if (r.state() != ResolutionState.PROPOSED) {
            return "Resolution " + r.position() + " is " + r.state().name().toLowerCase() + " and can no longer be changed";
        }
        return null;
    }

    /** An s.111 resolution carried at an earlier meeting, with that meeting's title: what a confirmation may confirm. */
    public record CarriedS111(Resolution resolution, String meetingTitle) {
    }

    /** The s.111 resolutions carried at the society's other meetings, in one query (latest meeting first, then agenda order). */
    public List<CarriedS111> carriedS111Elsewhere(Society society, Meeting m) {
        return em.createQuery("select r, m.title from Resolution r, Meeting m where m.id = r.meetingId and m.societyId = :s"
                + " and m.id <> :meeting and r.kind = :kind and r.state = :state order by m.startsAt desc, m.id desc, r.position",
                Object[].class).setParameter("s", society.id()).setParameter("meeting", m.id())
                .setParameter("kind", ResolutionKind.S111_FIRST_MEETING).setParameter("state", ResolutionState.CARRIED)
                .getResultStream().map(x -> new CarriedS111((Resolution) x[0], (String) x[1])).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Resolution withdraw(Society society, long meetingId, long resolutionId) {
        locked(society, meetingId);
        Resolution r = lockedResolution(society, meetingId, resolutionId);
        var before = snapshot(r);
        guarded(r::withdraw);
        audit.record(society.id(), "resolution.withdrawn", "Resolution", r.id(), before, snapshot(r));
        return r;
    }

    private void validate(Society society, Meeting m, ResolutionInput in) {
        var errors = new FieldErrors();
        errors.check(in.title() != null && !in.title().isBlank() && in.title().length() <= 200, "title",
                "Enter a title of up to 200 characters");
        errors.check(in.text() != null && !in.text().isBlank(), "text", "Enter the text of the resolution");
        errors.check(in.proposer() != null && !in.proposer().isBlank() && in.proposer().length() <= 200, "proposer",
                "Enter who proposes it");
        errors.check(in.kind() != null, "kind", "Choose the kind of resolution");
        if (in.kind() == ResolutionKind.S111_CONFIRMATION) {
            Resolution first = in.confirmsResolutionId() == null ? null : em.find(Resolution.class, in.confirmsResolutionId());
            if (first == null || first.societyId() != society.id()) {
                errors.add("confirmsResolutionId", "Choose the s.111 resolution passed at the first meeting that this confirms");
            } else if (first.kind() != ResolutionKind.S111_FIRST_MEETING || first.state() != ResolutionState.CARRIED
                    || first.meetingId() == m.id()) {
                errors.add("confirmsResolutionId", "Only an s.111 resolution carried at an earlier meeting can be confirmed");
            }
        } else if (in.confirmsResolutionId() != null) {
            errors.add("confirmsResolutionId", "Only an s.111 confirmation confirms another resolution");
        }
        errors.throwIfAny();
    }

    // ---- who may vote ----

    /** The members entitled to vote at the meeting, fixed by its record date. */
    public Set<Long> roll(Meeting m) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM member WHERE society_id = ?1 AND joined_on IS NOT NULL"
                + " AND joined_on <= ?2 AND (ceased_on IS NULL OR ceased_on > ?2)")
                .setParameter(1, m.societyId()).setParameter(2, m.recordDate()).getResultList();
        return ids.stream().map(Number::longValue).collect(Collectors.toUnmodifiableSet());
    }

    public long rollSize(Meeting m) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM member WHERE society_id = ?1 AND joined_on IS NOT NULL"
                + " AND joined_on <= ?2 AND (ceased_on IS NULL OR ceased_on > ?2)")
                .setParameter(1, m.societyId()).setParameter(2, m.recordDate()).getSingleResult()).longValue();
    }

    /**
     * Why the member may not vote now, or null when they may: on the roll at the record date and
     * not ceased by today.
     */
    public String ineligibility(Meeting m, long memberId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT joined_on, ceased_on FROM member WHERE id = ?1 AND society_id = ?2")
                .setParameter(1, memberId).setParameter(2, m.societyId()).getResultStream().findFirst().orElse(null);
        if (row == null) {
            return "Not a member of this society";
        }
        LocalDate joined = toDate(row[0]);
        LocalDate ceased = toDate(row[1]);
        if (!new RecordDate(m.recordDate()).entitles(joined, ceased)) {
            if (joined == null) {
                return "Not a member: only members on the register at the end of the record date (" + m.recordDate()
                        + ") may vote";
            }
            if (joined.isAfter(m.recordDate())) {
                return "Joined on " + joined + ", after the record date (" + m.recordDate()
                        + "): only members on the register at the end of that day may vote";
            }
            return "Ceased to be a member on " + ceased + ", so was not on the register at the end of the record date ("
                    + m.recordDate() + ")";
        }
        if (ceased != null && !ceased.isAfter(today())) {
            return "Ceased to be a member on " + ceased + " and can no longer vote";
        }
        return null;
    }

    static LocalDate toDate(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        return LocalDate.parse(o.toString().substring(0, 10));
    }

    /** The member's id from their number in this society; 400 naming the field when there is none. */
    public long memberId(Society society, Long number, String field) {
        if (number == null) {
            throw new InvalidInputException(field, "Enter the member number");
        }
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("SELECT id FROM member WHERE society_id = ?1 AND member_number = ?2")
                .setParameter(1, society.id()).setParameter(2, number).getResultList();
        return found.stream().findFirst().map(o -> ((Number) o).longValue())
                .orElseThrow(() -> new InvalidInputException(field, "There is no member number " + number));
    }

    /** Member numbers and names by id, for showing votes and attendance. */
    public Map<Long, Object[]> memberNames(Society society, java.util.Collection<Long> ids) {
        var out = new LinkedHashMap<Long, Object[]>();
        if (ids.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, member_number, name FROM member WHERE society_id = ?1 AND id IN ("
                + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")
                .setParameter(1, society.id()).getResultList();
        rows.forEach(r -> out.put(((Number) r[0]).longValue(), new Object[] {r[1] == null ? null : ((Number) r[1]).longValue(), r[2]}));
        return out;
    }

    // ---- helpers ----

    /** Runs an entity state change, turning its refusal into a 409 with the entity's own words. */
    static void guarded(Runnable change) {
        try {
            change.run();
        } catch (IllegalStateException e) {
            throw new ConflictException("state", e.getMessage());
        }
    }

    static <T> T guarded(Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalStateException e) {
            throw new ConflictException("state", e.getMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static Map<String, Object> snapshot(Meeting m) {
        var map = new LinkedHashMap<String, Object>();
        map.put("kind", m.kind());
        map.put("title", m.title());
        map.put("startsAt", String.valueOf(m.startsAt()));
        map.put("endsAt", String.valueOf(m.endsAt()));
        map.put("place", m.place());
        map.put("onlineLink", m.onlineLink());
        map.put("recordDate", String.valueOf(m.recordDate()));
        map.put("noticeSentOn", String.valueOf(m.noticeSentOn()));
        map.put("pollClosesAt", String.valueOf(m.pollClosesAt()));
        map.put("state", m.state());
        return map;
    }

    static Map<String, Object> snapshot(Resolution r) {
        var map = new LinkedHashMap<String, Object>();
        map.put("meeting", r.meetingId());
        map.put("position", r.position());
        map.put("title", r.title());
        map.put("text", r.text());
        map.put("proposer", r.proposer());
        map.put("kind", r.kind());
        map.put("secret", r.secret());
        map.put("state", r.state());
        map.put("for", r.votesFor());
        map.put("against", r.votesAgainst());
        map.put("abstentions", r.abstentions());
        map.put("eligible", r.eligible());
        map.put("decidedBy", r.decidedBy());
        map.put("confirms", r.confirmsResolutionId());
        return map;
    }
}
