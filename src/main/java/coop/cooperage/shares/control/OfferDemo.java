package coop.cooperage.shares.control;

import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.MemberDetails;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.money.Money;
import coop.cooperage.shares.entity.Locality;
import coop.cooperage.shares.entity.OfferTerms;
import coop.cooperage.shares.entity.PaymentMethod;
import coop.cooperage.shares.entity.ScaleBack;
import coop.cooperage.shares.entity.ShareApplication;
import coop.cooperage.shares.entity.SharePayment;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's share offer: Riverside's open "Solar on Schools" offer with its document and a few
 * applications, some paid. Seeded after {@code DemoData} (kept apart so the society component
 * need not know about shares), through the same code as real use.
 */
@Startup
@Singleton
@DependsOn("DemoData")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OfferDemo {

    private static final Logger LOG = Logger.getLogger(OfferDemo.class.getName());

    @Inject
    @ConfigProperty(name = "coop.demo", defaultValue = "false")
    boolean demo;

    @Inject
    Societies societies;

    @Inject
    Offers offers;

    @Inject
    ShareApplications applications;

    @Inject
    Clock clock;

    @Inject
    coop.cooperage.platform.control.Transactions tx;

    @PersistenceContext
    EntityManager em;

    /** In its own transaction: a demo without its offer is better than a demo that does not start. */
    @PostConstruct
    void start() {
        if (!demo) {
            return;
        }
        try {
            tx.run(this::seed);
        } catch (RuntimeException e) {
            LOG.warning(() -> "The demo share offer could not be seeded: " + e);
        }
    }

    void seed() {
        Society riverside = societies.bySlug("riverside").orElse(null);
        if (riverside == null || !offers.all(riverside).isEmpty()) {
            return;
        }
        LocalDate today = offers.today();
        var terms = new OfferTerms("solar-schools", "Solar on Schools 2026",
                "We will put 180 kWp of solar panels on the roofs of three Bristol primary schools.\n"
                        + "The schools buy the electricity for less than they pay now, and the surplus goes to our community fund.",
                "Panels on Hillside, St Mary's and Quayside primary schools\n180 kWp, about 160,000 kWh a year\n"
                        + "Interest from the end of the second year",
                "You could lose some or all of the money you invest\nShares are not covered by the Financial Services Compensation Scheme\n"
                        + "Withdrawals are suspended for the first three years\nInterest depends on the panels producing as expected",
                today.minusDays(14), today.plusDays(60), Money.ofPounds(80_000), Money.ofPounds(200_000), Money.ofPounds(100),
                Money.ofPounds(20_000), riverside.rules().nominalShareValue(), true, true, 16, Locality.LOCAL_PRIORITY, ScaleBack.LARGEST_FIRST,
                new BigDecimal("3.5"), "Riverside Community Energy", "089299", "65432101", null,
                "Riverside Community Energy\nThe Old Boathouse\nQuay Street\nBristol BS1 4RW");
        offers.create(riverside, terms);
        offers.attachDocument(riverside, "solar-schools", "Solar on Schools 2026 - offer document.pdf", pdf(
                List.of("Riverside Community Energy", "Solar on Schools 2026: share offer document", "",
                        "This is the demo offer document. A real offer document sets out the project,",
                        "the business plan, the risks and the terms of the shares.")));
        offers.open(riverside, "solar-schools");
        var investors = List.of(
                new Object[] {"Priya Shah", "14 Redcliffe Parade\nBristol", "BS1 6SP", "priya@example.org", 2_500L, 2_500L},
                new Object[] {"Tom Hughes", "3 Victoria Street\nBristol", "BS2 0PT", "tom@example.org", 10_000L, 10_000L},
                new Object[] {"Grace Okonjo", "21 Hill Road\nBath", "BA1 5HH", "grace@example.org", 1_000L, 0L},
                new Object[] {"Bristol Food Co-operative", "Unit 2, Feeder Road\nBristol", "BS2 0SB", "hello@food.example", 5_000L, 5_000L});
        int n = 0;
        for (Object[] i : investors) {
            boolean organisation = ((String) i[0]).contains("Co-operative");
            var details = new MemberDetails(organisation ? MemberKind.ORGANISATION : MemberKind.INDIVIDUAL, (String) i[0],
                    organisation ? "Jo Baker" : null, (String) i[1], (String) i[2], (String) i[3], Set.of(EmailPurpose.NOTICES),
                    organisation ? null : LocalDate.of(1975 + n * 4, 3, 1 + n), organisation);
            ShareApplication a = applications.applyAsNewInvestor(riverside, "solar-schools", details, null,
                    new ShareApplications.Request(Money.ofPounds((Long) i[4]), n % 2 == 0 ? PaymentMethod.BANK_TRANSFER : PaymentMethod.CHEQUE,
                            "demo-" + n, true));
            long paid = (Long) i[5];
            if (paid > 0) {
                // what recording a payment (the money-in work) writes: a payment row against the application
                em.persist(new SharePayment(riverside.id(), a.id(), Money.ofPounds(paid), today.minusDays(7 - n),
                        SharePayment.Method.BANK_TRANSFER, (String) i[0], a.reference(), null, null, LocalDateTime.now(clock)));
            }
            n++;
        }
        LOG.info("Demo share offer seeded: /s/riverside/offers/solar-schools");
    }

    /** A one-page PDF with lines of text in Helvetica, written by hand so the demo needs no files. */
    static byte[] pdf(List<String> lines) {
        var text = new StringBuilder("BT /F1 14 Tf 72 760 Td 18 TL\n");
        for (String line : lines) {
            text.append('(').append(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")).append(") Tj T*\n");
        }
        text.append("ET");
        String stream = text.toString();
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                "<< /Length " + stream.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n" + stream + "\nendstream");
        var out = new ByteArrayOutputStream();
        var offsets = new ArrayList<Integer>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        var table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
