package coop.cooperage.payments.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.members.entity.Member;
import coop.cooperage.payments.entity.BacsOriginator;
import coop.cooperage.money.BankDetails;
import coop.cooperage.money.InvalidBankDetailsException;
import coop.cooperage.payments.entity.MemberBankDetails;
import coop.cooperage.payments.entity.OriginatingAccount;
import coop.cooperage.platform.control.FieldErrors;
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
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bank accounts the society holds: members' own (for money paid out to them) and the society's
 * originating account for Bacs. Account numbers are stored sealed and shown masked; the audit
 * trail and emails carry only the masked form, so neither ever holds an account number.
 */
@ApplicationScoped
public class BankAccounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    BankDetailsVault vault;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    PublicUrls urls;

    @Inject
    Clock clock;

    public Optional<MemberBankDetails> of(Member member) {
        return Optional.ofNullable(em.find(MemberBankDetails.class, member.id()));
    }

    /**
     * Enters or replaces a member's bank details. The member is emailed (without the details) so
     * that a change they did not make is noticed: redirecting a withdrawal is the obvious fraud.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MemberBankDetails set(Society society, Member member, String sortCode, String accountNumber, String accountName,
            String by) {
        if (member.societyId() != society.id()) {
            throw new IllegalArgumentException("Member " + member.id() + " is not in society " + society.id());
        }
        BankDetails details = validate(sortCode, accountNumber, accountName);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        MemberBankDetails stored = em.find(MemberBankDetails.class, member.id());
        String before = stored == null ? null : stored.masked();
        if (stored == null) {
            stored = new MemberBankDetails(member.id(), society.id(), vault.seal(details), details.masked(), now, by);
            em.persist(stored);
        } else {
            stored.replace(vault.seal(details), details.masked(), now, by);
        }
        audit.record(society.id(), "member.bank-details-changed", "member", member.id(),
                before == null ? null : Map.of("bankAccount", before), Map.of("bankAccount", details.masked()));
        if (member.email() != null) {
            outbox.enqueue(society.id(), member.email(), "Your bank details with " + society.name() + " have changed",
                    "Dear " + member.name() + ",\n\n"
                            + "The bank account " + society.name() + " pays your money into was "
                            + (before == null ? "added" : "changed") + " on "
                            + now.toLocalDate() + ". It now ends " + details.masked() + ".\n\n"
                            + "If you did not make or ask for this change, contact the society at once.\n\n"
                            + "See your bank details: " + urls.link("/s/" + society.slug() + "/my-bank-details") + "\n");
        }
        return stored;
    }

    /** The society's Bacs setting, if the treasurer has entered it. */
    public Optional<OriginatingAccount> originator(Society society) {
        return Optional.ofNullable(em.find(OriginatingAccount.class, society.id()));
    }

    /** The originator as the Bacs writer takes it, opened from storage. */
    public BacsOriginator open(String serviceUserNumber, String serviceUserName, byte[] sealedAccount) {
        return new BacsOriginator(serviceUserNumber, serviceUserName, vault.open(sealedAccount));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OriginatingAccount setOriginator(Society society, String serviceUserNumber, String serviceUserName, String sortCode,
            String accountNumber, String accountName, String by) {
        var errors = new FieldErrors();
        String sun = serviceUserNumber == null ? "" : serviceUserNumber.strip();
        errors.check(sun.matches("[0-9]{6}"), "serviceUserNumber",
                "Enter the 6-digit Service User Number your bank gave you for Bacs");
        String name = serviceUserName == null ? "" : BacsText.field(serviceUserName, 18).stripTrailing();
        errors.check(!name.isEmpty(), "serviceUserName",
                "Enter the service user name payees see (letters and digits; Bacs carries 18 characters)");
        BankDetails account = null;
        try {
            account = validate(sortCode, accountNumber, accountName);
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.add(f.field(), f.message()));
        }
        errors.throwIfAny();
        OriginatingAccount stored = em.find(OriginatingAccount.class, society.id());
        Map<String, Object> before = stored == null ? null : snapshot(stored);
        if (stored == null) {
            stored = new OriginatingAccount(society.id());
            em.persist(stored);
        }
        stored.set(sun, name, vault.seal(account), account.masked(), LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS), by);
        audit.record(society.id(), "payments.originator-changed", "society", society.id(), before, snapshot(stored));
        return stored;
    }

    private static Map<String, Object> snapshot(OriginatingAccount o) {
        var map = new LinkedHashMap<String, Object>();
        map.put("serviceUserNumber", o.serviceUserNumber());
        map.put("serviceUserName", o.serviceUserName());
        map.put("bankAccount", o.masked());
        return map;
    }

    /**
     * Bank details as typed, checked for Bacs: the rules of {@link BankDetails}, and a name that
     * has something a Bacs record can carry. Problems come back against the form's fields.
     */
    public static BankDetails validate(String sortCode, String accountNumber, String accountName) {
        var errors = new FieldErrors();
        BankDetails details = null;
        try {
            details = new BankDetails(sortCode, accountNumber, accountName);
        } catch (InvalidBankDetailsException e) {
            for (var p : e.problems()) {
                errors.add(switch (p.field()) {
                    case SORT_CODE -> "sortCode";
                    case ACCOUNT_NUMBER -> "accountNumber";
                    case ACCOUNT_NAME -> "accountName";
                }, p.message());
            }
        }
        if (details != null && BacsText.clean(details.accountName()).isEmpty()) {
            errors.add("accountName", "Enter the name on the account in letters and digits: banks cannot carry these characters");
        }
        errors.throwIfAny();
        return details;
    }
}
