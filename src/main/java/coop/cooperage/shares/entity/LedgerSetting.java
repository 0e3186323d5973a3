package coop.cooperage.shares.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Whether the society's rules let living members transfer shares to each other. Community
 * shares normally may not be transferred (except on death), so it is off unless the secretary
 * turns it on. Kept beside the share ledger rather than in the society's rules record.
 */
@Entity
@Table(name = "ledger_setting")
public class LedgerSetting {

    @Id
    @Column(name = "society_id")
    private Long societyId;

    @Column(name = "transfers_allowed")
    private boolean transfersAllowed;

    protected LedgerSetting() {
    }

    public LedgerSetting(long societyId, boolean transfersAllowed) {
        this.societyId = societyId;
        this.transfersAllowed = transfersAllowed;
    }

    public void allowTransfers(boolean allowed) {
        this.transfersAllowed = allowed;
    }

    public boolean transfersAllowed() { return transfersAllowed; }
}
