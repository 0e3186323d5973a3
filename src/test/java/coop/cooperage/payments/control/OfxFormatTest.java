package coop.cooperage.payments.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementBalance;
import coop.cooperage.payments.entity.StatementLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OfxFormatTest {

    private static final String ACCOUNT = "acct-1";
    private static final OfxFormat OFX = new OfxFormat();

    private static final String SGML_HEADER = "OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\n"
            + "ENCODING:USASCII\r\nCHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n";

    @Test
    void sgmlAndXmlVersionsOfTheSameStatementParseIdentically() throws IOException {
        Statement sgml = OFX.parse(resource("checking-ofx102-sgml.ofx"), ACCOUNT);
        Statement xml = OFX.parse(SharedTestData.bytes(
                "bank-statements/coop-bank-tiredpixel/outputs__OFX__2.1.1_CHECKING.yaml.ofx"), ACCOUNT);

        assertThat(sgml).isEqualTo(xml);
        assertThat(sgml.lines()).hasSize(5);
        assertThat(sgml.lines().get(2).description()).isEqualTo("A00AA000000AAAAA   AA   000000");
    }

    @Test
    void readsMemoAsTheReferenceAndWindows1252Text() {
        String body = "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP\r\n"
                + "<BANKACCTFROM><BANKID>089300<ACCTID>12345678<ACCTTYPE>CHECKING</BANKACCTFROM>\r\n"
                + "<BANKTRANLIST>\r\n"
                + "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20250301120000[0:GMT]<TRNAMT>+250.00<FITID>A1\r\n"
                + "<NAME>ZOË SMITH & CO<MEMO>SH-0012 £250</STMTTRN>\r\n"
                + "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20250302<TRNAMT>10<FITID>A2\r\n"
                + "<PAYEE><NAME>M&amp;S PLC<ADDR1>1 High St</PAYEE><CHECKNUM>000123</STMTTRN>\r\n"
                + "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\r\n";
        Statement statement = OFX.parse((SGML_HEADER + body).getBytes(Charset.forName("windows-1252")), ACCOUNT);

        StatementLine first = statement.lines().get(0);
        assertThat(first.date()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(first.description()).isEqualTo("ZOË SMITH & CO");
        assertThat(first.reference()).isEqualTo("SH-0012 £250");
        assertThat(first.amount()).isEqualTo(Money.ofPounds(250));
        StatementLine second = statement.lines().get(1);
        assertThat(second.description()).isEqualTo("M&S PLC");
        assertThat(second.reference()).isEqualTo("000123");
        assertThat(statement.bankId()).contains("089300");
        assertThat(statement.accountId()).contains("12345678");
        assertThat(statement.closingBalance()).isEmpty();
    }

    @Test
    void anEmptySgmlLeafDoesNotSwallowItsSiblings() {
        String body = "<OFX><CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>GBP\n"
                + "<CCACCTFROM><ACCTID>4544000000000000</CCACCTFROM>\n"
                + "<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250301<MEMO>\n"
                + "<TRNAMT>-4.99<NAME>STRAWBERRY</STMTTRN></BANKTRANLIST>\n"
                + "<LEDGERBAL><BALAMT>-4.99<DTASOF>20250302</LEDGERBAL>\n"
                + "</CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1></OFX>\n";
        Statement statement = OFX.parse((SGML_HEADER + body).getBytes(StandardCharsets.US_ASCII), ACCOUNT);

        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(Money.ofPence(-499));
            assertThat(line.description()).isEqualTo("STRAWBERRY");
        });
        assertThat(statement.bankId()).isEmpty();
        assertThat(statement.closingBalance())
                .contains(new StatementBalance(LocalDate.of(2025, 3, 2), Money.ofPence(-499)));
    }

    @Test
    void xmlWithByteOrderMarkEntitiesAndComments() {
        String xml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"220\"?>\n"
                + "<OFX><!-- exported by a bank --><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP</CURDEF>"
                + "<BANKACCTFROM><BANKID>123456</BANKID><ACCTID>87654321</ACCTID></BANKACCTFROM>"
                + "<BANKTRANLIST><STMTTRN><TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20250401</DTPOSTED>"
                + "<TRNAMT>12.50</TRNAMT><NAME>B &lt;&amp;&gt; Q &#233;</NAME><MEMO></MEMO></STMTTRN>"
                + "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
        Statement statement = OFX.parse(xml.getBytes(StandardCharsets.UTF_8), ACCOUNT);

        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.description()).isEqualTo("B <&> Q é");
            assertThat(line.reference()).isEmpty();
            assertThat(line.amount()).isEqualTo(Money.ofPence(1250));
        });
    }

    @Test
    void refusesOtherCurrenciesNamingTheLine() {
        String body = "<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS>\n<CURDEF>EUR\n<BANKTRANLIST></BANKTRANLIST>"
                + "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
        assertThatThrownBy(() -> OFX.parse((SGML_HEADER + body).getBytes(StandardCharsets.US_ASCII), ACCOUNT))
                .isInstanceOf(StatementFormatException.class)
                .hasMessage("Line 13: the statement is in EUR; only sterling (GBP) accounts can be imported");
    }

    @Test
    void namesTheLineOfABadAmountOrDate() {
        String badAmount = "<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP<BANKTRANLIST>\n"
                + "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20250301\n<TRNAMT>12,50\n<NAME>X</STMTTRN>\n"
                + "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
        assertThatThrownBy(() -> OFX.parse(badAmount.getBytes(StandardCharsets.US_ASCII), ACCOUNT))
                .isInstanceOf(StatementFormatException.class)
                .hasMessage("Line 4: TRNAMT '12,50' is not an amount in pounds")
                .extracting(e -> ((StatementFormatException) e).lineNumber()).isEqualTo(4);

        String badDate = badAmount.replace("20250301", "20250230").replace("12,50", "12.50");
        assertThatThrownBy(() -> OFX.parse(badDate.getBytes(StandardCharsets.US_ASCII), ACCOUNT))
                .hasMessage("Line 3: DTPOSTED '20250230' is not an OFX date (YYYYMMDD...)");
    }

    @Test
    void refusesATruncatedFile() {
        String cut = "<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP\n<BANKTRANLIST>\n"
                + "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20250301<TRNAMT>1.00<NAME>X</STMTTRN>\n";
        assertThatThrownBy(() -> OFX.parse(cut.getBytes(StandardCharsets.US_ASCII), ACCOUNT))
                .isInstanceOf(StatementFormatException.class)
                .hasMessage("Line 3: <BANKTRANLIST> is never closed; the file may be cut short");
    }

    @Test
    void refusesATransactionWithoutAnAmount() {
        String body = "<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP<BANKTRANLIST>\n"
                + "<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20250301<NAME>X</STMTTRN>\n"
                + "</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
        assertThatThrownBy(() -> OFX.parse(body.getBytes(StandardCharsets.US_ASCII), ACCOUNT))
                .hasMessage("Line 3: STMTTRN has no TRNAMT");
    }

    @Test
    void refusesAFileWithSeveralAccounts() {
        String one = "<STMTTRNRS><STMTRS><CURDEF>GBP<BANKTRANLIST></BANKTRANLIST></STMTRS></STMTTRNRS>";
        String body = "<OFX><BANKMSGSRSV1>" + one + one + "</BANKMSGSRSV1></OFX>";
        assertThatThrownBy(() -> OFX.parse(body.getBytes(StandardCharsets.US_ASCII), ACCOUNT))
                .hasMessage("The file holds 2 statements; export one account at a time so each goes to the right account");
    }

    @Test
    void refusesFilesThatAreNotOfx() {
        assertThatThrownBy(() -> OFX.parse("Date,Amount\n01/01/2025,1.00\n".getBytes(StandardCharsets.US_ASCII),
                ACCOUNT)).hasMessage("There is no <OFX> element; this is not an OFX file");
        assertThatThrownBy(() -> OFX.parse(new byte[0], ACCOUNT)).hasMessage("The file is empty");
        assertThatThrownBy(() -> OFX.parse("<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>".getBytes(
                StandardCharsets.US_ASCII), ACCOUNT))
                .hasMessage("The file has no bank or credit card statement (STMTRS or CCSTMTRS)");
        assertThatThrownBy(() -> OFX.parse("<OFX>\n</STMTRS></OFX>".getBytes(StandardCharsets.US_ASCII), ACCOUNT))
                .hasMessage("Line 2: </STMTRS> closes an element that is not open");
    }

    @Test
    void refusesBytesThatAreNotTheDeclaredEncoding() {
        byte[] latin1 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OFX><NAME>Zo\u00eb</NAME></OFX>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> OFX.parse(latin1, ACCOUNT)).isInstanceOf(StatementFormatException.class)
                .hasMessageStartingWith("The file is not UTF-8 text");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OfxFormatTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return in.readAllBytes();
        }
    }
}
