package coop.cooperage.payments.control;

import static coop.cooperage.payments.control.LayoutRecord.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.BacsOriginator;
import coop.cooperage.money.BankDetails;
import coop.cooperage.money.InvalidBankDetailsException;
import coop.cooperage.payments.entity.PaymentInstruction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BacsDirectCreditFileTest {

    static final BacsOriginator SOCIETY = new BacsOriginator("123456", "Sunny Hill Energy Co-operative Ltd",
            new BankDetails("08-92-99", "65432109", "Sunny Hill Energy Co-operative Ltd"));
    /** FIELD_LAYOUT.md's own example: 2026-08-21 is " 26233". */
    static final BacsSubmission SUBMISSION =
            new BacsSubmission("A00042", 7, LocalDate.of(2026, 8, 19), LocalDate.of(2026, 8, 21));

    static final List<PaymentInstruction> PAYMENTS = List.of(
            new PaymentInstruction(new BankDetails("20-00-00", "12345678", "Zoë O'Brien"),
                    Money.parse("250.00"), "Interest 2025/26"),
            new PaymentInstruction(new BankDetails("40-11-62", "87654321", "J Smith & Sons (Builders) Limited"),
                    Money.parse("1234.56"), "Interest 2025/26"),
            new PaymentInstruction(new BankDetails("30-94-30", "00733445", "A. N. Other"),
                    Money.parse("0.07"), "Withdrawal W-0003"));

    @Test
    void writesEveryRecordExactlyAsTheLayoutSays() {
        String sun = "123456";
        String userName = "SUNNY HILL ENERGY "; // 18: the name cut at 18 characters
        String hdr1Tail = new LayoutRecord(80)
                .put(1, 4, "HDR1").put(5, 5, "A").put(6, 11, sun).put(12, 12, "S").put(16, 21, sun)
                .put(22, 27, "A00042").put(28, 31, "0001").put(32, 35, "0001")
                .put(42, 47, " 26231")   // created 2026-08-19
                .put(48, 53, " 26240")   // expires 7 days after processing, 2026-08-28
                .put(55, 60, "000000").toString().substring(4);
        String hdr2Tail = new LayoutRecord(80)
                .put(1, 4, "HDR2").put(5, 5, "F").put(6, 10, "02000").put(11, 15, "00100").put(51, 52, "00")
                .toString().substring(4);

        List<String> expected = List.of(
                new LayoutRecord(80).put(1, 3, "VOL").put(4, 4, "1").put(5, 10, "A00042").put(42, 47, sun)
                        .put(80, 80, "1").toString(),
                "HDR1" + hdr1Tail,
                "HDR2" + hdr2Tail,
                new LayoutRecord(80).put(1, 4, "UHL1").put(5, 10, " 26233").put(11, 16, "999999")
                        .put(21, 22, "00").put(23, 28, "000000").put(29, 37, "1 DAILY  ").put(38, 40, "007").toString(),
                credit("200000", "12345678", "00000025000", userName, "INTEREST 2025/26  ", "ZOE OBRIEN        "),
                credit("401162", "87654321", "00000123456", userName, "INTEREST 2025/26  ", "J SMITH & SONS BUI"),
                credit("309430", "00733445", "00000000007", userName, "WITHDRAWAL W-0003 ", "A. N. OTHER       "),
                new LayoutRecord(100).put(1, 6, "089299").put(7, 14, "65432109").put(15, 15, "0").put(16, 17, "17")
                        .put(18, 23, "089299").put(24, 31, "65432109").put(36, 46, "00000148463")
                        .put(47, 64, userName).put(65, 82, "CONTRA            ").put(83, 100, userName).toString(),
                "EOF1" + hdr1Tail,
                "EOF2" + hdr2Tail,
                new LayoutRecord(80).put(1, 4, "UTL1").put(5, 17, "0000000148463").put(18, 30, "0000000148463")
                        .put(31, 37, "0000001").put(38, 44, "0000003").toString());

        assertThat(BacsDirectCreditFile.records(SOCIETY, SUBMISSION, PAYMENTS)).containsExactlyElementsOf(expected);
        assertThat(new String(BacsDirectCreditFile.write(SOCIETY, SUBMISSION, PAYMENTS), StandardCharsets.US_ASCII))
                .isEqualTo(String.join("\r\n", expected) + "\r\n");
    }

    private static String credit(String sort, String account, String pence, String userName, String reference,
            String name) {
        return new LayoutRecord(100).put(1, 6, sort).put(7, 14, account).put(15, 15, "0").put(16, 17, "99")
                .put(18, 23, "089299").put(24, 31, "65432109").put(36, 46, pence).put(47, 64, userName)
                .put(65, 82, reference).put(83, 100, name).toString();
    }

    @Test
    void labelsAre80AndDataRecords100CharactersEachEndingInCrlf() {
        byte[] file = BacsDirectCreditFile.write(SOCIETY, SUBMISSION, PAYMENTS);
        String[] records = new String(file, StandardCharsets.US_ASCII).split("\r\n", -1);
        assertThat(records).hasSize(4 + 3 + 1 + 3 + 1); // the split leaves "" after the last CRLF
        assertThat(records[records.length - 1]).isEmpty();
        for (int i = 0; i < records.length - 1; i++) {
            int expectedWidth = i >= 4 && i <= 7 ? 100 : 80;
            assertThat(records[i]).as("record %d", i + 1).hasSize(expectedWidth);
        }
        assertThat(file).hasSize(7 * 80 + 4 * 100 + 11 * 2);
    }

    @Test
    void amountsArePenceRightJustifiedAndZeroFilled() {
        List<String> records = BacsDirectCreditFile.records(SOCIETY, SUBMISSION, PAYMENTS);
        assertThat(records.subList(4, 7)).extracting(r -> slice(r, 36, 46))
                .containsExactly("00000025000", "00000123456", "00000000007");
    }

    @Test
    void textFieldsUseOnlyTheBacsCharacterSet() {
        List<PaymentInstruction> awkward = List.of(new PaymentInstruction(
                new BankDetails("200000", "12345678", "Ms Þóra Ødegård-Müller (née Straße)"),
                Money.ofPence(100), "£50 gift; thanks! #1 – “best”"));
        List<String> records = BacsDirectCreditFile.records(SOCIETY, SUBMISSION, awkward);
        String record = records.get(4);
        assertThat(slice(record, 83, 100)).isEqualTo("MS THORA ODEGARD-M");
        assertThat(slice(record, 65, 82)).isEqualTo("50 GIFT THANKS 1 B");
        for (String r : records) {
            assertThat(r).matches("[A-Z0-9.&/\\- ]*");
        }
    }

    @Test
    void theSameInputsGiveTheSameBytes() {
        byte[] first = BacsDirectCreditFile.write(SOCIETY, SUBMISSION, PAYMENTS);
        byte[] second = BacsDirectCreditFile.write(SOCIETY, SUBMISSION, List.copyOf(PAYMENTS));
        assertThat(second).isEqualTo(first);
        byte[] otherSerial = BacsDirectCreditFile.write(SOCIETY,
                new BacsSubmission("A00043", 7, SUBMISSION.creationDate(), SUBMISSION.processingDate()), PAYMENTS);
        assertThat(otherSerial).isNotEqualTo(first);
    }

    @Test
    void julianDatesCountFromTheFirstOfJanuary() {
        assertThat(BacsDirectCreditFile.julian(LocalDate.of(2026, 1, 1))).isEqualTo(" 26001");
        assertThat(BacsDirectCreditFile.julian(LocalDate.of(2024, 12, 31))).isEqualTo(" 24366");
        assertThat(BacsDirectCreditFile.julian(LocalDate.of(2030, 2, 9))).isEqualTo(" 30040");
    }

    @Test
    void invalidBankDetailsNeverReachAFile() {
        // The writer takes BankDetails, which cannot be built from bad details.
        InvalidBankDetailsException e = catchThrowableOfType(InvalidBankDetailsException.class,
                () -> new BankDetails("20-00-0", "1234567", "J Smith"));
        assertThat(e).hasMessage("Enter a valid sort code like 30-94-30: it must be 6 digits; "
                + "Account number must be 8 digits; this one has 7. Ask your bank for the 8-digit form of your account number");
    }

    @Test
    void refusesEverythingBacsWouldRejectInOneGo() {
        BacsOriginator unnamed = new BacsOriginator("123456", "£££", SOCIETY.account());
        BacsSubmission bad = new BacsSubmission("00000a", 0, LocalDate.of(2026, 8, 19), LocalDate.of(2026, 8, 18));
        List<PaymentInstruction> payments = List.of(
                new PaymentInstruction(new BankDetails("200000", "12345678", "王伟"), Money.ofPence(1), "OK REF"),
                new PaymentInstruction(new BankDetails("200000", "12345679", "A Person"), Money.ofPence(1), "ddic 123"),
                new PaymentInstruction(new BankDetails("200000", "12345670", "B Person"), Money.ofPence(1), "0000"),
                new PaymentInstruction(new BankDetails("200000", "12345671", "C Person"), Money.ofPence(1), "!!!"),
                new PaymentInstruction(new BankDetails("200000", "12345672", "D Person"),
                        Money.ofPence(100_000_000_000L), "BIG"));

        PaymentFileException e = catchThrowableOfType(PaymentFileException.class,
                () -> BacsDirectCreditFile.write(unnamed, bad, payments));

        assertThat(e.problems()).containsExactly(
                "The submission serial must be 6 capital letters or digits, not all zeros; got '00000a'",
                "The file number must be from 1 to 999; got 0",
                "The processing date 2026-08-18 is before the file's creation date 2026-08-19",
                "The service user name '£££' has no letters or digits Bacs can carry",
                "Payment 1 (王伟, **-**-00 ****5678): the account name has no letters or digits Bacs can carry",
                "Payment 2 (A Person, **-**-00 ****5679): a reference must not start with DDIC (Bacs reserves it)",
                "Payment 3 (B Person, **-**-00 ****5670): a reference must not be one character repeated ('0000')",
                "Payment 4 (C Person, **-**-00 ****5671): the reference '!!!' has no letters or digits Bacs can carry",
                "Payment 5 (D Person, **-**-00 ****5672): £1,000,000,000.00 is more than one Bacs record can carry",
                "The total £1,000,000,000.04 is more than one contra record can carry; split the run");
    }

    @Test
    void refusesAProcessingDayBacsWouldMoveAndAnEmptyRun() {
        BacsSubmission farAhead = new BacsSubmission("A00042", 1, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 2));
        assertThatThrownBy(() -> BacsDirectCreditFile.write(SOCIETY, farAhead, PAYMENTS))
                .isInstanceOf(PaymentFileException.class)
                .hasMessage("The processing date 2026-09-02 is more than 31 days after the creation date 2026-08-01;"
                        + " Bacs would change it");
        assertThatThrownBy(() -> BacsDirectCreditFile.write(SOCIETY, SUBMISSION, List.of()))
                .hasMessage("There are no payments to put in the file");
    }

    @Test
    void paymentsAndOriginatorsRefuseNonsenseWhenBuilt() {
        BankDetails payee = new BankDetails("200000", "12345678", "A Person");
        assertThatThrownBy(() -> new PaymentInstruction(payee, Money.ZERO, "REF"))
                .hasMessage("A payment must be for more than £0.00; got £0.00");
        assertThatThrownBy(() -> new PaymentInstruction(payee, Money.ofPence(1), " "))
                .hasMessage("A payment needs a reference so the payee knows what it is");
        assertThatThrownBy(() -> new BacsOriginator("12345", "X", payee))
                .hasMessage("A Bacs Service User Number is 6 digits, as given by your bank; got '12345'");
    }

    @Property
    void trailerTotalsAndCountsAlwaysAgreeWithTheRecords(@ForAll("payments") List<PaymentInstruction> payments) {
        List<String> records = BacsDirectCreditFile.records(SOCIETY, SUBMISSION, payments);
        List<String> credits = records.subList(4, records.size() - 4);
        String contra = records.get(records.size() - 4);
        String utl1 = records.get(records.size() - 1);

        long sum = 0;
        for (String credit : credits) {
            assertThat(credit).hasSize(100);
            assertThat(slice(credit, 16, 17)).isEqualTo("99");
            sum += Long.parseLong(slice(credit, 36, 46));
        }
        long expectedSum = payments.stream().mapToLong(p -> p.amount().pence()).sum();
        assertThat(sum).isEqualTo(expectedSum);
        assertThat(slice(contra, 16, 17)).isEqualTo("17");
        assertThat(Long.parseLong(slice(contra, 36, 46))).isEqualTo(sum);
        assertThat(Long.parseLong(slice(utl1, 5, 17))).as("debit total").isEqualTo(sum);
        assertThat(Long.parseLong(slice(utl1, 18, 30))).as("credit total").isEqualTo(sum);
        assertThat(Integer.parseInt(slice(utl1, 31, 37))).as("debit count, the contra").isEqualTo(1);
        assertThat(Integer.parseInt(slice(utl1, 38, 44))).as("credit count").isEqualTo(payments.size());
        assertThat(records).allSatisfy(r -> assertThat(r).matches("[A-Z0-9.&/\\- ]*"));
        assertThat(BacsDirectCreditFile.write(SOCIETY, SUBMISSION, payments))
                .isEqualTo(BacsDirectCreditFile.write(SOCIETY, SUBMISSION, new ArrayList<>(payments)));
    }

    @Provide
    Arbitrary<List<PaymentInstruction>> payments() {
        Arbitrary<String> sort = Arbitraries.strings().numeric().ofLength(6).filter(s -> !s.equals("000000"));
        Arbitrary<String> account = Arbitraries.strings().numeric().ofLength(8).filter(s -> !s.equals("00000000"));
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withChars(" '&éß-").ofMinLength(1)
                .ofMaxLength(40).filter(s -> s.chars().anyMatch(Character::isLetter));
        Arbitrary<Long> pence = Arbitraries.longs().between(1, 2_000_000_000L);
        Arbitrary<String> reference = Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(2).ofMaxLength(25)
                .filter(r -> !r.startsWith("DDIC") && r.chars().distinct().count() > 1);
        return Combinators.combine(sort, account, name, pence, reference)
                .as((s, a, n, p, r) -> new PaymentInstruction(new BankDetails(s, a, n), Money.ofPence(p), r))
                .list().ofMinSize(1).ofMaxSize(40);
    }
}
