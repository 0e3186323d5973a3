package coop.cooperage.members.control;

import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.members.entity.RegisterEntry;
import coop.cooperage.members.entity.SharesHeld;
import coop.cooperage.society.entity.AreaOfBenefit;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * The statutory register as it stood on a date, read in batches of 1,000 by member number so
 * that 50,000 members never sit in memory at once. Everyone entered on the register by the
 * date is in it; those who ceased by then show the date they ceased.
 */
@ApplicationScoped
public class RegisterEntries {

    static final int BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Holdings holdings;

    public long count(Society society, LocalDate asAt) {
        return em.createQuery("select count(m) from Member m where m.societyId = :s and m.state in :st and m.joinedOn <= :d", Long.class)
                .setParameter("s", society.id()).setParameter("st", List.of(MemberState.MEMBER, MemberState.CEASED))
                .setParameter("d", asAt).getSingleResult();
    }

    public Iterator<RegisterEntry> asAt(Society society, LocalDate asAt) {
        AreaOfBenefit area = society.areaOfBenefit();
        return new Iterator<>() {
            private final ArrayDeque<RegisterEntry> buffer = new ArrayDeque<>();
            private long after = 0;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                if (buffer.isEmpty() && !exhausted) {
                    fill();
                }
                return !buffer.isEmpty();
            }

            @Override
            public RegisterEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.poll();
            }

            private void fill() {
                List<Member> batch = em.createQuery("select m from Member m where m.societyId = :s and m.state in :st"
                        + " and m.joinedOn <= :d and m.memberNumber > :after order by m.memberNumber", Member.class)
                        .setParameter("s", society.id()).setParameter("st", List.of(MemberState.MEMBER, MemberState.CEASED))
                        .setParameter("d", asAt).setParameter("after", after).setMaxResults(BATCH).getResultList();
                if (batch.size() < BATCH) {
                    exhausted = true;
                }
                var held = holdings.of(society.id(), batch.stream().map(Member::id).toList(), asAt);
                for (Member m : batch) {
                    buffer.add(entry(m, held.getOrDefault(m.id(), SharesHeld.NONE), asAt, area));
                    after = m.memberNumber();
                }
                em.clear();
            }
        };
    }

    /** One member's entry, for their own download. */
    public RegisterEntry of(Society society, Member m, LocalDate asAt) {
        return entry(m, holdings.of(society.id(), m.id(), asAt), asAt, society.areaOfBenefit());
    }

    static RegisterEntry entry(Member m, SharesHeld h, LocalDate asAt, AreaOfBenefit area) {
        LocalDate ceased = m.ceasedOn() != null && !m.ceasedOn().isAfter(asAt) ? m.ceasedOn() : null;
        String purposes = m.emailPurposes().stream().sorted().map(EmailPurpose::label).collect(Collectors.joining("; "));
        return new RegisterEntry(m.memberNumber(), m.name(), m.representative(), m.address(), m.postcode().value(),
                m.email() == null ? "" : m.email(), purposes, h.shares(), h.amountPaid().pence(), "None", m.joinedOn(), ceased,
                area.contains(m.postcode().value()));
    }
}
