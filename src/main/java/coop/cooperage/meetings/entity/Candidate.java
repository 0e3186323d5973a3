package coop.cooperage.meetings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member standing in an election, with the name on the ballot and their statement. */
@Entity
@Table(name = "candidate")
public class Candidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "election_id")
    private long electionId;

    @Column(name = "member_id")
    private long memberId;

    @Column(name = "ballot_name")
    private String ballotName;

    private String statement;
    private int position;
    private Boolean elected;

    protected Candidate() {
    }

    public Candidate(long electionId, long memberId, String ballotName, String statement, int position) {
        this.electionId = electionId;
        this.memberId = memberId;
        this.ballotName = ballotName;
        this.statement = statement;
        this.position = position;
    }

    /** Set by the declared count: elected or not. */
    public void declare(boolean elected) {
        this.elected = elected;
    }

    public Long id() { return id; }
    public long electionId() { return electionId; }
    public long memberId() { return memberId; }
    public String ballotName() { return ballotName; }
    public String statement() { return statement; }
    public int position() { return position; }
    public Boolean elected() { return elected; }
}
