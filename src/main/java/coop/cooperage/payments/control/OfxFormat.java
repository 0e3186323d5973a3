package coop.cooperage.payments.control;

import coop.cooperage.money.Money;
import coop.cooperage.payments.entity.Statement;
import coop.cooperage.payments.entity.StatementBalance;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open Financial Exchange statements, both OFX 1.x (SGML: a "KEY:VALUE" header and tags whose
 * values are not closed, {@code <TRNAMT>-10.00}) and OFX 2.x (XML). Bank ({@code STMTRS}) and
 * credit card ({@code CCSTMTRS}) statements are read.
 *
 * <p>One small tag reader serves both versions instead of an XML parser for 2.x: 1.x is not XML,
 * and real 2.x files are no better behaved than 1.x ones (stray ampersands, leaf elements left
 * open). It also cannot be made to fetch external entities. An element that is never closed is
 * treated as a leaf, as SGML would, so its following siblings stay siblings.
 *
 * <p>The description is NAME (or PAYEE/NAME) and the reference is MEMO, where UK banks put the
 * payer's reference; failing those, REFNUM or CHECKNUM. DTPOSTED is read as the calendar date it
 * names: UK banks stamp local dates, and shifting by a time-zone offset would move midnight
 * postings to the previous day. FITID is not used for fingerprints because some banks issue new
 * FITIDs on every download; the content fingerprint works the same for every format.
 */
public final class OfxFormat implements StatementFormat {

    private static final Pattern XML_ENCODING = Pattern.compile("<\\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']");
    private static final Pattern OFX_DATE = Pattern.compile("([0-9]{4})([0-9]{2})([0-9]{2}).*");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|apos|nbsp|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});");

    @Override
    public Statement parse(byte[] content, String accountKey) {
        String text = StatementBytes.decode(content, charset(content));
        int start = text.indexOf("<OFX>");
        if (start < 0) {
            throw new StatementFormatException("There is no <OFX> element; this is not an OFX file");
        }
        Element root = new TagReader(text, start).read();
        List<Element> statements = new ArrayList<>();
        root.collect("STMTRS", statements);
        root.collect("CCSTMTRS", statements);
        if (statements.isEmpty()) {
            throw new StatementFormatException("The file has no bank or credit card statement (STMTRS or CCSTMTRS)");
        }
        if (statements.size() > 1) {
            throw new StatementFormatException("The file holds " + statements.size()
                    + " statements; export one account at a time so each goes to the right account");
        }
        return statement(statements.get(0), accountKey);
    }

    private static Statement statement(Element stmt, String accountKey) {
        stmt.child("CURDEF").ifPresent(curdef -> {
            if (!curdef.value().equalsIgnoreCase("GBP")) {
                throw new StatementFormatException(curdef.line(), "the statement is in " + curdef.value()
                        + "; only sterling (GBP) accounts can be imported");
            }
        });
        Optional<Element> account = stmt.child("BANKACCTFROM").or(() -> stmt.child("CCACCTFROM"));
        Optional<String> bankId = account.flatMap(a -> a.child("BANKID")).map(Element::value);
        Optional<String> accountId = account.flatMap(a -> a.child("ACCTID")).map(Element::value);

        List<ParsedLine> parsed = new ArrayList<>();
        Optional<Element> list = stmt.child("BANKTRANLIST");
        if (list.isPresent()) {
            for (Element trn : list.get().children()) {
                if (trn.name().equals("STMTTRN")) {
                    parsed.add(transaction(trn));
                }
            }
        }
        Optional<StatementBalance> closing = stmt.child("LEDGERBAL").map(bal -> new StatementBalance(
                date(bal.required("DTASOF")),
                AmountText.parse(bal.required("BALAMT").value(), bal.required("BALAMT").line(), "BALAMT")));
        return new Statement(bankId, accountId, StatementFingerprints.assign(accountKey, parsed), closing);
    }

    private static ParsedLine transaction(Element trn) {
        Element amount = trn.required("TRNAMT");
        Optional<String> name = trn.child("NAME").or(() -> trn.child("PAYEE").flatMap(p -> p.child("NAME")))
                .map(Element::value);
        Optional<String> memo = trn.child("MEMO").map(Element::value);
        String description;
        String reference;
        if (name.isPresent()) {
            description = name.get();
            reference = memo.or(() -> trn.child("REFNUM").map(Element::value))
                    .or(() -> trn.child("CHECKNUM").map(Element::value)).orElse("");
        } else {
            description = memo.orElse("");
            reference = trn.child("REFNUM").or(() -> trn.child("CHECKNUM")).map(Element::value).orElse("");
        }
        return new ParsedLine(trn.line(), date(trn.required("DTPOSTED")), description.strip(), reference.strip(),
                AmountText.parse(amount.value(), amount.line(), "TRNAMT"), Optional.empty(),
                trn.child("TRNTYPE").map(Element::value).orElse(""));
    }

    private static LocalDate date(Element element) {
        Matcher m = OFX_DATE.matcher(element.value());
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                // fall through to the error below
            }
        }
        throw new StatementFormatException(element.line(),
                element.name() + " '" + element.value() + "' is not an OFX date (YYYYMMDD...)");
    }

    /**
     * OFX 2.x says its encoding in the XML declaration (UTF-8 if not). OFX 1.x says it in the
     * header: ENCODING:UTF-8, or USASCII with a CHARSET, which UK banks set to 1252 or ISO-8859-1;
     * Windows-1252 is the usual reading of both and of a missing CHARSET.
     */
    private static Charset charset(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head);
        if (head.stripLeading().startsWith("<?xml") || head.stripLeading().startsWith("\u00EF\u00BB\u00BF<?xml")) {
            return xml.find() ? Charset.forName(xml.group(1)) : StandardCharsets.UTF_8;
        }
        String upper = head.toUpperCase(Locale.ROOT);
        if (upper.matches("(?s).*ENCODING:\\s*UTF-?8.*")) {
            return StandardCharsets.UTF_8;
        }
        if (upper.matches("(?s).*CHARSET:\\s*(ISO-)?8859-1\\b.*")) {
            return StandardCharsets.ISO_8859_1;
        }
        return Charset.forName("windows-1252");
    }

    private static String unescape(String raw) {
        if (raw.indexOf('&') < 0) {
            return raw;
        }
        // Only well-formed entities are decoded: 1.x files often carry a bare "M&S".
        Matcher m = ENTITY.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> name.startsWith("#x")
                        ? new String(Character.toChars(Integer.parseInt(name.substring(2), 16)))
                        : new String(Character.toChars(Integer.parseInt(name.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An OFX element: a leaf with a value, or an aggregate with children. */
    private record Element(String name, String value, List<Element> children, int line) {

        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }

        Element required(String childName) {
            return child(childName).orElseThrow(() -> new StatementFormatException(line,
                    name + " has no " + childName));
        }

        void collect(String wanted, List<Element> found) {
            for (Element c : children) {
                if (c.name.equals(wanted)) {
                    found.add(c);
                } else {
                    c.collect(wanted, found);
                }
            }
        }
    }

    /** Builds the element tree, tolerating SGML's unclosed leaves. */
    private static final class TagReader {
        private final String text;
        private int pos;
        private int line = 1;
        private int counted;

        TagReader(String text, int start) {
            this.text = text;
            this.pos = start;
        }

        Element read() {
            Element root = new Element("#root", "", new ArrayList<>(), 0);
            List<Element> open = new ArrayList<>();
            open.add(root);
            while (true) {
                int lt = text.indexOf('<', pos);
                int strayEnd = lt < 0 ? text.length() : lt;
                if (!text.substring(pos, strayEnd).isBlank()) {
                    throw new StatementFormatException(lineAt(pos), "unexpected text '"
                            + abbreviate(text.substring(pos, strayEnd).strip()) + "' outside any element");
                }
                if (lt < 0) {
                    break;
                }
                if (skipMarkup(lt)) {
                    continue;
                }
                int gt = text.indexOf('>', lt);
                if (gt < 0) {
                    throw new StatementFormatException(lineAt(lt), "a tag is never closed with '>'");
                }
                String tag = text.substring(lt + 1, gt).strip();
                int tagLine = lineAt(lt);
                if (tag.startsWith("/")) {
                    close(open, tag.substring(1).strip(), tagLine);
                    pos = gt + 1;
                    continue;
                }
                boolean selfClosing = tag.endsWith("/");
                String name = tag.replaceFirst("/$", "").strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
                if (name.isEmpty()) {
                    throw new StatementFormatException(tagLine, "an empty tag '<>'");
                }
                Element parent = open.get(open.size() - 1);
                if (selfClosing) {
                    parent.children().add(new Element(name, "", new ArrayList<>(), tagLine));
                    pos = gt + 1;
                    continue;
                }
                int next = text.indexOf('<', gt + 1);
                int valueEnd = next < 0 ? text.length() : next;
                String value = unescape(text.substring(gt + 1, valueEnd)).strip();
                if (value.isEmpty()) {
                    Element aggregate = new Element(name, "", new ArrayList<>(), tagLine);
                    parent.children().add(aggregate);
                    open.add(aggregate);
                    pos = gt + 1;
                } else {
                    parent.children().add(new Element(name, value, new ArrayList<>(), tagLine));
                    pos = valueEnd;
                    skipMatchingClose(name);
                }
            }
            if (open.size() > 1) {
                Element unclosed = open.get(open.size() - 1);
                throw new StatementFormatException(unclosed.line(), "<" + unclosed.name()
                        + "> is never closed; the file may be cut short");
            }
            return root;
        }

        /** Comments, processing instructions and declarations carry no statement data. */
        private boolean skipMarkup(int lt) {
            String end;
            if (text.startsWith("<!--", lt)) {
                end = "-->";
            } else if (text.startsWith("<?", lt)) {
                end = "?>";
            } else if (text.startsWith("<!", lt)) {
                end = ">";
            } else {
                return false;
            }
            int close = text.indexOf(end, lt);
            if (close < 0) {
                throw new StatementFormatException(lineAt(lt), "markup that is never closed");
            }
            pos = close + end.length();
            return true;
        }

        private void skipMatchingClose(String name) {
            Matcher m = Pattern.compile("</\\s*" + Pattern.quote(name) + "\\s*>", Pattern.CASE_INSENSITIVE)
                    .matcher(text).region(pos, text.length());
            if (m.lookingAt()) {
                pos = m.end();
            }
        }

        private void close(List<Element> open, String rawName, int tagLine) {
            String name = rawName.toUpperCase(Locale.ROOT);
            for (int i = open.size() - 1; i > 0; i--) {
                if (open.get(i).name().equals(name)) {
                    // Anything opened inside and never closed was an empty SGML leaf: hand its
                    // children back to its parent so they stay siblings.
                    for (int j = open.size() - 1; j > i; j--) {
                        Element unclosed = open.get(j);
                        open.get(j - 1).children().addAll(unclosed.children());
                        unclosed.children().clear();
                        open.remove(j);
                    }
                    open.remove(i);
                    return;
                }
            }
            throw new StatementFormatException(tagLine, "</" + rawName + "> closes an element that is not open");
        }

        /** Line numbers are counted lazily and only forwards, as the reader only moves forwards. */
        private int lineAt(int index) {
            if (index < counted) {
                int l = 1;
                for (int i = 0; i < index; i++) {
                    if (text.charAt(i) == '\n') {
                        l++;
                    }
                }
                return l;
            }
            for (int i = counted; i < index; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            counted = index;
            return line;
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40) + "...";
        }
    }
}
