package coop.cooperage.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * The society's Bacs setting: its Service User Number and name (plain: they are on every payee's
 * statement) and the account payments are drawn from (sealed, like every account number we hold).
 */
@Entity
@Table(name = "bacs_originator")
public class OriginatingAccount {

    @Id
    @Column(name = "society_id")
    private long societyId;

    @Column(name = "service_user_number")
    private String serviceUserNumber;

    @Column(name = "service_user_name")
    private String serviceUserName;

    @Column(name = "account_encrypted")
    private byte[] accountEncrypted;

    private String masked;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected OriginatingAccount() {
    }

    public OriginatingAccount(long societyId) {
        this.societyId = societyId;
    }

    public void set(String serviceUserNumber, String serviceUserName, byte[] accountEncrypted, String masked,
            LocalDateTime at, String by) {
        this.serviceUserNumber = serviceUserNumber;
        this.serviceUserName = serviceUserName;
        this.accountEncrypted = accountEncrypted;
        this.masked = masked;
        this.updatedAt = at;
        this.updatedBy = by;
    }

    public long societyId() { return societyId; }
    public String serviceUserNumber() { return serviceUserNumber; }
    public String serviceUserName() { return serviceUserName; }
    public byte[] accountEncrypted() { return accountEncrypted; }
    public String masked() { return masked; }
    public LocalDateTime updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
