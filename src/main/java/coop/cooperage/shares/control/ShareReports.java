package coop.cooperage.shares.control;

import coop.cooperage.money.Money;
import coop.cooperage.platform.control.Clocks;
import coop.cooperage.reporting.control.ReportRenderer;
import coop.cooperage.reporting.control.ReportRenderer.Fill;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The share reports: an offer's summary (applications and money raised, local and not, by postcode district) and
 * the share capital as at a date (each member's holding from the ledger, and the total), as PDF and CSV.
 *
 * <p>Share capital is read in batches of {@value #BATCH} members by member number while the document is written,
 * and its PDF pages are swapped to disk, so a register of any size renders in bounded memory.
 */
@ApplicationScoped
public class ShareReports {

    static final int BATCH = 1000;
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);
    public static final List<String> SUMMARY_HEADINGS = List.of("Postcode district", "Local", "Applications", "Shares applied for",
            "Money raised (£)", "Shares allotted");
    public static final List<String> CAPITAL_HEADINGS = List.of("Member number", "Name", "Shares", "Amount paid (£)");

    /** One group of an offer's applications: those from one postcode district, local or not. */
    public record DistrictLine(String district, boolean local, long applications, long sharesRequested, Money paid,
            long sharesAllotted) {
    }

    /** An offer's applications summed up. */
    public record OfferSummary(ShareOffer offer, List<DistrictLine> districts, long applications, long sharesRequested, Money paid,
            long sharesAllotted, long localApplications, Money localPaid, long otherApplications, Money otherPaid) {
    }

    /** One member's holding on the date. */
    public record Holder(long memberNumber, String name, long shares, Money amount) {
    }

    /** The totals of the share capital on a date. */
    public record CapitalTotals(LocalDate asAt, long members, long shares, Money amount) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ReportRenderer renderer;

    @Inject
    Clock clock;

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.UK));
    }

    /** Every application that was made and not withdrawn, with what has been paid on it. */
    @SuppressWarnings("unchecked")
    public OfferSummary summary(Society society, ShareOffer offer) {
        List<Object[]> rows = em.createNativeQuery("SELECT m.postcode_district, a.local_applicant, COUNT(*), SUM(a.shares_requested),"
                + " SUM(COALESCE((SELECT SUM(p.amount_pence) FROM share_payment p WHERE p.application_id = a.id), 0)),"
                + " SUM(COALESCE(a.shares_allotted, 0))"
                + " FROM share_application a JOIN member m ON m.id = a.member_id"
                + " WHERE a.society_id = ?1 AND a.offer_id = ?2 AND a.state <> 'WITHDRAWN'"
                + " GROUP BY m.postcode_district, a.local_applicant ORDER BY m.postcode_district, a.local_applicant DESC")
                .setParameter(1, society.id()).setParameter(2, offer.id()).getResultList();
        var lines = new ArrayList<DistrictLine>();
        long apps = 0, requested = 0, paid = 0, allotted = 0, localApps = 0, localPaid = 0;
        for (Object[] r : rows) {
            boolean local = r[1] instanceof Boolean b ? b : ((Number) r[1]).intValue() != 0;
            var line = new DistrictLine((String) r[0], local, num(r[2]), num(r[3]), Money.ofPence(num(r[4])), num(r[5]));
            lines.add(line);
            apps += line.applications();
            requested += line.sharesRequested();
            paid += line.paid().pence();
            allotted += line.sharesAllotted();
            if (local) {
                localApps += line.applications();
                localPaid += line.paid().pence();
            }
        }
        return new OfferSummary(offer, List.copyOf(lines), apps, requested, Money.ofPence(paid), allotted, localApps,
                Money.ofPence(localPaid), apps - localApps, Money.ofPence(paid - localPaid));
    }

    public void summaryPdf(Society society, OfferSummary s, OutputStream out) {
        var p = parameters(society);
        ShareOffer o = s.offer();
        p.put("OFFER_TITLE", o.title());
        p.put("OFFER_STATE", o.state().label());
        p.put("OFFER_DATES", Allotments.DATE.format(o.opensOn()) + " to " + Allotments.DATE.format(o.closesOn()));
        p.put("MAXIMUM_TARGET", o.maxTarget().toString());
        p.put("APPLICATIONS", count(s.applications()));
        p.put("SHARES_REQUESTED", count(s.sharesRequested()));
        p.put("MONEY_RAISED", s.paid().toString());
        p.put("SHARES_ALLOTTED", count(s.sharesAllotted()));
        p.put("LOCAL", count(s.localApplications()) + " applications, " + s.localPaid());
        p.put("NOT_LOCAL", count(s.otherApplications()) + " applications, " + s.otherPaid());
        var rows = new ArrayList<Map<String, String>>();
        for (DistrictLine d : s.districts()) {
            rows.add(Map.of("district", d.district(), "local", d.local() ? "Yes" : "No", "applications", count(d.applications()),
                    "sharesRequested", count(d.sharesRequested()), "paid", d.paid().toString(), "sharesAllotted",
                    count(d.sharesAllotted())));
        }
        renderer.writePdf("shares/offerSummary", p, rows, Fill.IN_MEMORY, out);
    }

    public void summaryCsv(OfferSummary s, OutputStream out) {
        writeCsv(out, SUMMARY_HEADINGS, s.districts().stream().map(d -> List.of(Csv.text(d.district()), d.local() ? "yes" : "no",
                Long.toString(d.applications()), Long.toString(d.sharesRequested()), d.paid().pounds().toPlainString(),
                Long.toString(d.sharesAllotted()))).iterator());
    }

    public CapitalTotals capitalTotals(Society society, LocalDate asAt) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(t.s), 0), COALESCE(SUM(t.a), 0) FROM"
                + " (SELECT e.member_id, SUM(e.shares) s, SUM(e.amount_pence) a FROM share_entry e"
                + " WHERE e.society_id = ?1 AND e.entry_date <= ?2 GROUP BY e.member_id HAVING SUM(e.shares) <> 0) t")
                .setParameter(1, society.id()).setParameter(2, asAt).getSingleResult();
        return new CapitalTotals(asAt, num(r[0]), num(r[1]), Money.ofPence(num(r[2])));
    }

    /** Holdings on the date in member number order, read {@value #BATCH} at a time as the caller iterates. */
    public Iterator<Holder> holders(Society society, LocalDate asAt) {
        return new Iterator<>() {
            private final Deque<Holder> batch = new ArrayDeque<>();
            private long after = 0;
            private boolean last = false;

            @Override
            public boolean hasNext() {
                if (batch.isEmpty() && !last) {
                    fetch();
                }
                return !batch.isEmpty();
            }

            @Override
            public Holder next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batch.removeFirst();
            }

            @SuppressWarnings("unchecked")
            private void fetch() {
                List<Object[]> rows = em.createNativeQuery("SELECT m.member_number, m.name, SUM(e.shares), SUM(e.amount_pence)"
                        + " FROM member m JOIN share_entry e ON e.member_id = m.id AND e.society_id = m.society_id AND e.entry_date <= ?2"
                        + " WHERE m.society_id = ?1 AND m.member_number > ?3"
                        + " GROUP BY m.id, m.member_number, m.name HAVING SUM(e.shares) <> 0 ORDER BY m.member_number LIMIT " + BATCH)
                        .setParameter(1, society.id()).setParameter(2, asAt).setParameter(3, after).getResultList();
                last = rows.size() < BATCH;
                for (Object[] r : rows) {
                    batch.add(new Holder(num(r[0]), (String) r[1], num(r[2]), Money.ofPence(num(r[3]))));
                }
                if (!rows.isEmpty()) {
                    after = num(rows.get(rows.size() - 1)[0]);
                }
            }
        };
    }

    public void capitalPdf(Society society, LocalDate asAt, OutputStream out) {
        CapitalTotals t = capitalTotals(society, asAt);
        var p = parameters(society);
        p.put("AS_AT", Allotments.DATE.format(asAt));
        p.put("MEMBERS", count(t.members()));
        p.put("TOTAL_SHARES", count(t.shares()));
        p.put("TOTAL_AMOUNT", t.amount().toString());
        Iterator<Holder> holders = holders(society, asAt);
        Iterator<Map<String, String>> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return holders.hasNext();
            }

            @Override
            public Map<String, String> next() {
                Holder h = holders.next();
                return Map.of("memberNumber", Long.toString(h.memberNumber()), "name", h.name(), "shares", count(h.shares()),
                        "amount", h.amount().toString());
            }
        };
        renderer.writePdf("shares/capital", p, rows, Fill.SWAP_TO_DISK, out);
    }

    public void capitalCsv(Society society, LocalDate asAt, OutputStream out) {
        Iterator<Holder> holders = holders(society, asAt);
        writeCsv(out, CAPITAL_HEADINGS, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return holders.hasNext();
            }

            @Override
            public List<String> next() {
                Holder h = holders.next();
                return List.of(Long.toString(h.memberNumber()), Csv.text(h.name()), Long.toString(h.shares()),
                        h.amount().pounds().toPlainString());
            }
        });
    }

    private Map<String, Object> parameters(Society society) {
        var p = new HashMap<String, Object>();
        p.put(ReportRenderer.SOCIETY_NAME, society.name());
        p.put("BRAND_COLOUR", society.brandColour());
        p.put("GENERATED_AT", GENERATED.format(LocalDateTime.now(clock.withZone(Clocks.UK))));
        return p;
    }

    private static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    /** RFC 4180, UTF-8 with a byte order mark (so Excel reads names as written), CRLF; {@code out} is left open. */
    static void writeCsv(OutputStream out, List<String> headings, Iterator<List<String>> records) {
        try {
            Writer csv = new BufferedWriter(new OutputStreamWriter(new FilterOutputStream(out) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            }, StandardCharsets.UTF_8), 64 * 1024);
            csv.write('\uFEFF');
            csv.write(String.join(",", headings.stream().map(Csv::text).toList()));
            csv.write("\r\n");
            while (records.hasNext()) {
                csv.write(String.join(",", records.next()));
                csv.write("\r\n");
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSV fields written from text someone typed. */
    static final class Csv {
        private Csv() {
        }

        /**
         * Quoted when it holds a comma, quote or line break; a leading {@code = + - @}, tab or carriage return gets an
         * apostrophe so a spreadsheet shows it as text rather than running it as a formula.
         */
        static String text(String s) {
            if (s == null) {
                return "";
            }
            if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
            return s;
        }
    }
}
