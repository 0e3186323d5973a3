package coop.cooperage.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An entry in the register of members, from application to ceasing. It guards its own
 * lifecycle: only applicant → member, applicant → rejected and member → ceased are allowed.
 * Changes to name, address and email come back as {@link MemberChange}s to keep as history.
 */
@Entity
@Table(name = "member")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "member_number")
    private Long memberNumber;

    @Column(name = "application_ref")
    private String applicationRef;

    @Enumerated(EnumType.STRING)
    private MemberKind kind;

    private String name;

    private String representative;

    @Column(name = "registered_society")
    private boolean registeredSociety;

    private String address;

    private String postcode;

    @Column(name = "postcode_district")
    private String postcodeDistrict;

    @Column(name = "postcode_sector")
    private String postcodeSector;

    private String email;

    @Column(name = "email_purposes")
    private String emailPurposes;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    private MemberState state;

    @Column(name = "applied_on")
    private LocalDate appliedOn;

    @Column(name = "joined_on")
    private LocalDate joinedOn;

    @Column(name = "ceased_on")
    private LocalDate ceasedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "ceased_reason")
    private CeasingReason ceasedReason;

    @Column(name = "rejected_reason")
    private String rejectedReason;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "erased_at")
    private LocalDateTime erasedAt;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Version
    private long version;

    protected Member() {
    }

    /** An application, waiting for the secretary. The details must have been validated. */
    public static Member applicant(long societyId, String applicationRef, MemberDetails details, LocalDate appliedOn,
            LocalDateTime now) {
        var m = new Member();
        m.societyId = societyId;
        m.applicationRef = applicationRef;
        m.state = MemberState.APPLICANT;
        m.appliedOn = appliedOn;
        m.createdAt = now;
        m.kind = details.kind();
        m.name = details.name();
        m.representative = details.kind() == MemberKind.ORGANISATION ? details.representative() : null;
        m.registeredSociety = details.kind() == MemberKind.ORGANISATION && details.registeredSociety();
        m.dateOfBirth = details.kind() == MemberKind.INDIVIDUAL ? details.dateOfBirth() : null;
        m.setAddress(details.address(), details.parsedPostcode());
        m.email = details.email();
        m.emailPurposes = encode(details.emailPurposes());
        return m;
    }

    public void admit(long number, LocalDate on) {
        require(MemberState.APPLICANT, "admit");
        if (on.isBefore(appliedOn)) {
            throw new IllegalArgumentException("A member cannot be admitted before they applied, on " + appliedOn);
        }
        this.memberNumber = number;
        this.joinedOn = on;
        this.state = MemberState.MEMBER;
    }

    public void reject(String reason) {
        require(MemberState.APPLICANT, "reject");
        this.rejectedReason = reason;
        this.state = MemberState.REJECTED;
    }

    public void cease(LocalDate on, CeasingReason reason) {
        require(MemberState.MEMBER, "end the membership of");
        if (on.isBefore(joinedOn)) {
            throw new IllegalArgumentException("Membership cannot end before it began, on " + joinedOn);
        }
        this.ceasedOn = on;
        this.ceasedReason = Objects.requireNonNull(reason);
        this.state = MemberState.CEASED;
    }

    /** Applies changed contact details and returns what changed, for the history. */
    public List<MemberChange> changeContact(String newName, String newRepresentative, String newAddress, Postcode newPostcode,
            String newEmail, Set<EmailPurpose> purposes, LocalDate on, LocalDateTime now, String by) {
        if (state == MemberState.REJECTED || erasedAt != null) {
            throw new IllegalStateException("This record can no longer be changed");
        }
        var changes = new ArrayList<MemberChange>();
        record(changes, "name", name, newName, on, now, by);
        if (kind == MemberKind.ORGANISATION) {
            record(changes, "representative", representative, newRepresentative, on, now, by);
            this.representative = newRepresentative;
        }
        record(changes, "address", fullAddress(), newAddress + "\n" + newPostcode, on, now, by);
        record(changes, "email", email, newEmail, on, now, by);
        record(changes, "emailPurposes", emailPurposes, encode(purposes), on, now, by);
        this.name = newName;
        setAddress(newAddress, newPostcode);
        this.email = newEmail;
        this.emailPurposes = encode(purposes);
        return changes;
    }

    public void linkAccount(long accountId) {
        this.accountId = accountId;
    }

    /**
     * Erases contact details that the register need not keep after the retention period: what
     * s.30 requires (name, number, dates, holdings) stays.
     */
    public void eraseContactDetails(LocalDateTime now) {
        if (state != MemberState.CEASED && state != MemberState.REJECTED) {
            throw new IllegalStateException("Only a former member's or a rejected applicant's details are erased");
        }
        this.address = "(erased)";
        this.email = null;
        this.emailPurposes = "";
        this.dateOfBirth = null;
        this.accountId = null;
        this.erasedAt = now;
    }

    private void record(List<MemberChange> changes, String field, String before, String after, LocalDate on, LocalDateTime now,
            String by) {
        if (!Objects.equals(before, after)) {
            changes.add(new MemberChange(societyId, id, field, before, after, on, now, by));
        }
    }

    private void setAddress(String address, Postcode postcode) {
        this.address = address;
        this.postcode = postcode.value();
        this.postcodeDistrict = postcode.district();
        this.postcodeSector = postcode.sector();
    }

    private void require(MemberState expected, String action) {
        if (state != expected) {
            throw new IllegalStateException("Cannot " + action + " someone who is " + state.label().toLowerCase(java.util.Locale.ROOT));
        }
    }

    static String encode(Set<EmailPurpose> purposes) {
        return purposes == null ? "" : purposes.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public Set<EmailPurpose> emailPurposes() {
        if (emailPurposes == null || emailPurposes.isBlank()) {
            return EnumSet.noneOf(EmailPurpose.class);
        }
        return Arrays.stream(emailPurposes.split(",")).map(EmailPurpose::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EmailPurpose.class)));
    }

    public String fullAddress() {
        return address + "\n" + postcode;
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public Long memberNumber() { return memberNumber; }
    public String applicationRef() { return applicationRef; }
    public MemberKind kind() { return kind; }
    public String name() { return name; }
    public String representative() { return representative; }
    public boolean isRegisteredSociety() { return registeredSociety; }
    public String address() { return address; }
    public Postcode postcode() { return new Postcode(postcode); }
    public String email() { return email; }
    public LocalDate dateOfBirth() { return dateOfBirth; }
    public MemberState state() { return state; }
    public LocalDate appliedOn() { return appliedOn; }
    public LocalDate joinedOn() { return joinedOn; }
    public LocalDate ceasedOn() { return ceasedOn; }
    public CeasingReason ceasedReason() { return ceasedReason; }
    public String rejectedReason() { return rejectedReason; }
    public Long accountId() { return accountId; }
    public LocalDateTime erasedAt() { return erasedAt; }
    public LocalDateTime createdAt() { return createdAt; }
    public long version() { return version; }
}
