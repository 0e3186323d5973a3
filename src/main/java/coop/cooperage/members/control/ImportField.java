package coop.cooperage.members.control;

import java.util.List;
import java.util.Locale;

/**
 * What a column of an existing register can hold. A {@link ColumnMapping} says which column holds
 * which field; fields without a column are left out (see each field for what that means).
 *
 * <p>Each field lists header names seen in real registers, in the form
 * {@link #normalise(String)} gives them, for {@link ColumnMapping#suggest}.
 */
public enum ImportField {
    /** Optional: without it, members are numbered when they are entered on the register. */
    MEMBER_NUMBER("Member number", "membernumber", "memberno", "membernum", "membershipnumber", "membershipno",
            "memberid", "memberref", "memberreference", "shareholdernumber", "shareholderno", "accountnumber", "no",
            "number", "ref", "id"),
    /** Optional: blank means an individual (or an organisation, when marked a registered society). */
    KIND("Individual or organisation", "kind", "type", "membertype", "membershiptype", "memberkind", "category",
            "individualororganisation", "individualorganisation", "personororganisation", "entitytype", "holdertype"),
    /** The member's full name, or an organisation's name. Required, unless first names and surname are given. */
    NAME("Name", "name", "fullname", "membername", "shareholder", "shareholdername", "investor", "investorname",
            "registeredname", "nameoforganisation", "organisationname", "organizationname"),
    /** Used with {@link #SURNAME} when the register splits names: "first names surname", where Name is blank. */
    FIRST_NAMES("First names", "firstname", "firstnames", "forename", "forenames", "givenname", "givennames",
            "christianname"),
    /** See {@link #FIRST_NAMES}. */
    SURNAME("Surname", "surname", "lastname", "familyname"),
    /** The person who acts for an organisation; required for organisations, refused for individuals. */
    REPRESENTATIVE("Representative", "representative", "representativename", "nominatedrepresentative",
            "authorisedrepresentative", "authorizedrepresentative", "contactname", "contactperson"),
    /** The whole address in one cell, lines separated by line breaks or commas. Or use the address lines. */
    ADDRESS("Address (all lines)", "address", "postaladdress", "fulladdress", "homeaddress", "registeredaddress"),
    ADDRESS_LINE_1("Address line 1", "addressline1", "address1", "addr1", "line1", "street", "streetaddress"),
    ADDRESS_LINE_2("Address line 2", "addressline2", "address2", "addr2", "line2"),
    ADDRESS_LINE_3("Address line 3", "addressline3", "address3", "addr3", "line3"),
    ADDRESS_LINE_4("Address line 4", "addressline4", "address4", "addr4", "line4"),
    /** Added to the address after its lines. */
    TOWN("Town", "town", "city", "towncity", "posttown"),
    /** Added to the address after the town. */
    COUNTY("County", "county"),
    POSTCODE("Postcode", "postcode", "postalcode", "zip", "zipcode", "pcode"),
    /** Optional per member. */
    EMAIL("Email", "email", "emailaddress", "emailaddr", "mail"),
    /**
     * What the member agreed to be emailed about: purposes named in words ("notices; news"), or a
     * yes/no consent column, where yes means every purpose. Without this column nobody is taken
     * to have agreed to anything: consent is never assumed.
     */
    EMAIL_PURPOSES("Email purposes", "emailpurposes", "emailconsent", "consenttoemail", "emailok", "contactbyemail",
            "emailcommunications", "emailpreferences", "emailoptin", "optin", "consent", "gdprconsent"),
    /** Optional; used for the minimum age. */
    DATE_OF_BIRTH("Date of birth", "dateofbirth", "dob", "birthdate", "birthday", "born"),
    /** The date entered on the register (s.30). Required. */
    JOINED_ON("Date joined", "joinedon", "datejoined", "joined", "joindate", "joiningdate", "dateofjoining",
            "membersince", "dateentered", "dateenteredonregister", "dateadmitted", "admitted", "admissiondate",
            "dateofadmission", "startdate"),
    /** Whole shares held, the opening balance. Without it (and without Amount paid) members start with none. */
    SHARES("Shares", "shares", "numberofshares", "noofshares", "sharesheld", "shareholding", "holding",
            "sharecount", "numshares", "quantity", "qty"),
    /**
     * In pounds. Must be the shares times the nominal value; with no shares column, the number of
     * shares is worked out from it.
     */
    AMOUNT_PAID("Amount paid (£)", "amountpaid", "paid", "amount", "value", "investment", "amountinvested",
            "invested", "sharecapital", "totalpaid", "amountpaidonshares", "valueofshares", "sharevalue",
            "holdingvalue"),
    /** Yes for a member that is itself a registered society: no holding cap. Blank means no. */
    REGISTERED_SOCIETY("Registered society", "registeredsociety", "isregisteredsociety", "regsociety",
            "registeredsocietymember");

    private final String label;
    private final List<String> headerNames;

    ImportField(String label, String... headerNames) {
        this.label = label;
        this.headerNames = List.of(headerNames);
    }

    /** How the field is named to the user. */
    public String label() {
        return label;
    }

    /** Header names (normalised) that are taken to mean this field. */
    public List<String> headerNames() {
        return headerNames;
    }

    /**
     * A header as compared with {@link #headerNames()}: lower case, letters and digits only, so
     * "E-mail Address", "email_address" and "EMAIL ADDRESS" are the same.
     */
    public static String normalise(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    boolean isAddressLine() {
        return this == ADDRESS_LINE_1 || this == ADDRESS_LINE_2 || this == ADDRESS_LINE_3 || this == ADDRESS_LINE_4;
    }
}
