package coop.cooperage.shares.entity;

import coop.cooperage.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a deceased member's holding divides (2014 Act s.37): each valid nomination passes its
 * percentage of the shares, but all nominations together pass at most the statutory limit
 * (£5,000) in value; if they would pass more, every nomination is scaled down in proportion.
 * Whatever is left goes to the personal representatives. Shares are whole, rounded down for
 * nominees; values follow the shares ({@link HoldingLimits#valueOf}). Pure.
 */
public final class DeathSplit {

    public record Nominated(long nominationId, BigDecimal percent) {
    }

    public record Part(long nominationId, long shares, Money amount) {
    }

    public record Result(List<Part> nominees, long remainderShares, Money remainderAmount) {
    }

    private DeathSplit() {
    }

    public static Result split(Holding holding, List<Nominated> nominations, Money limit) {
        long total = holding.shares();
        var wanted = new ArrayList<Long>();
        long sumWanted = 0;
        for (Nominated n : nominations) {
            long s = BigDecimal.valueOf(total).multiply(n.percent()).divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
            wanted.add(s);
            sumWanted += s;
        }
        long pence = holding.amountPaid().pence();
        // the most shares whose value is within the limit
        long allowed = pence == 0 ? total : Math.min(total, BigDecimal.valueOf(limit.pence()).multiply(BigDecimal.valueOf(total))
                .divide(BigDecimal.valueOf(pence), 0, RoundingMode.DOWN).longValueExact());
        var parts = new ArrayList<Part>();
        long givenShares = 0;
        long givenPence = 0;
        for (int i = 0; i < nominations.size(); i++) {
            long s = wanted.get(i);
            if (sumWanted > allowed) {
                s = BigDecimal.valueOf(s).multiply(BigDecimal.valueOf(allowed)).divide(BigDecimal.valueOf(sumWanted), 0, RoundingMode.DOWN)
                        .longValueExact();
            }
            Money amount = s == total ? holding.amountPaid() : Money.ofPence(BigDecimal.valueOf(pence).multiply(BigDecimal.valueOf(s))
                    .divide(BigDecimal.valueOf(Math.max(1, total)), 0, RoundingMode.DOWN).longValueExact());
            parts.add(new Part(nominations.get(i).nominationId(), s, amount));
            givenShares += s;
            givenPence += amount.pence();
        }
        return new Result(parts, total - givenShares, Money.ofPence(pence - givenPence));
    }
}
