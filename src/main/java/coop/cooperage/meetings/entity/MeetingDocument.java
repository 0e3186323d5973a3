package coop.cooperage.meetings.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A paper for a meeting (the accounts, a report), stored with the meeting and offered with the notice. */
@Entity
@Table(name = "meeting_document")
public class MeetingDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id")
    private long meetingId;

    private String title;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Column(name = "uploaded_at")
    private LocalDateTime uploadedAt;

    protected MeetingDocument() {
    }

    public MeetingDocument(long meetingId, String title, String fileName, String contentType, byte[] content,
            LocalDateTime uploadedAt) {
        this.meetingId = meetingId;
        this.title = title;
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content;
        this.uploadedAt = uploadedAt;
    }

    public Long id() { return id; }
    public long meetingId() { return meetingId; }
    public String title() { return title; }
    public String fileName() { return fileName; }
    public String contentType() { return contentType; }
    public byte[] content() { return content; }
    public LocalDateTime uploadedAt() { return uploadedAt; }
}
