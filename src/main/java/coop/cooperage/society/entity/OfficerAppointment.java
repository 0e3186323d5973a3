package coop.cooperage.society.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One entry of the register of officers. Entries are never deleted: an appointment that ends
 * gets its end date and stays in the register.
 */
@Entity
@Table(name = "officer_appointment")
@NamedQuery(name = "Officer.ofSociety",
        query = "select o from OfficerAppointment o where o.societyId = :society order by o.endedOn, o.office, o.appointedOn, o.id")
public class OfficerAppointment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Enumerated(EnumType.STRING)
    private Office office;

    @Column(name = "person_name")
    private String personName;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "appointed_on")
    private LocalDate appointedOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Version
    private long version;

    protected OfficerAppointment() {
    }

    public OfficerAppointment(long societyId, Office office, String personName, Long accountId, LocalDate appointedOn,
            LocalDateTime now) {
        this.societyId = societyId;
        this.office = office;
        this.personName = personName;
        this.accountId = accountId;
        this.appointedOn = appointedOn;
        this.createdAt = now;
    }

    /** Ends the appointment; refuses an end before the start or a second ending. */
    public void end(LocalDate on) {
        if (endedOn != null) {
            throw new IllegalStateException("This appointment already ended on " + endedOn);
        }
        if (on.isBefore(appointedOn)) {
            throw new IllegalArgumentException("The end date cannot be before the appointment date, " + appointedOn);
        }
        this.endedOn = on;
    }

    /**
     * Links the entry to the sign-in account of the person it names, so that they may act as this
     * officer themselves (a director's own vote). A different account already linked is refused.
     */
    public void linkAccount(long accountId) {
        if (this.accountId != null && this.accountId != accountId) {
            throw new IllegalStateException("This entry is already linked to another account");
        }
        this.accountId = accountId;
    }

    public boolean isCurrentOn(LocalDate date) {
        return !appointedOn.isAfter(date) && (endedOn == null || endedOn.isAfter(date));
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public Office office() { return office; }
    public String personName() { return personName; }
    public Long accountId() { return accountId; }
    public LocalDate appointedOn() { return appointedOn; }
    public LocalDate endedOn() { return endedOn; }
}
