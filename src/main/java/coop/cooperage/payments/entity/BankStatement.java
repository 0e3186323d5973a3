package coop.cooperage.payments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One imported statement file: what it was, who imported it, and how many of its lines were new.
 * A statement overlapping an earlier one has lines_already_imported &gt; 0: those lines belong to
 * the statement that first brought them in.
 */
@Entity
@Table(name = "bank_statement")
public class BankStatement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "society_id")
    private long societyId;

    @Enumerated(EnumType.STRING)
    private StatementFileFormat format;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "file_sha256")
    private String fileSha256;

    @Column(name = "bank_id")
    private String bankId;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "first_date")
    private LocalDate firstDate;

    @Column(name = "last_date")
    private LocalDate lastDate;

    @Column(name = "lines_in_file")
    private int linesInFile;

    @Column(name = "credits_in_file")
    private int creditsInFile;

    @Column(name = "lines_added")
    private int linesAdded;

    @Column(name = "lines_already_imported")
    private int linesAlreadyImported;

    @Column(name = "imported_at")
    private LocalDateTime importedAt;

    @Column(name = "imported_by")
    private Long importedBy;

    protected BankStatement() {
    }

    public BankStatement(long societyId, StatementFileFormat format, String fileName, String fileSha256, String bankId,
            String accountId, LocalDate firstDate, LocalDate lastDate, int linesInFile, int creditsInFile, int linesAdded,
            LocalDateTime importedAt, Long importedBy) {
        this.societyId = societyId;
        this.format = format;
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
        this.bankId = masked(bankId);
        this.accountId = masked(accountId);
        this.firstDate = firstDate;
        this.lastDate = lastDate;
        this.linesInFile = linesInFile;
        this.creditsInFile = creditsInFile;
        this.linesAdded = linesAdded;
        this.linesAlreadyImported = linesInFile - linesAdded;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
    }

    /**
     * The society's own sort code or account number as Cooperage keeps it: only the last four
     * characters, enough for the treasurer to tell which account a statement came from, and
     * useless to anyone reading the register or the API (every officer, the auditor too) to take
     * money with. Masking a masked value changes nothing; V8_5 masked what was kept before.
     */
    public static String masked(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return null;
        }
        String s = identifier.strip();
        return s.length() > 4 ? "****" + s.substring(s.length() - 4) : "****";
    }

    public Long id() { return id; }
    public long societyId() { return societyId; }
    public StatementFileFormat format() { return format; }
    public String fileName() { return fileName; }
    public String fileSha256() { return fileSha256; }
    public String bankId() { return bankId; }
    public String accountId() { return accountId; }
    public LocalDate firstDate() { return firstDate; }
    public LocalDate lastDate() { return lastDate; }
    public int linesInFile() { return linesInFile; }
    public int creditsInFile() { return creditsInFile; }
    public int linesAdded() { return linesAdded; }
    public int linesAlreadyImported() { return linesAlreadyImported; }
    public LocalDateTime importedAt() { return importedAt; }
    public Long importedBy() { return importedBy; }
}
