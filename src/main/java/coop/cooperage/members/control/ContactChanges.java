package coop.cooperage.members.control;

import coop.cooperage.identity.control.SecretTokens;
import coop.cooperage.members.entity.ContactChangeRequest;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberDetails;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Outbox;
import coop.cooperage.platform.control.PublicUrls;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * A member changes their own address or email: the request is emailed for confirmation (to the
 * new email when it changes, else to the current one) and applied, with history, only when the
 * link is followed.
 */
@ApplicationScoped
public class ContactChanges {

    public static final Duration VALIDITY = Duration.ofHours(24);
    public static final String INVALID = "This link has expired or has already been used. Ask for the change again.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Register register;

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public String request(Society society, Member member, String address, String postcode, String email) {
        if (member.state() != MemberState.MEMBER) {
            throw new InvalidInputException("address", "Only a current member can change their details here");
        }
        var details = new MemberDetails(member.kind(), member.name(), member.representative(), address, postcode, email,
                member.emailPurposes(), member.dateOfBirth(), member.isRegisteredSociety());
        var errors = details.validate(register.today(), 0);
        errors.throwIfAny();
        String sendTo = details.email() != null ? details.email() : member.email();
        if (sendTo == null) {
            throw new InvalidInputException("email", "Give an email address so that we can confirm the change, or ask the secretary");
        }
        String token = SecretTokens.generate();
        var now = LocalDateTime.now(clock);
        em.persist(new ContactChangeRequest(society.id(), member.id(), details.address(), details.parsedPostcode().value(),
                details.email(), SecretTokens.hash(token), now, now.plus(VALIDITY)));
        outbox.enqueue(society.id(), sendTo, "Confirm your new details for " + society.name(),
                "Dear " + member.name() + ",\n\nYou asked " + society.name() + " to change your details to:\n\n"
                        + details.address() + "\n" + details.parsedPostcode() + "\n" + (details.email() == null ? "(no email)" : details.email())
                        + "\n\nTo confirm, open this link within 24 hours:\n\n"
                        + urls.link("/s/" + society.slug() + "/my-membership/confirm?token=" + token)
                        + "\n\nIf you did not ask for this, ignore this email and nothing will change.\n");
        return sendTo;
    }

    @Transactional
    public Member confirm(Society society, String token) {
        if (token == null || token.length() > 100) {
            throw new InvalidInputException("token", INVALID);
        }
        var request = em.createQuery("select r from ContactChangeRequest r where r.tokenHash = :h", ContactChangeRequest.class)
                .setParameter("h", SecretTokens.hash(token)).getResultStream().findFirst()
                .filter(r -> r.societyId() == society.id() && r.isOpenAt(LocalDateTime.now(clock)))
                .orElseThrow(() -> new InvalidInputException("token", INVALID));
        Member member = register.byId(society, request.memberId());
        var details = new MemberDetails(member.kind(), member.name(), member.representative(), request.address(), request.postcode(),
                request.email(), member.emailPurposes(), member.dateOfBirth(), member.isRegisteredSociety());
        register.changeContact(society, member.memberNumber(), details, "member (confirmed by email)");
        request.confirm(LocalDateTime.now(clock));
        return member;
    }
}
