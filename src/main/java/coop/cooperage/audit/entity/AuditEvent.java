package coop.cooperage.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One link of a chain. Never updated once written. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "chain_id")
    private long chainId;

    private long seq;

    @Column(name = "occurred_at")
    private LocalDateTime occurredAt;

    private String actor;

    private String action;

    @Column(name = "entity_type")
    private String entityType;

    @Column(name = "entity_id")
    private String entityId;

    @Column(name = "before_json")
    private String beforeJson;

    @Column(name = "after_json")
    private String afterJson;

    @Column(name = "prev_hash")
    private String prevHash;

    private String hash;

    protected AuditEvent() {
    }

    public AuditEvent(long chainId, long seq, LocalDateTime occurredAt, String actor, String action,
            String entityType, String entityId, String beforeJson, String afterJson, String prevHash) {
        this.chainId = chainId;
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.beforeJson = beforeJson;
        this.afterJson = afterJson;
        this.prevHash = prevHash;
        this.hash = AuditHash.of(this);
    }

    public Long id() { return id; }
    public long chainId() { return chainId; }
    public long seq() { return seq; }
    public LocalDateTime occurredAt() { return occurredAt; }
    public String actor() { return actor; }
    public String action() { return action; }
    public String entityType() { return entityType; }
    public String entityId() { return entityId; }
    public String beforeJson() { return beforeJson; }
    public String afterJson() { return afterJson; }
    public String prevHash() { return prevHash; }
    public String hash() { return hash; }
}
