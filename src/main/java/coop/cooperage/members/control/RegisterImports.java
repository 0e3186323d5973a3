package coop.cooperage.members.control;

import coop.cooperage.audit.control.AuditTrail;
import coop.cooperage.members.entity.ImportedMember;
import coop.cooperage.members.entity.Member;
import coop.cooperage.members.entity.MemberDetails;
import coop.cooperage.members.entity.MemberState;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bringing an existing register in from a spreadsheet: a dry run that reports every problem
 * of every row, then, only for a file with none, every row in one transaction, with opening
 * balances in the share ledger (written by the ledger observing {@link MemberImported}, in the same
 * transaction, so that members does not depend on shares).
 */
@ApplicationScoped
public class RegisterImports {

    public record Imported(int members, long firstNumber, long lastNumber, long shares) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Register register;

    /** The share ledger observes this and writes the opening balance, in this transaction. */
    @Inject
    Event<MemberImported> memberImported;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public ImportReport check(Society society, SpreadsheetTable table, ColumnMapping mapping) {
        return RegisterImport.check(table, mapping, ImportRules.from(society.rules(), register.today(), existing(society)));
    }

    /** Imports the whole file or, if anything is wrong with it, nothing at all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Imported importAll(Society society, SpreadsheetTable table, ColumnMapping mapping, String fileName) {
        ImportReport report = check(society, table, mapping);
        if (!report.isValid()) {
            throw new InvalidInputException(report.errors().stream().limit(200)
                    .map(p -> new InvalidInputException.FieldError(p.row() == 0 ? "file" : "row " + p.row(), describe(p))).toList());
        }
        List<ImportedMember> rows = report.members();
        // numbers given in the file are kept; the others continue above the highest of them
        long highestGiven = rows.stream().filter(r -> r.memberNumber().isPresent()).mapToLong(r -> r.memberNumber().getAsLong())
                .max().orElse(0);
        if (highestGiven > 0) {
            register.numbersContinueAbove(society.id(), highestGiven);
        }
        long first = Long.MAX_VALUE;
        long last = 0;
        long shares = 0;
        var imported = new ArrayList<Map<String, Object>>();
        LocalDateTime now = LocalDateTime.now(clock);
        for (ImportedMember row : rows) {
            var details = new MemberDetails(row.kind(), row.name(), row.representative().orElse(null), row.address(),
                    row.postcode().value(), row.email().orElse(null), row.emailPurposes(), row.dateOfBirth().orElse(null),
                    row.registeredSociety());
            long number = row.memberNumber().isPresent() ? row.memberNumber().getAsLong() : register.nextNumber(society.id());
            Member m = Member.applicant(society.id(), "I-" + number, details, row.joinedOn(), now);
            m.admit(number, row.joinedOn());
            em.persist(m);
            em.flush();
            memberImported.fire(new MemberImported(society.id(), m.id(), row.shares(), row.amountPaid(), row.joinedOn(),
                    "Imported from " + fileName + ", row " + row.sourceRow()));
            first = Math.min(first, number);
            last = Math.max(last, number);
            shares += row.shares();
            var summary = new LinkedHashMap<String, Object>();
            summary.put("memberNumber", number);
            summary.put("name", m.name());
            summary.put("shares", row.shares());
            imported.add(summary);
        }
        audit.record(society.id(), "members.imported", "register", fileName, null,
                Map.of("file", fileName, "members", rows.size(), "shares", shares, "entries", imported));
        return new Imported(rows.size(), rows.isEmpty() ? 0 : first, last, shares);
    }

    public static String describe(ImportProblem p) {
        String where = p.row() == 0 ? "" : "Row " + p.row() + (p.column() == null || p.column().isBlank() ? "" : ", " + p.column()) + ": ";
        return where + p.message();
    }

    private ExistingMembers existing(Society society) {
        List<Object[]> rows = em.createQuery("select m.memberNumber, m.name, m.postcode, m.email from Member m"
                + " where m.societyId = :s and m.state <> :rejected", Object[].class)
                .setParameter("s", society.id()).setParameter("rejected", MemberState.REJECTED).getResultList();
        return ExistingMembers.of(rows.stream()
                .map(r -> new ExistingMembers.Member((Long) r[0], (String) r[1], (String) r[2], (String) r[3])).toList());
    }
}
