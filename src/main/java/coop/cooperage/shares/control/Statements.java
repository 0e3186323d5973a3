package coop.cooperage.shares.control;

import coop.cooperage.members.entity.Member;
import coop.cooperage.money.Money;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.reporting.control.ReportRenderer;
import coop.cooperage.shares.entity.Holding;
import coop.cooperage.shares.entity.ShareEntry;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A member's share statement: every ledger entry in date order with the running balance after
 * it, as a page, a PDF (reports/shares/statement.jrxml) and a CSV. The same lines feed all three.
 */
@ApplicationScoped
public class Statements {

    public static final String PDF = "application/pdf";
    public static final String CSV = "text/csv; charset=UTF-8";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public record Line(LocalDate date, String entry, String reference, long shares, Money amount, long balanceShares, Money balanceAmount) {
    }

    public record Statement(Member member, List<Line> lines, Holding holding) {
    }

    @Inject
    ShareLedger ledger;

    @Inject
    ReportRenderer renderer;

    @Inject
    Clock clock;

    public Statement of(Society society, Member member) {
        return build(member, ledger.statement(society.id(), member.id()));
    }

    /** The lines with their running balance; pure, so the arithmetic is tested without a database. */
    public static Statement build(Member member, List<ShareEntry> entries) {
        var lines = new ArrayList<Line>();
        long shares = 0;
        long pence = 0;
        for (ShareEntry e : entries) {
            shares += e.shares();
            pence += e.amountPence();
            lines.add(new Line(e.entryDate(), e.kind().label(), e.reference(), e.shares(), Money.ofPence(e.amountPence()), shares,
                    Money.ofPence(pence)));
        }
        return new Statement(member, lines, new Holding(shares, Money.ofPence(pence)));
    }

    public byte[] pdf(Society society, Statement s) {
        Map<String, Object> params = new HashMap<>();
        params.put("SOCIETY_NAME", society.name());
        params.put("BRAND_COLOUR", society.brandColour());
        params.put("MEMBER", s.member().name() + (s.member().memberNumber() == null ? "" : ", member number " + s.member().memberNumber()));
        params.put("HOLDING", s.holding().shares() + " shares, " + s.holding().amountPaid());
        params.put("AS_AT", DATE.format(LocalDate.now(clock.withZone(Clocks.UK))));
        params.put("GENERATED_AT", ZonedDateTime.now(clock.withZone(Clocks.UK)).format(DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK)));
        List<Map<String, ?>> rows = s.lines().stream().<Map<String, ?>>map(l -> {
            var row = new HashMap<String, String>();
            row.put("date", DATE.format(l.date()));
            row.put("entry", l.entry());
            row.put("reference", l.reference());
            row.put("shares", signed(l.shares()));
            row.put("amount", l.amount().toString());
            row.put("balance", l.balanceShares() + " / " + l.balanceAmount());
            return row;
        }).toList();
        return renderer.pdf("shares/statement", params, rows);
    }

    /** CSV for a spreadsheet: ISO dates, plain numbers, text guarded against formula injection. */
    public static byte[] csv(Statement s) {
        var out = new StringBuilder("\uFEFFDate,Entry,Reference,Shares,Amount (£),Balance shares,Balance (£)\r\n");
        for (Line l : s.lines()) {
            out.append(l.date()).append(',').append(text(l.entry())).append(',').append(text(l.reference())).append(',')
                    .append(l.shares()).append(',').append(pounds(l.amount())).append(',').append(l.balanceShares()).append(',')
                    .append(pounds(l.balanceAmount())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }

    private static String pounds(Money m) {
        return BigDecimal.valueOf(m.pence(), 2).toPlainString();
    }

    static String text(String v) {
        if (v == null) {
            return "";
        }
        String t = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return "\"" + t.replace("\"", "\"\"") + "\"";
    }
}
