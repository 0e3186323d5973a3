package coop.cooperage.members.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A member's request to change their address or email. It takes effect only when confirmed
 * from the email it will be sent to, so nobody can redirect a member's post or mail unnoticed.
 */
@Entity
@Table(name = "contact_change_request")
public class ContactChangeRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Column(name = "member_id")
    private long memberId;

    private String address;

    private String postcode;

    private String email;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "requested_at")
    private LocalDateTime requestedAt;

    @Column(name = "expires_at")
    private LocalDateTime expiresAt;

    @Column(name = "confirmed_at")
    private LocalDateTime confirmedAt;

    protected ContactChangeRequest() {
    }

    public ContactChangeRequest(long societyId, long memberId, String address, String postcode, String email, String tokenHash,
            LocalDateTime now, LocalDateTime expiresAt) {
        this.societyId = societyId;
        this.memberId = memberId;
        this.address = address;
        this.postcode = postcode;
        this.email = email;
        this.tokenHash = tokenHash;
        this.requestedAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isOpenAt(LocalDateTime now) {
        return confirmedAt == null && expiresAt.isAfter(now);
    }

    public void confirm(LocalDateTime now) {
        confirmedAt = now;
    }

    public long societyId() { return societyId; }
    public long memberId() { return memberId; }
    public String address() { return address; }
    public String postcode() { return postcode; }
    public String email() { return email; }
}
