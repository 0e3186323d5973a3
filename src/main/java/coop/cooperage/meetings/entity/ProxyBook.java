package coop.cooperage.meetings.entity;

import coop.cooperage.society.entity.SocietyRules;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The proxies lodged for one general meeting, guarding the society's proxy rules: whether
 * proxies are allowed at all, the deadline for lodging or revoking them, and the most one person
 * may hold. In memory; persisting it is the boundary's job.
 *
 * <p>Rules as implemented, where the society's rules leave room:
 * <ul>
 * <li>The deadline is {@code proxyDeadlineHours} elapsed hours before the start, shown in
 *     Europe/London; lodging or revoking AT the deadline is in time, a second later is not.</li>
 * <li>A member has at most one proxy; a new appointment replaces the earlier one (as a later
 *     proxy form does on paper), so it is also subject to the deadline.</li>
 * <li>The maximum per holder applies to the chair as well: {@code SocietyRules} has no chair
 *     exemption, and we do not invent one.</li>
 * <li>After the deadline a member cannot revoke, but can still vote themselves, which overrides
 *     the proxy item by item (see {@code Count}).</li>
 * <li>At the meeting, only a holder who is there exercises their proxies ({@link #exercisedAt}).</li>
 * </ul>
 */
public class ProxyBook {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final boolean allowed;
    private final int maxPerHolder;
    private final ZonedDateTime deadline;
    private final Map<Long, ProxyAppointment> byAppointer = new LinkedHashMap<>();

    public ProxyBook(SocietyRules rules, ZonedDateTime meetingStart) {
        this.allowed = rules.proxiesAllowed();
        this.maxPerHolder = rules.proxyMaxPerHolder();
        // minusHours on the instant line: "48 hours before" is 48 real hours even across a clock change
        this.deadline = meetingStart.withZoneSameInstant(LONDON).minusHours(rules.proxyDeadlineHours());
    }

    /** The last moment a proxy may be lodged or revoked. */
    public ZonedDateTime deadline() {
        return deadline;
    }

    public ProxyAppointment appoint(long appointer, ProxyHolder holder, Map<String, VoteChoice> directions, ZonedDateTime at) {
        Objects.requireNonNull(holder, "holder");
        if (!allowed) {
            throw new ProxyRefusedException("The society's rules do not allow proxies");
        }
        requireInTime(at, "lodged");
        if (!holder.isChair() && holder.member() == appointer) {
            throw new ProxyRefusedException("Member " + appointer + " cannot appoint themselves as proxy");
        }
        long held = heldBy(holder).stream().filter(p -> p.appointer() != appointer).count();
        if (held >= maxPerHolder) {
            throw new ProxyRefusedException(capitalised(holder) + " already holds " + held
                    + " proxies, the most the rules allow one person to hold");
        }
        var appointment = new ProxyAppointment(appointer, holder, directions, at);
        byAppointer.remove(appointer); // a replacement goes to the end, in lodging order
        byAppointer.put(appointer, appointment);
        return appointment;
    }

    public void revoke(long appointer, ZonedDateTime at) {
        if (!byAppointer.containsKey(appointer)) {
            throw new ProxyRefusedException("Member " + appointer + " has no proxy to revoke");
        }
        requireInTime(at, "revoked");
        byAppointer.remove(appointer);
    }

    public Optional<ProxyAppointment> appointmentOf(long appointer) {
        return Optional.ofNullable(byAppointer.get(appointer));
    }

    public List<ProxyAppointment> heldBy(ProxyHolder holder) {
        return byAppointer.values().stream().filter(p -> p.holder().equals(holder)).toList();
    }

    /**
     * Members present by proxy, for the {@link Quorum}: those not present themselves whose holder
     * is. A proxy whose holder stayed away represents no one, and a member who came in person is
     * counted once, in person.
     */
    public long presentByProxy(Set<Long> presentInPerson, boolean chairPresent) {
        return byAppointer.values().stream()
                .filter(p -> !presentInPerson.contains(p.appointer()))
                .filter(p -> p.holder().isChair() ? chairPresent : presentInPerson.contains(p.holder().member()))
                .count();
    }

    /**
     * The proxies that can be exercised in a vote taken at the meeting: those whose holder is
     * there (the chair, once the meeting is open; a member holder, once checked in, in person or
     * online). A proxy is an appointment to attend and vote: a holder who stays away casts none
     * of their proxies' votes, directed or not, as {@link #presentByProxy} counts none of them
     * for the quorum. (Secret ballots are cast online during the poll, and need no attendance.)
     */
    public ProxyBook exercisedAt(Set<Long> present, boolean chairPresent) {
        var book = new ProxyBook(allowed, maxPerHolder, deadline);
        byAppointer.forEach((appointer, p) -> {
            if (p.holder().isChair() ? chairPresent : present.contains(p.holder().member())) {
                book.byAppointer.put(appointer, p);
            }
        });
        return book;
    }

    private ProxyBook(boolean allowed, int maxPerHolder, ZonedDateTime deadline) {
        this.allowed = allowed;
        this.maxPerHolder = maxPerHolder;
        this.deadline = deadline;
    }

    /** Every standing appointment, in the order lodged. */
    public Collection<ProxyAppointment> appointments() {
        return List.copyOf(byAppointer.values());
    }

    private void requireInTime(ZonedDateTime at, String what) {
        if (at.toInstant().isAfter(deadline.toInstant())) {
            throw new ProxyRefusedException("The deadline for proxies was " + deadline.toLocalDateTime()
                    + " (London time); a proxy can no longer be " + what + ", but the member may still vote in person"
                    + " or by any other channel open to them");
        }
    }

    private static String capitalised(ProxyHolder holder) {
        String s = holder.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
