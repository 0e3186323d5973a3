package coop.cooperage.members.control;

import coop.cooperage.identity.control.Accounts;
import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.control.Invitations;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.members.entity.Member;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/**
 * Admission as a whole: the register entry, and a way into the member's own pages: the
 * member role for an existing account with the same email, or an emailed invitation to
 * create one.
 */
@ApplicationScoped
public class Admissions {

    @Inject
    Register register;

    @Inject
    Accounts accounts;

    @Inject
    Invitations invitations;

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public Member admit(Society society, long applicationId, LocalDate on) {
        return admit(society, applicationId, on, caller.requireAccount().id());
    }

    /** Admission on behalf of {@code invitedBy} (an account id), for work done outside their request (a job). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member admit(Society society, long applicationId, LocalDate on, long invitedBy) {
        Member member = register.admit(society, applicationId, on);
        if (member.email() != null) {
            var account = accounts.byEmail(member.email());
            if (account.isPresent()) {
                accounts.grant(society.id(), account.get(), Role.MEMBER);
                member.linkAccount(account.get().id());
            } else {
                invitations.invite(society.id(), society.name(), member.email(), member.name(), Role.MEMBER, invitedBy);
            }
        }
        return member;
    }
}
