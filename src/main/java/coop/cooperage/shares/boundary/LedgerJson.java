package coop.cooperage.shares.boundary;

import coop.cooperage.shares.control.Statements;
import coop.cooperage.shares.control.Withdrawals;
import coop.cooperage.shares.entity.WithdrawalRequest;
import coop.cooperage.shares.entity.WithdrawalSuspension;
import java.time.LocalDate;
import java.util.List;

/** The share ledger's and withdrawals' JSON shapes. Money is in pence. */
public final class LedgerJson {

    private LedgerJson() {
    }

    public record Line(LocalDate date, String entry, String reference, long shares, long amountPence, long balanceShares, long balancePence) {
        static Line of(Statements.Line l) {
            return new Line(l.date(), l.entry(), l.reference(), l.shares(), l.amount().pence(), l.balanceShares(), l.balanceAmount().pence());
        }
    }

    public record Statement(long memberNumber, String name, long shares, long amountPence, List<Line> lines) {
        static Statement of(Statements.Statement s) {
            return new Statement(s.member().memberNumber() == null ? 0 : s.member().memberNumber(), s.member().name(), s.holding().shares(),
                    s.holding().amountPaid().pence(), s.lines().stream().map(Line::of).toList());
        }
    }

    public record Request(long id, long memberNumber, String name, long shares, LocalDate requestedOn, LocalDate noticeEndsOn,
            String channel, String state, Long amountPence, LocalDate decidedOn, String reason, Long payoutId, int position) {
        static Request of(Withdrawals.Queued q) {
            WithdrawalRequest r = q.request();
            return new Request(r.id(), q.member().memberNumber(), q.member().name(), r.shares(), r.requestedOn(), r.noticeEndsOn(),
                    r.channel().name(), r.state().name(), r.amount() == null ? null : r.amount().pence(), r.decidedOn(), r.reason(),
                    r.payoutId(), q.position());
        }
    }

    public record Suspension(long id, String reason, LocalDate from, LocalDate to) {
        static Suspension of(WithdrawalSuspension s) {
            return new Suspension(s.id(), s.reason(), s.from(), s.to());
        }
    }
}
