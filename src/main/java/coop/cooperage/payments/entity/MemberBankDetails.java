package coop.cooperage.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * A member's bank account as stored: sealed (see {@code BankDetailsVault}) and a masked hint for
 * showing. Nothing here can be paid into without the data key.
 */
@Entity
@Table(name = "member_bank_details")
public class MemberBankDetails {

    @Id
    @Column(name = "member_id")
    private long memberId;

    @Column(name = "society_id")
    private long societyId;

    private byte[] ciphertext;

    private String masked;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected MemberBankDetails() {
    }

    public MemberBankDetails(long memberId, long societyId, byte[] ciphertext, String masked, LocalDateTime at, String by) {
        this.memberId = memberId;
        this.societyId = societyId;
        replace(ciphertext, masked, at, by);
    }

    public void replace(byte[] ciphertext, String masked, LocalDateTime at, String by) {
        this.ciphertext = ciphertext;
        this.masked = masked;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public long memberId() { return memberId; }
    public long societyId() { return societyId; }
    public byte[] ciphertext() { return ciphertext; }
    public String masked() { return masked; }
    public LocalDateTime updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
