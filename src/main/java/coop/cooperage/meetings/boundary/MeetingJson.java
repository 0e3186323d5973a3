package coop.cooperage.meetings.boundary;

import coop.cooperage.meetings.entity.Attendance;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.meetings.entity.MeetingDocument;
import coop.cooperage.meetings.entity.NoticeCheck;
import coop.cooperage.meetings.entity.Quorum;
import coop.cooperage.meetings.entity.Resolution;
import coop.cooperage.meetings.entity.ResolutionResult;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The JSON shapes of the meetings API. */
public final class MeetingJson {

    private MeetingJson() {
    }

    public record MeetingInput(String kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
            String onlineLink, String agenda, LocalDate recordDate, LocalDateTime pollClosesAt, LocalDate noticeSentOn) {
    }

    public record MeetingSummary(long id, String kind, String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
            String onlineLink, String agenda, LocalDate recordDate, LocalDate noticeSentOn, LocalDateTime pollClosesAt,
            String state) {
        public static MeetingSummary of(Meeting m) {
            return new MeetingSummary(m.id(), m.kind().name(), m.title(), m.startsAt(), m.endsAt(), m.place(), m.onlineLink(),
                    m.agenda(), m.recordDate(), m.noticeSentOn(), m.pollClosesAt(), m.state().name());
        }
    }

    public record NoticeJson(boolean lawful, long clearDaysGiven, int clearDaysRequired, LocalDate earliestMeeting,
            LocalDate latestSending, String refusal) {
        public static NoticeJson of(NoticeCheck c) {
            return new NoticeJson(c.lawful(), c.clearDaysGiven(), c.clearDaysRequired(), c.earliestMeeting(), c.latestSending(),
                    c.refusal().orElse(null));
        }
    }

    public record QuorumJson(long required, long counted, boolean quorate, long shortBy, String description) {
        public static QuorumJson of(Quorum q) {
            return new QuorumJson(q.required(), q.counted(), q.quorate(), q.shortBy(), q.describe());
        }
    }

    public record ResolutionInput(String title, String text, String proposer, String kind, Boolean secret,
            Long confirmsResolutionId) {
    }

    public record ResolutionJson(long id, int position, String title, String text, String proposer, String kind, boolean secret,
            String state, Long votesFor, Long votesAgainst, Long abstentions, Long eligible, String decidedBy,
            LocalDateTime declaredAt, Long confirmsResolutionId, String threshold, String declaration) {
        public static ResolutionJson of(Resolution r, ResolutionResult result) {
            return new ResolutionJson(r.id(), r.position(), r.title(), r.text(), r.proposer(), r.kind().name(), r.secret(),
                    r.state().name(), r.votesFor(), r.votesAgainst(), r.abstentions(), r.eligible(),
                    r.decidedBy() == null ? null : r.decidedBy().name(), r.declaredAt(), r.confirmsResolutionId(),
                    r.kind().threshold(), result == null ? null : result.declaration());
        }
    }

    public record DocumentJson(long id, String title, String fileName, String contentType, LocalDateTime uploadedAt) {
        public static DocumentJson of(MeetingDocument d) {
            return new DocumentJson(d.id(), d.title(), d.fileName(), d.contentType(), d.uploadedAt());
        }
    }

    public record AttendanceJson(Long memberNumber, String name, String mode, LocalDateTime checkedInAt) {
        public static AttendanceJson of(Attendance a, Object[] numberAndName) {
            return new AttendanceJson(numberAndName == null ? null : (Long) numberAndName[0],
                    numberAndName == null ? null : (String) numberAndName[1], a.mode().name(), a.checkedInAt());
        }
    }

    public record MeetingDetail(MeetingSummary meeting, NoticeJson notice, long entitledToVote, QuorumJson quorum,
            List<ResolutionJson> resolutions, List<DocumentJson> documents) {
    }

    public record CheckIn(Long memberNumber, String mode) {
    }

    public record Hands(Long votesFor, Long against, Long abstain) {
    }

    public record VoteInput(Long memberNumber, String channel, String choice) {
    }

    public record VoteJson(Long memberNumber, String name, String channel, String choice) {
    }

    /** changeCode: on a secret ballot, the code shown when the member voted online, to change that vote. */
    public record MyVote(String choice, String changeCode) {
    }

    /**
     * electionDirections: by election id, the ballot the proxy is to cast in it, as a ballot is sent (choices for plurality,
     * ranks by candidate id for STV); absent or blank: at the proxy's discretion.
     */
    public record ProxyInput(Long memberNumber, Long holderMemberNumber, java.util.Map<Long, String> directions,
            java.util.Map<Long, ElectionDirectionInput> electionDirections) {
    }

    public record ElectionDirectionInput(List<Long> choices, java.util.Map<String, Integer> ranks) {
    }

    /**
     * proxyCode appears once, in the answer to the appointment, when the meeting has secret polls (see ProxyCodes).
     * electionDirections: by election id, the directed ballot as the box keeps it (candidate ids, by preference, separated
     * by '>'), shown to the member who gave it; officers see SECRET.
     */
    public record ProxyJson(Long memberNumber, String holder, Long holderMemberNumber, LocalDateTime lodgedAt,
            java.util.Map<Long, String> directions, java.util.Map<Long, String> electionDirections, String proxyCode) {
    }

    /** A proxy holder casts a member's secret ballot on a resolution; chair true: the secretary casts the chair's. */
    public record ProxyBallotInput(Long memberNumber, String choice, Boolean chair) {
    }

    /**
     * A secret poll of a proxy held: the member's direction (a resolution: FOR, AGAINST or ABSTAIN; an election: DIRECTED,
     * with directedCandidates, the ballot names in the ballot's order, ranked or not), whether and how the member has voted.
     */
    public record HeldPollJson(String kind, long id, String title, String direction, String voted, boolean covered,
            List<String> directedCandidates, boolean ranked) {
    }

    public record HeldJson(Long memberNumber, String name, List<HeldPollJson> polls) {
        static HeldJson of(coop.cooperage.meetings.control.SecretProxies.Held h) {
            return of(h, true);
        }

        /** showBallots false (the secretary, for the chair's): a direction is said to be there, not what it is. */
        static HeldJson of(coop.cooperage.meetings.control.SecretProxies.Held h, boolean showBallots) {
            return new HeldJson(h.memberNumber(), h.name(), h.polls().stream().map(p -> new HeldPollJson(p.kind().name(), p.id(),
                    p.title(), p.direction() != null ? (showBallots ? p.direction().name() : "DIRECTED")
                            : p.directedCandidates() != null ? "DIRECTED" : null,
                    p.voted() == null ? null : p.voted().name(), p.covered(), showBallots ? p.directedCandidates() : null,
                    p.ranked())).toList());
        }
    }

    public record ProxyCodeInput(String proxyCode) {
    }

    public record Discretion(Long holderMemberNumber, String choice) {
    }

    public record NoticeInput(LocalDate sentOn) {
    }

    /** A member's view of a meeting: the agenda, their own counted vote on each item, their proxy, results once declared. */
    public record Ballot(MeetingSummary meeting, boolean entitled, String notEntitledBecause, boolean pollOpen,
            List<BallotItem> items, ProxyJson proxy, boolean checkedIn, LocalDateTime proxyDeadline) {
    }

    /**
     * myChoice is null on a secret ballot (nothing links a member to their ballot); receipt and
     * changeCode appear once, in the answer to a secret online vote; receipts lists every counted
     * ballot's receipt once a secret result is declared.
     */
    public record BallotItem(ResolutionJson resolution, String myChoice, String myChannel, String receipt, String changeCode,
            List<String> receipts) {
    }
}
