package coop.cooperage.shares.entity;

import static org.assertj.core.api.Assertions.assertThat;

import coop.cooperage.money.Money;
import coop.cooperage.platform.control.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ledger's invariants over random sequences of operations (allot, withdraw, transfer, death,
 * write-down, correction), each applied the way the control classes apply it: every entry passes
 * {@link HoldingLimits}, a transfer or a death writes all its entries or none, a death divides
 * by {@link DeathSplit}. After every operation: no holding below zero; none above the cap except
 * a registered society's; the holdings add up to the share capital, which is also tallied
 * independently from the money that came in and went out (transfers move capital, never make it).
 */
class LedgerInvariantsPropertiesTest {

    static final long NOMINAL = 100;
    static final long MAX_SHARES = 2_000;
    static final long CAP_PENCE = 200_000;
    static final int MEMBERS = 5;

    sealed interface Op permits Allot, Withdraw, Transfer, Death, WriteDown, Correction {
    }

    record Allot(int member, long shares) implements Op {
    }

    record Withdraw(int member, long shares) implements Op {
    }

    record Transfer(int from, int to, long shares) implements Op {
    }

    record Death(int member, int nominee, int percent, boolean nomineeTakesShares) implements Op {
    }

    record WriteDown(int member, int percent) implements Op {
    }

    record Correction(int member, long shares, long pence) implements Op {
    }

    record Entry(int member, long shares, long pence) {
    }

    /** The ledger as plain Java: entries only, holdings summed from them. */
    static final class Model {
        final List<Entry> entries = new ArrayList<>();
        final boolean[] exempt = new boolean[MEMBERS];
        final boolean[] dead = new boolean[MEMBERS];
        long tally;
        int refused;

        Holding holding(int m) {
            long s = 0;
            long p = 0;
            for (Entry e : entries) {
                if (e.member() == m) {
                    s += e.shares();
                    p += e.pence();
                }
            }
            return new Holding(s, Money.ofPence(p));
        }

        HoldingLimits limits(int m) {
            return new HoldingLimits(MAX_SHARES, CAP_PENCE, exempt[m]);
        }

        /** All or nothing: every entry is checked against the holdings as they would be, then all are written. */
        void write(List<Entry> batch, long capitalChange) {
            var after = new HashMap<Integer, Holding>();
            for (Entry e : batch) {
                Holding h = after.computeIfAbsent(e.member(), this::holding);
                after.put(e.member(), limits(e.member()).apply(h, e.shares(), e.pence()));
            }
            entries.addAll(batch);
            tally += capitalChange;
        }

        void apply(Op op) {
            try {
                if (op instanceof Allot a) {
                    if (!dead[a.member()]) {
                        write(List.of(new Entry(a.member(), a.shares(), a.shares() * NOMINAL)), a.shares() * NOMINAL);
                    }
                } else if (op instanceof Withdraw w) {
                    Money value = HoldingLimits.valueOf(holding(w.member()), w.shares());
                    write(List.of(new Entry(w.member(), -w.shares(), -value.pence())), -value.pence());
                } else if (op instanceof Transfer t) {
                    if (t.from() != t.to() && !dead[t.to()]) {
                        Money value = HoldingLimits.valueOf(holding(t.from()), t.shares());
                        write(List.of(new Entry(t.from(), -t.shares(), -value.pence()), new Entry(t.to(), t.shares(), value.pence())), 0);
                    }
                } else if (op instanceof Death d) {
                    death(d);
                } else if (op instanceof WriteDown w) {
                    long by = holding(w.member()).amountPaid().pence() * w.percent() / 100;
                    write(List.of(new Entry(w.member(), 0, -by)), -by);
                } else if (op instanceof Correction c) {
                    write(List.of(new Entry(c.member(), c.shares(), c.pence())), c.pence());
                }
            } catch (InvalidInputException refusedAsAWhole) {
                refused++;
            }
        }

        private void death(Death d) {
            if (dead[d.member()]) {
                return;
            }
            Holding h = holding(d.member());
            var split = DeathSplit.split(h, List.of(new DeathSplit.Nominated(1, BigDecimal.valueOf(d.percent()))), Money.ofPounds(5_000));
            DeathSplit.Part part = split.nominees().get(0);
            assertThat(part.amount().pence()).isLessThanOrEqualTo(5_000_00);
            assertThat(part.shares() + split.remainderShares()).isEqualTo(h.shares());
            var batch = new ArrayList<Entry>();
            long paidOut = split.remainderAmount().pence();
            batch.add(new Entry(d.member(), -split.remainderShares(), -split.remainderAmount().pence()));
            boolean toMember = d.nomineeTakesShares() && d.nominee() != d.member() && !dead[d.nominee()];
            batch.add(new Entry(d.member(), -part.shares(), -part.amount().pence()));
            if (toMember) {
                batch.add(new Entry(d.nominee(), part.shares(), part.amount().pence()));
            } else {
                paidOut += part.amount().pence();
            }
            write(batch, -paidOut);
            dead[d.member()] = true;
            assertThat(holding(d.member())).isEqualTo(Holding.NONE);
        }
    }

    @Property(tries = 300)
    void noSequenceOfOperationsBreaksTheLedgersInvariants(@ForAll("operations") List<Op> ops, @ForAll("exemptions") boolean[] exempt) {
        var model = new Model();
        System.arraycopy(exempt, 0, model.exempt, 0, MEMBERS);
        for (Op op : ops) {
            model.apply(op);
            long sharesHeld = 0;
            long penceHeld = 0;
            for (int m = 0; m < MEMBERS; m++) {
                Holding h = model.holding(m);
                assertThat(h.shares()).as("member %d after %s", m, op).isNotNegative();
                assertThat(h.amountPaid().pence()).as("member %d after %s", m, op).isNotNegative();
                if (!model.exempt[m]) {
                    assertThat(h.shares()).as("member %d after %s", m, op).isLessThanOrEqualTo(MAX_SHARES);
                    assertThat(h.amountPaid().pence()).as("member %d after %s", m, op).isLessThanOrEqualTo(CAP_PENCE);
                }
                sharesHeld += h.shares();
                penceHeld += h.amountPaid().pence();
            }
            long capitalShares = model.entries.stream().mapToLong(Entry::shares).sum();
            long capitalPence = model.entries.stream().mapToLong(Entry::pence).sum();
            assertThat(sharesHeld).isEqualTo(capitalShares);
            assertThat(penceHeld).isEqualTo(capitalPence).isEqualTo(model.tally);
        }
    }

    @Provide
    Arbitrary<boolean[]> exemptions() {
        return Arbitraries.of(true, false, false, false).array(boolean[].class).ofSize(MEMBERS);
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> member = Arbitraries.integers().between(0, MEMBERS - 1);
        Arbitrary<Long> shares = Arbitraries.longs().between(1, 2_500);
        Arbitrary<Op> allot = net.jqwik.api.Combinators.combine(member, shares).as(Allot::new);
        Arbitrary<Op> withdraw = net.jqwik.api.Combinators.combine(member, shares).as(Withdraw::new);
        Arbitrary<Op> transfer = net.jqwik.api.Combinators.combine(member, member, shares).as(Transfer::new);
        Arbitrary<Op> death = net.jqwik.api.Combinators.combine(member, member, Arbitraries.integers().between(1, 100), Arbitraries.of(true, false))
                .as(Death::new);
        Arbitrary<Op> writeDown = net.jqwik.api.Combinators.combine(member, Arbitraries.integers().between(1, 100)).as(WriteDown::new);
        Arbitrary<Op> correction = net.jqwik.api.Combinators.combine(member, Arbitraries.longs().between(-300, 300),
                Arbitraries.longs().between(-30_000, 30_000)).as(Correction::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, allot), net.jqwik.api.Tuple.of(3, withdraw),
                net.jqwik.api.Tuple.of(2, transfer), net.jqwik.api.Tuple.of(1, death), net.jqwik.api.Tuple.of(1, writeDown),
                net.jqwik.api.Tuple.of(2, correction)).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    void aDeathPassesTheWholeHoldingAndNoMoreThanTheLimitToNominees(@ForAll("holdings") Holding holding,
            @ForAll("percents") List<Integer> percents) {
        var nominated = new ArrayList<DeathSplit.Nominated>();
        for (int i = 0; i < percents.size(); i++) {
            nominated.add(new DeathSplit.Nominated(i, BigDecimal.valueOf(percents.get(i))));
        }
        var split = DeathSplit.split(holding, nominated, Money.ofPounds(5_000));
        long shares = split.remainderShares();
        long pence = split.remainderAmount().pence();
        long nominatedPence = 0;
        for (var p : split.nominees()) {
            assertThat(p.shares()).isNotNegative();
            assertThat(p.amount().pence()).isNotNegative();
            shares += p.shares();
            pence += p.amount().pence();
            nominatedPence += p.amount().pence();
        }
        assertThat(shares).isEqualTo(holding.shares());
        assertThat(pence).isEqualTo(holding.amountPaid().pence());
        assertThat(split.remainderShares()).isNotNegative();
        assertThat(split.remainderAmount().pence()).isNotNegative();
        assertThat(nominatedPence).isLessThanOrEqualTo(5_000_00);
    }

    @Provide
    Arbitrary<Holding> holdings() {
        return net.jqwik.api.Combinators.combine(Arbitraries.longs().between(0, 100_000), Arbitraries.integers().between(0, 200))
                .as((s, pricePence) -> new Holding(s, Money.ofPence(s * pricePence)));
    }

    @Provide
    Arbitrary<List<Integer>> percents() {
        return Arbitraries.integers().between(1, 100).list().ofMaxSize(4).filter(l -> l.stream().mapToInt(Integer::intValue).sum() <= 100);
    }

}
