package coop.cooperage.shares.control;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.control.PersonalData;
import coop.cooperage.members.entity.Member;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.reporting.control.ReportRenderer;
import coop.cooperage.shares.entity.ShareCertificate;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * Share certificates: finding them, who may have them, and drawing one as a PDF from its row. A
 * member downloads their own; an officer (or platform administrator) any of the society's; to
 * anyone else a certificate does not exist (404). The rule lives here so the pages and the API
 * cannot differ.
 */
@ApplicationScoped
public class ShareCertificates {

    /** The caller's own member record in the society (null if they have none) and its certificates. */
    public record Mine(Member member, List<ShareCertificate> certificates) {
    }

    public static final String REPORT = "shares/certificate";
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    @PersistenceContext
    EntityManager em;

    @Inject
    ReportRenderer renderer;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    PersonalData personalData;

    /** The caller's own certificates: none if they have no member record in the society. */
    public Mine ofCaller(Society society) {
        var member = personalData.memberFor(society, caller.requireAccount());
        return new Mine(member.orElse(null), member.map(m -> ofMember(society, m.id())).orElse(List.of()));
    }

    /** A certificate the caller may download; anyone who may not is told there is no such certificate. */
    public ShareCertificate forCaller(Society society, long number) {
        ShareCertificate c = byNumber(society, number);
        boolean officer = caller.isPlatformAdmin() || caller.rolesIn(society.id()).stream().anyMatch(Role::isOfficer);
        Long own = officer ? null : personalData.memberFor(society, caller.requireAccount()).map(Member::id).orElse(null);
        if (!mayDownload(officer, own, c.memberId())) {
            throw new NoSuchResourceException("No such certificate");
        }
        return c;
    }

    static boolean mayDownload(boolean officer, Long callerMemberId, long certificateMemberId) {
        return officer || callerMemberId != null && callerMemberId == certificateMemberId;
    }

    public List<ShareCertificate> ofMember(Society society, long memberId) {
        return em.createQuery("select c from ShareCertificate c where c.societyId = :s and c.memberId = :m order by c.number",
                ShareCertificate.class).setParameter("s", society.id()).setParameter("m", memberId).getResultList();
    }

    public List<ShareCertificate> ofOffer(Society society, long offerId) {
        return em.createQuery("select c from ShareCertificate c where c.societyId = :s and c.offerId = :o order by c.number",
                ShareCertificate.class).setParameter("s", society.id()).setParameter("o", offerId).getResultList();
    }

    public ShareCertificate byNumber(Society society, long number) {
        return em.createQuery("select c from ShareCertificate c where c.societyId = :s and c.number = :n", ShareCertificate.class)
                .setParameter("s", society.id()).setParameter("n", number).getResultStream().findFirst()
                .orElseThrow(() -> new NoSuchResourceException("No such certificate"));
    }

    public byte[] pdf(Society society, ShareCertificate certificate) {
        Member member = em.find(Member.class, certificate.memberId());
        ShareOffer offer = certificate.offerId() == null ? null : em.find(ShareOffer.class, certificate.offerId());
        var p = new HashMap<String, Object>();
        p.put(ReportRenderer.SOCIETY_NAME, society.name());
        p.put("BRAND_COLOUR", society.brandColour());
        p.put("REGISTRATION_NUMBER", society.fcaNumber());
        p.put("REGISTERED_OFFICE", society.registeredOffice());
        p.put("GENERATED_AT", GENERATED.format(LocalDateTime.now(clock.withZone(Clocks.UK))));
        p.put("CERTIFICATE_NUMBER", Long.toString(certificate.number()));
        p.put("MEMBER_NAME", member.name());
        p.put("MEMBER_NUMBER", member.memberNumber() == null ? "" : member.memberNumber().toString());
        p.put("SHARES", String.format(Locale.UK, "%,d", certificate.shares()));
        // every share of an allotment is paid at the offer's price, so the amount divides exactly
        p.put("SHARE_PRICE", coop.cooperage.money.Money.ofPence(certificate.amount().pence() / certificate.shares()).toString());
        p.put("AMOUNT", certificate.amount().toString());
        p.put("ISSUED_ON", Allotments.DATE.format(certificate.issuedOn()));
        p.put("OFFER_TITLE", offer == null ? null : offer.title());
        return renderer.pdf(REPORT, p, List.of());
    }
}
