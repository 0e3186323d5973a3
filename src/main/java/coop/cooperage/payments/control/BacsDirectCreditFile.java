package coop.cooperage.payments.control;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.BacsOriginator;
import coop.cooperage.payments.entity.PaymentInstruction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Bacs Standard 18 direct credit submission: one processing day, one originating
 * account, one contra. Follows shared/testdata/bacs/FIELD_LAYOUT.md position by position.
 *
 * <p>Records are VOL1, HDR1, HDR2, UHL1 (80 characters), one 100-character credit record
 * (transaction code 99) per payment, a 100-character debit contra (code 17) for the total, then
 * EOF1, EOF2 and UTL1 (80). Each record ends with CRLF: the layout fixes record widths but not a
 * separator, and CRLF-delimited records are the form bank upload portals take.
 *
 * <p>Nothing is read from the clock or generated: the same originator, submission and payments
 * give the same bytes. Choices where the layout allows several: the HDR1 file identifier repeats
 * the SUN in 16-21 (rather than blanks); the expiration date is the processing date plus 7 days
 * (it must be later than the processing day, and 7 keeps it so if Bacs rolls a weekend or bank
 * holiday forward); the contra's name fields carry the service user name.
 *
 * <p>Everything that would make Bacs reject the file or pay the wrong thing is checked first and
 * reported together. Account numbers are exactly 8 digits ({@code BankDetails} refuses others:
 * the layout gives no padding rule). Multi-day (106-character) files, bureau submissions and
 * direct debits are not written.
 */
public final class BacsDirectCreditFile {

    static final int LABEL_WIDTH = 80;
    static final int RECORD_WIDTH = 100;
    static final String CREDIT = "99";
    static final String DEBIT_CONTRA = "17";
    /** 11 digits of pence per record, 13 in the trailer totals. */
    static final long MAX_RECORD_PENCE = 99_999_999_999L;
    static final long MAX_ITEMS = 9_999_999L;
    /** Bacs overrides a processing day more than 31 days ahead; refusing is kinder. */
    static final int MAX_DAYS_AHEAD = 31;
    static final int EXPIRY_DAYS_AFTER_PROCESSING = 7;

    private BacsDirectCreditFile() {
    }

    /** The file as ASCII bytes, each record followed by CRLF. */
    public static byte[] write(BacsOriginator originator, BacsSubmission submission,
            List<PaymentInstruction> payments) {
        StringBuilder file = new StringBuilder();
        for (String record : records(originator, submission, payments)) {
            file.append(record).append("\r\n");
        }
        return file.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The records without separators, in file order. */
    static List<String> records(BacsOriginator originator, BacsSubmission submission,
            List<PaymentInstruction> payments) {
        check(originator, submission, payments);
        String sun = originator.serviceUserNumber();
        String serial = submission.serial();
        String originSort = originator.account().sortCode();
        String originAccount = originator.account().accountNumber();
        String userName = BacsText.field(originator.serviceUserName(), 18);
        Money total = payments.stream().map(PaymentInstruction::amount).reduce(Money.ZERO, Money::plus);

        String vol1 = "VOL1" + serial + " " + blanks(20) + blanks(6) + blanks(4) + sun + blanks(4) + blanks(28) + "1";
        String hdr1Body = "A" + sun + "S" + blanks(2) + " " + sun // 5-21 file identifier
                + serial // 22-27 set identification
                + "0001" + "0001" // 28-35 file section and sequence numbers
                + blanks(4) + blanks(2) // 36-41 generation number and version
                + julian(submission.creationDate()) // 42-47
                + julian(submission.processingDate().plusDays(EXPIRY_DAYS_AFTER_PROCESSING)) // 48-53
                + " " + "000000" + blanks(13) + blanks(7); // 54-80
        String hdr2Body = "F" + "02000" + "00100" + blanks(35) + "00" + blanks(28);
        String uhl1 = "UHL1" + julian(submission.processingDate()) + "999999" + blanks(4) + "00" + "000000"
                + "1 DAILY  " + String.format("%03d", submission.fileNumber()) + blanks(7) + blanks(7) + blanks(26);

        List<String> records = new ArrayList<>();
        records.add(vol1);
        records.add("HDR1" + hdr1Body);
        records.add("HDR2" + hdr2Body);
        records.add(uhl1);
        for (PaymentInstruction p : payments) {
            records.add(p.payee().sortCode() + p.payee().accountNumber() + "0" + CREDIT
                    + originSort + originAccount + blanks(4)
                    + pence(p.amount(), 11)
                    + userName
                    + BacsText.field(p.reference(), 18)
                    + BacsText.field(p.payee().accountName(), 18));
        }
        records.add(originSort + originAccount + "0" + DEBIT_CONTRA + originSort + originAccount + blanks(4)
                + pence(total, 11) + userName + BacsText.pad("CONTRA", 18) + userName);
        records.add("EOF1" + hdr1Body);
        records.add("EOF2" + hdr2Body);
        records.add("UTL1" + pence(total, 13) + pence(total, 13)
                + String.format("%07d", 1) + String.format("%07d", payments.size()) + blanks(10) + blanks(26));

        for (int i = 0; i < records.size(); i++) {
            String r = records.get(i);
            int width = i >= 4 && i < records.size() - 3 ? RECORD_WIDTH : LABEL_WIDTH;
            if (r.length() != width || !r.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                // A programming error, not bad input: every field above is fixed width.
                throw new IllegalStateException("Bacs record " + (i + 1) + " is malformed: '" + r + "'");
            }
        }
        return records;
    }

    private static void check(BacsOriginator originator, BacsSubmission submission,
            List<PaymentInstruction> payments) {
        List<String> problems = new ArrayList<>();
        if (!submission.serial().matches("[A-Z0-9]{6}") || submission.serial().equals("000000")) {
            problems.add("The submission serial must be 6 capital letters or digits, not all zeros; got '"
                    + submission.serial() + "'");
        }
        if (submission.fileNumber() < 1 || submission.fileNumber() > 999) {
            problems.add("The file number must be from 1 to 999; got " + submission.fileNumber());
        }
        LocalDate created = submission.creationDate();
        LocalDate processing = submission.processingDate();
        if (processing.isBefore(created)) {
            problems.add("The processing date " + processing + " is before the file's creation date " + created);
        } else if (processing.isAfter(created.plusDays(MAX_DAYS_AHEAD))) {
            problems.add("The processing date " + processing + " is more than " + MAX_DAYS_AHEAD
                    + " days after the creation date " + created + "; Bacs would change it");
        }
        if (BacsText.clean(originator.serviceUserName()).isEmpty()) {
            problems.add("The service user name '" + originator.serviceUserName()
                    + "' has no letters or digits Bacs can carry");
        }
        if (payments.isEmpty()) {
            problems.add("There are no payments to put in the file");
        }
        if (payments.size() > MAX_ITEMS) {
            problems.add("A file holds at most " + MAX_ITEMS + " payments; split the run");
        }
        Money total = Money.ZERO;
        for (int i = 0; i < payments.size(); i++) {
            PaymentInstruction p = payments.get(i);
            String who = "Payment " + (i + 1) + " (" + p.payee().accountName() + ", " + p.payee().masked() + ")";
            if (p.amount().pence() > MAX_RECORD_PENCE) {
                problems.add(who + ": " + p.amount() + " is more than one Bacs record can carry");
            }
            total = total.plus(p.amount());
            if (BacsText.clean(p.payee().accountName()).isEmpty()) {
                problems.add(who + ": the account name has no letters or digits Bacs can carry");
            }
            String reference = BacsText.field(p.reference(), 18).stripTrailing();
            if (reference.isEmpty()) {
                problems.add(who + ": the reference '" + p.reference() + "' has no letters or digits Bacs can carry");
            } else if (reference.startsWith("DDIC")) {
                problems.add(who + ": a reference must not start with DDIC (Bacs reserves it)");
            } else if (reference.chars().distinct().count() == 1) {
                problems.add(who + ": a reference must not be one character repeated ('" + reference + "')");
            }
        }
        if (total.pence() > MAX_RECORD_PENCE) {
            problems.add("The total " + total + " is more than one contra record can carry; split the run");
        }
        if (!problems.isEmpty()) {
            throw new PaymentFileException(problems);
        }
    }

    /** Bacs dates: a blank, the 2-digit year and the 3-digit day of the year ("bYYDDD"). */
    static String julian(LocalDate date) {
        return String.format(" %02d%03d", date.getYear() % 100, date.getDayOfYear());
    }

    private static String pence(Money amount, int width) {
        return String.format("%0" + width + "d", amount.pence());
    }

    private static String blanks(int n) {
        return " ".repeat(n);
    }
}
