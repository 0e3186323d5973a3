package coop.cooperage.payments.control;

import coop.cooperage.payments.entity.PaymentInstruction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain CSV of payments for banks whose bulk-payment upload takes a spreadsheet rather than a
 * Bacs file: sort code, account number, account name, amount in pounds, reference, with a header
 * row and CRLF line ends (RFC 4180).
 *
 * <p>Names and references are cleaned to the Bacs character set and 18 characters, because the
 * bank sends the payments through Bacs or Faster Payments, which carry no more: cleaning here
 * means the file shows what the payee will see. The cleaned text holds no commas, quotes or line
 * breaks, so no field needs quoting, and no cell starts with a character a spreadsheet would take
 * for a formula.
 */
public final class PaymentCsvFile {

    static final String HEADER = "Sort code,Account number,Account name,Amount,Reference";

    private PaymentCsvFile() {
    }

    public static byte[] write(List<PaymentInstruction> payments) {
        List<String> problems = new ArrayList<>();
        if (payments.isEmpty()) {
            problems.add("There are no payments to put in the file");
        }
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < payments.size(); i++) {
            PaymentInstruction p = payments.get(i);
            String who = "Payment " + (i + 1) + " (" + p.payee().accountName() + ", " + p.payee().masked() + ")";
            String name = BacsText.field(p.payee().accountName(), 18).stripTrailing();
            String reference = BacsText.field(p.reference(), 18).stripTrailing();
            if (name.isEmpty()) {
                problems.add(who + ": the account name has no letters or digits a bank can carry");
            }
            if (reference.isEmpty()) {
                problems.add(who + ": the reference '" + p.reference() + "' has no letters or digits a bank can carry");
            }
            csv.append(p.payee().sortCode()).append(',')
                    .append(p.payee().accountNumber()).append(',')
                    .append(name).append(',')
                    .append(p.amount().pounds().toPlainString()).append(',')
                    .append(reference).append("\r\n");
        }
        if (!problems.isEmpty()) {
            throw new PaymentFileException(problems);
        }
        return csv.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
