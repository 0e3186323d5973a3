package coop.cooperage.shares.boundary;

import coop.cooperage.shares.control.Allotments;
import coop.cooperage.shares.entity.AllotmentDecision;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The allotment of an offer as JSON: every amount in pence. */
public record AllotmentJson(String offer, String title, String state, String locality, String scaleBack, long sharePricePence,
        long maximumShares, long minimumHolding, boolean oversubscribed, boolean minimumTargetReached, boolean approvable, Totals totals, Decision decision,
        List<Line> applications) {

    public record Totals(int applications, long sharesRequested, long sharesAllotted, long paidPence, long allottedPence,
            long refundPence, int allottees, int refunds, int membersToAdmit) {
    }

    public record Line(long applicationId, String reference, Long memberNumber, String name, String memberState, String district,
            boolean local, long sharesRequested, long paidPence, long heldShares, long sharesAllotted, long refundPence,
            String outcome, Long certificate) {
    }

    public record Decision(LocalDate decidedOn, String approvedBy, String approverRole, int applications, int allottees,
            int membersAdmitted, long sharesAllotted, long allottedPence, int refunds, long refundPence, long paidPence,
            LocalDateTime recordedAt, Long boardDecision) {

        static Decision of(AllotmentDecision d) {
            if (d == null) {
                return null;
            }
            var t = d.totals();
            return new Decision(d.decidedOn(), d.approverName(), d.approverRole(), t.applications(), t.allottees(), t.membersAdmitted(),
                    t.sharesAllotted(), t.allotted().pence(), t.refunds(), t.refunded().pence(), t.paid().pence(), d.recordedAt(),
                    d.boardItemId());
        }
    }

    static AllotmentJson of(Allotments.View v) {
        var o = v.offer();
        var lines = v.lines().stream().map(l -> new Line(l.applicationId(), l.reference(), l.memberNumber(), l.memberName(),
                l.memberState().name(), l.district(), l.local(), l.sharesRequested(), l.paid().pence(), l.heldShares(), l.sharesAllotted(),
                l.refund().pence(), l.outcome(), l.certificate())).toList();
        return new AllotmentJson(o.slug(), o.title(), o.state().name(), o.locality().name(), o.scaleBack().name(), o.sharePrice().pence(),
                v.maximumShares(), v.minimumHolding(), v.oversubscribed(), v.minimumTargetReached(), v.approvable(),
                new Totals(v.lines().size(), v.sharesRequested(), v.sharesAllotted(), v.paid().pence(), v.allotted().pence(),
                        v.refunded().pence(), v.allottees(), v.refunds(), v.toAdmit()),
                Decision.of(v.decision()), lines);
    }
}
