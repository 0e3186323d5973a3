package coop.cooperage.members.control;

import static coop.cooperage.members.control.ImportField.ADDRESS;
import static coop.cooperage.members.control.ImportField.ADDRESS_LINE_1;
import static coop.cooperage.members.control.ImportField.ADDRESS_LINE_2;
import static coop.cooperage.members.control.ImportField.ADDRESS_LINE_3;
import static coop.cooperage.members.control.ImportField.ADDRESS_LINE_4;
import static coop.cooperage.members.control.ImportField.AMOUNT_PAID;
import static coop.cooperage.members.control.ImportField.COUNTY;
import static coop.cooperage.members.control.ImportField.DATE_OF_BIRTH;
import static coop.cooperage.members.control.ImportField.EMAIL;
import static coop.cooperage.members.control.ImportField.EMAIL_PURPOSES;
import static coop.cooperage.members.control.ImportField.FIRST_NAMES;
import static coop.cooperage.members.control.ImportField.JOINED_ON;
import static coop.cooperage.members.control.ImportField.KIND;
import static coop.cooperage.members.control.ImportField.MEMBER_NUMBER;
import static coop.cooperage.members.control.ImportField.NAME;
import static coop.cooperage.members.control.ImportField.POSTCODE;
import static coop.cooperage.members.control.ImportField.REGISTERED_SOCIETY;
import static coop.cooperage.members.control.ImportField.REPRESENTATIVE;
import static coop.cooperage.members.control.ImportField.SHARES;
import static coop.cooperage.members.control.ImportField.SURNAME;
import static coop.cooperage.members.control.ImportField.TOWN;

import coop.cooperage.identity.control.Emails;
import coop.cooperage.members.control.ImportProblem.Severity;
import coop.cooperage.members.entity.EmailPurpose;
import coop.cooperage.members.entity.ImportedMember;
import coop.cooperage.members.entity.MemberKind;
import coop.cooperage.members.entity.Postcode;
import coop.cooperage.money.Money;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an existing register, read from a spreadsheet, before any of it is entered: the dry run
 * of an import. It reports every problem of every row at once, so that the user can fix the file
 * in one go rather than upload it once per mistake, and yields members only when there are no
 * errors at all.
 *
 * <p>What is checked, beyond the mapping ({@link ColumnMapping#problemsWith}):
 * <ul>
 * <li>each value: a name, an address and a postcode are present; postcode, email, dates, numbers,
 *     yes/no answers and email purposes can be read; dates are real, day first and not in the future;
 *     lengths fit the register;
 * <li>the member: an organisation has a representative and no date of birth, an individual has no
 *     representative and is not a registered society; born before joining, and at least the minimum
 *     age on the day they joined; member numbers above 0;
 * <li>the holding: whole shares, not negative, the amount paid equal to shares times the nominal
 *     value (community shares are paid in full; a different figure means one of the two is wrong),
 *     no more than the maximum holding and the holding cap unless the member is a registered
 *     society; below the minimum holding is only a warning (see {@link ImportRules});
 * <li>the register: no member twice, within the file or against the members already there, by
 *     member number, by name and postcode, or by email address. The later row is the one reported,
 *     naming the earlier.
 * </ul>
 *
 * <p>Never throws on what is in the cells: anything a user could type ends up as a problem.
 */
public final class RegisterImport {

    // the sizes of the member table's columns (sql/V2__member_register.sql)
    private static final int MAX_NAME = 200;
    private static final int MAX_ADDRESS = 500;

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    private static final Pattern ADDRESS_SEPARATORS = Pattern.compile("[\\n,]");
    private static final List<ImportField> ADDRESS_LINES = List.of(ADDRESS_LINE_1, ADDRESS_LINE_2, ADDRESS_LINE_3,
            ADDRESS_LINE_4);

    private RegisterImport() {
    }

    public static ImportReport check(SpreadsheetTable table, ColumnMapping mapping, ImportRules rules) {
        var problems = new Problems(table);
        mapping.problemsWith(table).forEach(problems::add);
        Map<ImportField, Integer> columns = mapping.columnsIn(table);
        if (table.rows().isEmpty()) {
            problems.add(new ImportProblem(0, "", "", Optional.empty(), Severity.ERROR,
                    "There are no members in the file: nothing below the headings in row " + table.headerRowNumber() + "."));
        }
        if (!columns.containsKey(SHARES) && !columns.containsKey(AMOUNT_PAID)) {
            problems.add(new ImportProblem(0, "", "", Optional.empty(), Severity.WARNING,
                    "No column is chosen for shares or amount paid, so members will be entered with no shares."
                            + " Choose one if the register records holdings."));
        }
        var duplicates = new Duplicates(problems, rules.existingMembers());
        var members = new ArrayList<ImportedMember>();
        for (SpreadsheetTable.Row row : table.rows()) {
            var check = new RowCheck(row, columns, rules, problems);
            check.run();
            duplicates.check(check);
            if (!problems.hasErrorsOn(row.number())) {
                members.add(check.member());
            }
        }
        return new ImportReport(table.rows().size(), problems.sorted(), members);
    }

    /** Collects problems, placing each at its column, and sorts them as the user reads the sheet. */
    private static final class Problems {

        private record Placed(ImportProblem problem, int column, int sequence) {
        }

        private final SpreadsheetTable table;
        private final List<Placed> placed = new ArrayList<>();
        private final Set<Integer> rowsWithErrors = new HashSet<>();

        Problems(SpreadsheetTable table) {
            this.table = table;
        }

        void add(ImportProblem problem) {
            int column = problem.column().isEmpty() ? -1 : table.columnIndex(problem.column());
            placed.add(new Placed(problem, column, placed.size()));
            if (problem.isError()) {
                rowsWithErrors.add(problem.row());
            }
        }

        void add(int row, int column, ImportField field, Severity severity, String message) {
            String header = column >= 0 ? table.headers().get(column) : "";
            String letter = column >= 0 ? SpreadsheetTable.columnLetter(column) : "";
            add(new ImportProblem(row, header, letter, Optional.ofNullable(field), severity, message));
        }

        boolean hasErrorsOn(int row) {
            return rowsWithErrors.contains(row);
        }

        List<ImportProblem> sorted() {
            return placed.stream()
                    .sorted(Comparator.comparingInt((Placed p) -> p.problem().row())
                            .thenComparingInt(Placed::column)
                            .thenComparingInt(Placed::sequence))
                    .map(Placed::problem)
                    .toList();
        }
    }

    /** Reads one row into typed values, reporting every problem with it. */
    private static final class RowCheck {

        private final SpreadsheetTable.Row row;
        private final Map<ImportField, Integer> columns;
        private final ImportRules rules;
        private final Problems problems;

        OptionalLong memberNumber = OptionalLong.empty();
        MemberKind kind;
        String name;
        String representative;
        String address;
        Postcode postcode;
        String email;
        Set<EmailPurpose> emailPurposes = EnumSet.noneOf(EmailPurpose.class);
        LocalDate dateOfBirth;
        LocalDate joinedOn;
        long shares;
        Money amountPaid = Money.ZERO;
        boolean registeredSociety;

        RowCheck(SpreadsheetTable.Row row, Map<ImportField, Integer> columns, ImportRules rules, Problems problems) {
            this.row = row;
            this.columns = columns;
            this.rules = rules;
            this.problems = problems;
        }

        void run() {
            if (row.hasStrayValues()) {
                problems.add(new ImportProblem(row.number(), "", SpreadsheetTable.columnLetter(row.strayColumn()),
                        Optional.empty(), Severity.ERROR, "There is a value in column "
                        + SpreadsheetTable.columnLetter(row.strayColumn()) + ", which has no heading. If it is a note,"
                        + " delete it or give the column a heading. In a CSV file it can also mean a comma inside a"
                        + " value that is not in quotes, which shifts the rest of the row."));
            }
            readMemberNumber();
            readKind();
            readName();
            readRepresentative();
            readPostcode();
            readAddress();
            readEmail();
            readDates();
            readHolding();
        }

        ImportedMember member() {
            return new ImportedMember(row.number(), memberNumber, kind, name, Optional.ofNullable(representative),
                    address, postcode, Optional.ofNullable(email), email == null ? Set.of() : emailPurposes,
                    Optional.ofNullable(dateOfBirth), joinedOn, shares, amountPaid, registeredSociety);
        }

        private void readMemberNumber() {
            String text = cell(MEMBER_NUMBER);
            if (text.isEmpty()) {
                return;
            }
            long number;
            try {
                number = CellValues.wholeNumber(text, "members");
            } catch (IllegalArgumentException e) {
                number = 0;
            }
            if (number <= 0) {
                error(MEMBER_NUMBER, "'" + CellValues.shown(text) + "' is not a member number: member numbers are"
                        + " whole numbers from 1 up, like 42. Leave it blank to have one given.");
                return;
            }
            memberNumber = OptionalLong.of(number);
        }

        private void readKind() {
            MemberKind stated = null;
            String kindText = cell(KIND);
            if (!kindText.isEmpty()) {
                try {
                    stated = CellValues.kind(kindText);
                } catch (IllegalArgumentException e) {
                    error(KIND, e.getMessage());
                }
            }
            String societyText = cell(REGISTERED_SOCIETY);
            try {
                registeredSociety = CellValues.yesNo(societyText);
            } catch (IllegalArgumentException e) {
                error(REGISTERED_SOCIETY, e.getMessage() + " Write yes for a member that is itself a registered"
                        + " society, otherwise no or leave it blank.");
            }
            if (registeredSociety && stated == MemberKind.INDIVIDUAL) {
                error(REGISTERED_SOCIETY, "An individual cannot be a registered society. Either the member is an"
                        + " organisation, or this should be no.");
            }
            // a registered society is an organisation, even where the register has no column saying so
            kind = stated != null ? stated : registeredSociety ? MemberKind.ORGANISATION : MemberKind.INDIVIDUAL;
        }

        private void readName() {
            String full = CellValues.oneLine(cell(NAME));
            if (full.isEmpty() && (columns.containsKey(FIRST_NAMES) || columns.containsKey(SURNAME))) {
                String first = CellValues.oneLine(cell(FIRST_NAMES));
                String last = CellValues.oneLine(cell(SURNAME));
                if (!first.isEmpty() && last.isEmpty() && columns.containsKey(SURNAME)) {
                    error(SURNAME, "Enter the member's surname.");
                    return;
                }
                full = (first + " " + last).strip();
            }
            ImportField at = columns.containsKey(NAME) ? NAME : SURNAME;
            if (full.isEmpty()) {
                error(at, "Enter the member's name.");
                return;
            }
            if (full.length() > MAX_NAME) {
                error(at, "The name is longer than " + MAX_NAME + " characters.");
                return;
            }
            name = full;
        }

        private void readRepresentative() {
            String text = CellValues.oneLine(cell(REPRESENTATIVE));
            if (kind == MemberKind.ORGANISATION && text.isEmpty()) {
                error(REPRESENTATIVE, "Enter the name of the person who represents this organisation"
                        + (columns.containsKey(REPRESENTATIVE) ? "." : ": choose the column that holds it."));
            } else if (kind == MemberKind.INDIVIDUAL && !text.isEmpty()) {
                error(REPRESENTATIVE, "Only an organisation has a representative. Either the member is an"
                        + " organisation (say so in the " + columnNameOr(KIND, "Individual or organisation")
                        + " column), or leave this blank.");
            } else if (text.length() > MAX_NAME) {
                error(REPRESENTATIVE, "The representative's name is longer than " + MAX_NAME + " characters.");
            } else if (!text.isEmpty()) {
                representative = text;
            }
        }

        private void readPostcode() {
            String text = CellValues.oneLine(cell(POSTCODE));
            if (text.isEmpty()) {
                error(POSTCODE, "Enter the postcode.");
                return;
            }
            postcode = Postcode.parse(text).orElse(null);
            if (postcode == null) {
                error(POSTCODE, "'" + CellValues.shown(text) + "' is not a UK postcode. Enter one like BS1 4RW.");
            }
        }

        /**
         * An address in one cell is split into lines at line breaks and commas ("12 High Street,
         * Bristol"); address line cells keep their commas ("Flat 2, 12 High Street" is one line).
         * A line that is just the postcode is dropped, since the postcode is kept on its own.
         */
        private void readAddress() {
            var lines = new ArrayList<String>();
            if (columns.containsKey(ADDRESS)) {
                for (String part : ADDRESS_SEPARATORS.split(CellValues.clean(cell(ADDRESS)))) {
                    lines.add(part.strip());
                }
            }
            for (ImportField line : ADDRESS_LINES) {
                lines.addAll(List.of(CellValues.clean(cell(line)).split("\n")));
            }
            lines.add(CellValues.oneLine(cell(TOWN)));
            lines.add(CellValues.oneLine(cell(COUNTY)));
            lines.removeIf(l -> l.isBlank() || (postcode != null && Postcode.parse(l).equals(Optional.of(postcode))));
            ImportField at = columns.containsKey(ADDRESS) ? ADDRESS
                    : ADDRESS_LINES.stream().filter(columns::containsKey).findFirst().orElse(ADDRESS);
            if (lines.isEmpty()) {
                error(at, "Enter the member's address.");
                return;
            }
            String joined = String.join("\n", lines);
            if (joined.length() > MAX_ADDRESS) {
                error(at, "The address is longer than " + MAX_ADDRESS + " characters.");
                return;
            }
            address = joined;
        }

        private void readEmail() {
            String text = CellValues.oneLine(cell(EMAIL));
            if (!text.isEmpty()) {
                if (Emails.isValid(text)) {
                    email = text;
                } else if (text.matches(".*@.*[;, ].*@.*")) {
                    error(EMAIL, "'" + CellValues.shown(text) + "' holds more than one email address. A member has"
                            + " one: keep the one they use.");
                } else {
                    error(EMAIL, "'" + CellValues.shown(text) + "' is not an email address.");
                }
            }
            String purposes = cell(EMAIL_PURPOSES);
            try {
                emailPurposes = CellValues.emailPurposes(purposes);
            } catch (IllegalArgumentException e) {
                error(EMAIL_PURPOSES, e.getMessage());
                return;
            }
            if (text.isEmpty() && !emailPurposes.isEmpty() && columns.containsKey(EMAIL)) {
                warning(EMAIL_PURPOSES, "There is no email address, so the agreement to be emailed is not kept.");
            }
        }

        private void readDates() {
            String born = cell(DATE_OF_BIRTH);
            if (!born.isEmpty()) {
                try {
                    dateOfBirth = CellValues.date(born);
                } catch (IllegalArgumentException e) {
                    error(DATE_OF_BIRTH, e.getMessage());
                }
            }
            if (dateOfBirth != null && kind == MemberKind.ORGANISATION) {
                error(DATE_OF_BIRTH, "An organisation has no date of birth: leave it blank.");
                dateOfBirth = null;
            }
            if (dateOfBirth != null && dateOfBirth.isAfter(rules.today())) {
                error(DATE_OF_BIRTH, "The date of birth, " + UK_DATE.format(dateOfBirth) + ", is in the future.");
                dateOfBirth = null;
            }
            String joined = cell(JOINED_ON);
            if (joined.isEmpty()) {
                error(JOINED_ON, "Enter the date the member joined (was entered on the register).");
            } else {
                try {
                    joinedOn = CellValues.date(joined);
                } catch (IllegalArgumentException e) {
                    error(JOINED_ON, e.getMessage());
                }
            }
            if (joinedOn != null && joinedOn.isAfter(rules.today())) {
                error(JOINED_ON, "The date joined, " + UK_DATE.format(joinedOn) + ", is in the future.");
                return;
            }
            if (dateOfBirth == null || joinedOn == null) {
                return;
            }
            if (dateOfBirth.isAfter(joinedOn)) {
                error(DATE_OF_BIRTH, "The member was born (" + UK_DATE.format(dateOfBirth) + ") after they joined ("
                        + UK_DATE.format(joinedOn) + ").");
                return;
            }
            int age = Period.between(dateOfBirth, joinedOn).getYears();
            if (age < rules.minimumAge()) {
                error(DATE_OF_BIRTH, "Born on " + UK_DATE.format(dateOfBirth) + ", the member was " + age
                        + " when they joined on " + UK_DATE.format(joinedOn) + "; the society's minimum age is "
                        + rules.minimumAge() + ".");
            }
        }

        /**
         * Shares, and the amount paid on them, which must agree. With only one of the two given, the
         * other follows from the nominal value; with neither column, the member holds no shares.
         */
        private void readHolding() {
            if (!columns.containsKey(SHARES) && !columns.containsKey(AMOUNT_PAID)) {
                return;
            }
            Money nominal = rules.nominalShareValue();
            String sharesText = cell(SHARES);
            String amountText = cell(AMOUNT_PAID);
            Long count = null;
            Money paid = null;
            boolean unreadable = false;
            if (!sharesText.isEmpty()) {
                try {
                    count = CellValues.wholeNumber(sharesText, "shares");
                } catch (IllegalArgumentException e) {
                    error(SHARES, e.getMessage());
                    unreadable = true;
                }
            }
            if (!amountText.isEmpty()) {
                try {
                    paid = CellValues.amount(amountText);
                } catch (IllegalArgumentException e) {
                    error(AMOUNT_PAID, e.getMessage());
                    unreadable = true;
                }
            }
            if (unreadable) {
                return;
            }
            if (count == null && paid == null) {
                error(columns.containsKey(SHARES) ? SHARES : AMOUNT_PAID, "Enter the number of shares held (0 if none).");
                return;
            }
            Money value;
            if (count != null) {
                value = valueOf(count, nominal);
                if (value == null) {
                    error(columns.containsKey(SHARES) ? SHARES : AMOUNT_PAID, String.format(Locale.UK,
                            "%,d shares at %s is far too large a holding: check the figure.", count, nominal));
                    return;
                }
                if (paid != null && !paid.equals(value)) {
                    error(AMOUNT_PAID, "The amount paid, " + paid + ", is not " + count + " shares at " + nominal
                            + ", which is " + value + ". Community shares are paid in full: correct the shares or"
                            + " the amount.");
                    return;
                }
            } else {
                if (paid.pence() % nominal.pence() != 0) {
                    error(AMOUNT_PAID, "The amount paid, " + paid + ", is not a whole number of " + nominal + " shares.");
                    return;
                }
                count = paid.pence() / nominal.pence();
                value = paid;
            }
            shares = count;
            amountPaid = value;
            if (!registeredSociety) {
                if (shares > rules.maximumHoldingShares()) {
                    error(columns.containsKey(SHARES) ? SHARES : AMOUNT_PAID, String.format(Locale.UK,
                            "%,d shares is more than the maximum holding of %,d shares. Only a member that is itself a"
                                    + " registered society may hold more: if it is one, say so in the %s column.",
                            shares, rules.maximumHoldingShares(), columnNameOr(REGISTERED_SOCIETY, "Registered society")));
                }
                if (amountPaid.isGreaterThan(rules.holdingCap())) {
                    error(columns.containsKey(AMOUNT_PAID) ? AMOUNT_PAID : SHARES, "A holding of " + amountPaid
                            + " is more than the cap of " + rules.holdingCap() + " on what one member may hold."
                            + " Only a member that is itself a registered society may hold more.");
                }
            }
            if (shares < rules.minimumHoldingShares()) {
                warning(columns.containsKey(SHARES) ? SHARES : AMOUNT_PAID, String.format(Locale.UK,
                        "%,d shares is less than the minimum holding of %,d shares. The member is entered with"
                                + " this holding; check it if that is not expected.",
                        shares, rules.minimumHoldingShares()));
            }
        }

        /** Null past £10 billion, which no holding reaches; the bound keeps the report's totals exact. */
        private static Money valueOf(long count, Money nominal) {
            try {
                Money value = nominal.times(count);
                return value.pence() > CellValues.LARGEST.longValueExact() ? null : value;
            } catch (ArithmeticException overflow) {
                return null;
            }
        }

        private String columnNameOr(ImportField field, String fallback) {
            Integer column = columns.get(field);
            return column == null ? fallback : problems.table.headers().get(column);
        }

        /** The cell for a field, as written, or "" when the field has no column. */
        String cell(ImportField field) {
            Integer column = columns.get(field);
            return column == null ? "" : CellValues.clean(row.cell(column));
        }

        void error(ImportField field, String message) {
            problems.add(row.number(), columns.getOrDefault(field, -1), field, Severity.ERROR, message);
        }

        void warning(ImportField field, String message) {
            problems.add(row.number(), columns.getOrDefault(field, -1), field, Severity.WARNING, message);
        }
    }

    /**
     * Looks for a member entered twice, by three keys: a number is unique by law; the same name at
     * the same postcode is almost always the same person typed twice; an email address is how a
     * member is recognised, so two cannot share one.
     */
    private static final class Duplicates {

        private final Problems problems;
        private final ExistingMembers existing;
        private final Map<Long, Integer> numbers = new HashMap<>();
        private final Map<String, Integer> namesAtPostcodes = new HashMap<>();
        private final Map<String, Integer> emails = new HashMap<>();

        Duplicates(Problems problems, ExistingMembers existing) {
            this.problems = problems;
            this.existing = existing;
        }

        void check(RowCheck row) {
            int here = row.row.number();
            if (row.memberNumber.isPresent()) {
                long number = row.memberNumber.getAsLong();
                Integer first = numbers.putIfAbsent(number, here);
                if (first != null) {
                    row.error(MEMBER_NUMBER, "Member number " + number + " is also on row " + first
                            + ". A member number belongs to one member.");
                }
                existing.withNumber(number).ifPresent(m -> row.error(MEMBER_NUMBER, "Member number " + number
                        + " already belongs to " + m.name() + " on the register."));
            }
            if (row.name != null && row.postcode != null) {
                Integer first = namesAtPostcodes.putIfAbsent(MatchKeys.nameAndPostcode(row.name, row.postcode), here);
                ImportField at = row.columns.containsKey(NAME) ? NAME : SURNAME;
                if (first != null) {
                    row.error(at, row.name + " at " + row.postcode + " is also on row " + first + ". If these are two"
                            + " people, make their names differ (with a middle name, or Jr and Sr).");
                }
                existing.withNameAndPostcode(row.name, row.postcode).ifPresent(m -> row.error(at, row.name + " at "
                        + row.postcode + " is already on the register" + numbered(m) + "."));
            }
            if (row.email != null) {
                Integer first = emails.putIfAbsent(MatchKeys.email(row.email), here);
                if (first != null) {
                    row.error(EMAIL, row.email + " is also the email address on row " + first + ". Each member needs"
                            + " their own, because it is how Cooperage recognises them: keep it for one of them.");
                }
                existing.withEmail(row.email).ifPresent(m -> row.error(EMAIL, row.email
                        + " is already the email address of " + m.name() + numbered(m) + " on the register."));
            }
        }

        private static String numbered(ExistingMembers.Member m) {
            return m.memberNumber() == null ? "" : " (member " + m.memberNumber() + ")";
        }
    }
}
