package coop.cooperage.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * General meetings end to end against MariaDB: notice in clear days and the record date, the
 * attendance register and live quorum, every kind of majority, proxies, open votes by every
 * channel with one counted vote per member (under real concurrency), the pages and the minutes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MeetingsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(
            Integer.getInteger("coop.it.smtp.port", 33025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
            .withPerMethodLifecycle(false);

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.application();
    }

    @ArquillianResource
    URL url;

    private World world() {
        return new World(Deployments.loopback(url), MAIL);
    }

    /** A society with members, as the secretary (the platform administrator) sees it. */
    final class Society {
        final World world = world();
        final Http admin = world.admin();
        final String slug;
        final String base;

        Society(String slug, String rulesJson) {
            this.slug = slug;
            this.base = "/api/v1/societies/" + slug + "/meetings";
            world.society(admin, slug, "GREAT_BRITAIN");
            var rules = admin.patchJson("/api/v1/societies/" + slug + "/settings", rulesJson);
            assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        }

        long member(String name, String email, LocalDate joinedOn) {
            var created = admin.postJson("/api/v1/societies/" + slug + "/members", """
                    {"member":{"kind":"INDIVIDUAL","name":"%s","address":"1 High Street\\nBristol","postcode":"BS1 4RW",%s
                     "emailPurposes":%s,"dateOfBirth":"1970-01-01"},"joinedOn":"%s"}""".formatted(name,
                    email == null ? "" : "\"email\":\"" + email + "\",", email == null ? "[]" : "[\"NOTICES\"]", joinedOn));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return Http.json(created).getJsonNumber("memberNumber").longValue();
        }

        List<Long> members(int count) {
            var numbers = new ArrayList<Long>();
            for (int i = 0; i < count; i++) {
                numbers.add(member("Member " + i, null, LocalDate.of(2020, 1, 1)));
            }
            return numbers;
        }

        /** A member with an account, signed in. */
        Http memberAccount(long[] numberOut, String email) {
            numberOut[0] = member(email.substring(0, email.indexOf('@')), email, LocalDate.of(2020, 1, 1));
            return world.person(admin, slug, email, "MEMBER");
        }

        /** A meeting late today with notice given 20 days ago, held in person and online. */
        long meetingToday(LocalDate recordDate) {
            return meetingAt("23:59", recordDate);
        }

        long meetingAt(String time, LocalDate recordDate) {
            var created = admin.postJson(base, """
                    {"kind":"AGM","title":"Annual general meeting %s","startsAt":"%sT%s:00","place":"Village hall",
                     "onlineLink":"https://meet.example/agm","agenda":"1. Accounts\\n2. Resolutions","recordDate":"%s",
                     "noticeSentOn":"%s"}""".formatted(TODAY.getYear(), TODAY, time, recordDate, TODAY.minusDays(20)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return Http.json(created).getJsonObject("meeting").getJsonNumber("id").longValue();
        }

        long resolution(long meeting, String kind, String title) {
            return resolution(meeting, kind, title, null);
        }

        long resolution(long meeting, String kind, String title, Long confirms) {
            var created = admin.postJson(base + "/" + meeting + "/resolutions", """
                    {"title":"%s","text":"That the society %s.","proposer":"The board","kind":"%s"%s}""".formatted(title,
                    title.toLowerCase(), kind, confirms == null ? "" : ",\"confirmsResolutionId\":" + confirms));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return Http.json(created).getJsonNumber("id").longValue();
        }

        HttpResponse<String> open(long meeting) {
            return admin.postJson(base + "/" + meeting + "/opening", "{}");
        }

        HttpResponse<String> checkIn(long meeting, long number) {
            return admin.postJson(base + "/" + meeting + "/attendance", "{\"memberNumber\":" + number + "}");
        }

        HttpResponse<String> vote(long meeting, long resolution, long number, String channel, String choice) {
            return admin.postJson(base + "/" + meeting + "/resolutions/" + resolution + "/votes",
                    "{\"memberNumber\":%d,\"channel\":\"%s\",\"choice\":\"%s\"}".formatted(number, channel, choice));
        }

        JsonObject declare(long meeting, long resolution) {
            var declared = admin.postJson(base + "/" + meeting + "/resolutions/" + resolution + "/declaration", "{}");
            assertThat(declared.statusCode()).as(declared.body()).isEqualTo(200);
            return Http.json(declared);
        }

        void closePoll(long meeting) {
            var closed = admin.postJson(base + "/" + meeting + "/poll-closure", "{}");
            assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        }

        List<JsonObject> votes(long meeting, long resolution) {
            return Http.jsonArray(admin.get(base + "/" + meeting + "/resolutions/" + resolution + "/votes")).stream()
                    .map(v -> v.asJsonObject()).toList();
        }
    }

    private static final String EASY_QUORUM = "{\"quorumMembers\":1,\"quorumPercent\":1,\"proxyDeadlineHours\":0}";

    @Test
    void noticeIsCheckedInClearDaysAndTheRecordDateFixesWhoMayVote() {
        var s = new Society("mtg-notice", "{\"meetingNoticeClearDays\":14,\"quorumMembers\":1,\"quorumPercent\":1}");
        // notice going out today: neither today nor the meeting day counts, so 15 days ahead is the earliest
        var tooSoon = s.admin.postJson(s.base, """
                {"kind":"GENERAL","title":"Too soon","startsAt":"%sT19:00:00","place":"Hall","agenda":"Business",
                 "recordDate":"%s"}""".formatted(TODAY.plusDays(14), TODAY));
        assertThat(tooSoon.statusCode()).isEqualTo(400);
        assertThat(tooSoon.body()).contains("Notice gives 13 clear days but the rules require 14")
                .contains("hold the meeting on " + TODAY.plusDays(15));
        var inTime = s.admin.postJson(s.base, """
                {"kind":"GENERAL","title":"In time","startsAt":"%sT19:00:00","place":"Hall","agenda":"Business",
                 "recordDate":"%s"}""".formatted(TODAY.plusDays(15), TODAY));
        assertThat(inTime.statusCode()).as(inTime.body()).isEqualTo(201);
        assertThat(Http.json(inTime).getJsonObject("notice").getBoolean("lawful")).isTrue();
        // notice recorded as given 13 days before the meeting is short; neither end counts
        var shortNotice = s.admin.postJson(s.base, """
                {"kind":"GENERAL","title":"Short","startsAt":"%sT19:00:00","place":"Hall","agenda":"Business",
                 "recordDate":"%s","noticeSentOn":"%s"}""".formatted(TODAY, TODAY, TODAY.minusDays(14)));
        assertThat(shortNotice.statusCode()).isEqualTo(400);
        assertThat(shortNotice.body()).contains("noticeSentOn").contains("Notice gives 13 clear days but the rules require 14");
        var noPlace = s.admin.postJson(s.base, """
                {"kind":"GENERAL","title":"Nowhere","startsAt":"%sT19:00:00","agenda":"Business","recordDate":"%s"}"""
                .formatted(TODAY.plusDays(30), TODAY.plusDays(31)));
        assertThat(noPlace.statusCode()).isEqualTo(400);
        assertThat(noPlace.body()).contains("Enter the place, an online link, or both").contains("record date must be on or before");

        long early = s.member("Early Bird", null, LocalDate.of(2020, 1, 1));
        long late = s.member("Late Joiner", null, TODAY);
        long gone = s.member("Gone Away", null, LocalDate.of(2020, 1, 1));
        var ceased = s.admin.postJson("/api/v1/societies/mtg-notice/members/" + gone + "/cessation",
                "{\"ceasedOn\":\"" + TODAY + "\",\"reason\":\"WITHDREW_ALL_SHARES\"}");
        assertThat(ceased.statusCode()).as(ceased.body()).isEqualTo(200);
        long meeting = s.meetingToday(TODAY.minusDays(1));
        long r = s.resolution(meeting, "ORDINARY", "Receive the accounts");

        var lateVote = s.vote(meeting, r, late, "POSTAL", "FOR");
        assertThat(lateVote.statusCode()).isEqualTo(400);
        assertThat(lateVote.body()).contains("after the record date");
        var goneVote = s.vote(meeting, r, gone, "POSTAL", "FOR");
        assertThat(goneVote.statusCode()).isEqualTo(400);
        assertThat(goneVote.body()).contains("Ceased to be a member on " + TODAY);
        assertThat(s.vote(meeting, r, early, "POSTAL", "AGAINST").statusCode()).isEqualTo(201);
        var detail = Http.json(s.admin.get(s.base + "/" + meeting));
        assertThat(detail.getJsonNumber("entitledToVote").longValue()).isEqualTo(2); // early and gone were on the register at the end of yesterday
        // in person votes only once the meeting is open
        var inPersonEarly = s.vote(meeting, r, early, "IN_PERSON", "FOR");
        assertThat(inPersonEarly.statusCode()).isEqualTo(400);
        assertThat(inPersonEarly.body()).contains("once it is open");

        s.closePoll(meeting);
        var afterClose = s.vote(meeting, r, early, "POSTAL", "FOR");
        assertThat(afterClose.statusCode()).isEqualTo(400);
        assertThat(afterClose.body()).contains("The poll closed at");
        assertThat(s.votes(meeting, r)).singleElement().satisfies(v -> assertThat(v.getString("choice")).isEqualTo("AGAINST"));
    }

    @Test
    void quorumIsLiveCountsProxiesWhereTheRulesSayAndDecisionsAreRefusedWhileInquorate() {
        // lesser of 3 members and 50% of 10 = 3
        var s = new Society("mtg-quorum", "{\"quorumMembers\":3,\"quorumPercent\":50,\"quorumCountsProxies\":true,\"proxyDeadlineHours\":0}");
        var numbers = s.members(10);
        long meeting = s.meetingToday(TODAY);
        long r = s.resolution(meeting, "ORDINARY", "Appoint the auditors");
        // member 3 appoints member 1 as proxy, before the meeting
        var lodged = s.admin.postJson(s.base + "/" + meeting + "/proxies",
                "{\"memberNumber\":%d,\"holderMemberNumber\":%d}".formatted(numbers.get(2), numbers.get(0)));
        assertThat(lodged.statusCode()).as(lodged.body()).isEqualTo(201);
        assertThat(s.checkIn(meeting, numbers.get(0)).statusCode()).as("no check-in before the meeting opens").isEqualTo(409);
        assertThat(s.open(meeting).statusCode()).isEqualTo(200);

        assertThat(s.checkIn(meeting, numbers.get(0)).statusCode()).isEqualTo(201);
        var quorum = Http.json(s.admin.get(s.base + "/" + meeting + "/quorum"));
        assertThat(quorum.getJsonNumber("required").longValue()).isEqualTo(3);
        assertThat(quorum.getJsonNumber("counted").longValue()).isEqualTo(2); // member 1 in person, member 3 by proxy
        assertThat(quorum.getBoolean("quorate")).isFalse();

        var refused = s.admin.postJson(s.base + "/" + meeting + "/resolutions/" + r + "/show-of-hands",
                "{\"votesFor\":1,\"against\":0,\"abstain\":0}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("not quorate").contains("1 more required");
        assertThat(Http.json(s.admin.get(s.base + "/" + meeting)).getJsonArray("resolutions").getJsonObject(0).getString("state"))
                .isEqualTo("PROPOSED");

        // checking in twice counts once; the proxy's appointer arriving in person is counted once, in person
        assertThat(s.checkIn(meeting, numbers.get(0)).statusCode()).isEqualTo(201);
        assertThat(s.checkIn(meeting, numbers.get(2)).statusCode()).isEqualTo(201);
        assertThat(Http.json(s.admin.get(s.base + "/" + meeting + "/quorum")).getJsonNumber("counted").longValue()).isEqualTo(2);
        assertThat(s.checkIn(meeting, numbers.get(5)).statusCode()).isEqualTo(201);
        assertThat(Http.json(s.admin.get(s.base + "/" + meeting + "/quorum")).getBoolean("quorate")).isTrue();

        // hands are counted in the room: the 3 checked in, plus the proxy member 5 gives member 1 (who is there);
        // not the 10 entitled to vote
        var fifth = s.admin.postJson(s.base + "/" + meeting + "/proxies",
                "{\"memberNumber\":%d,\"holderMemberNumber\":%d}".formatted(numbers.get(4), numbers.get(0)));
        assertThat(fifth.statusCode()).as(fifth.body()).isEqualTo(201);
        var tooMany = s.admin.postJson(s.base + "/" + meeting + "/resolutions/" + r + "/show-of-hands",
                "{\"votesFor\":3,\"against\":1,\"abstain\":1}");
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.body()).contains("votesFor").contains("add up to 5 hands").contains("at most 4 can be shown")
                .contains("3 members checked in and 1 proxy held by those present");
        assertThat(Http.json(s.admin.get(s.base + "/" + meeting)).getJsonArray("resolutions").getJsonObject(0).getString("state"))
                .isEqualTo("PROPOSED");
        var hands = s.admin.postJson(s.base + "/" + meeting + "/resolutions/" + r + "/show-of-hands",
                "{\"votesFor\":3,\"against\":1,\"abstain\":0}");
        assertThat(hands.statusCode()).as(hands.body()).isEqualTo(200);
        assertThat(Http.json(hands).getString("state")).isEqualTo("CARRIED");
        assertThat(Http.json(hands).getString("decidedBy")).isEqualTo("SHOW_OF_HANDS");
        assertThat(Http.jsonArray(s.admin.get(s.base + "/" + meeting + "/attendance"))).hasSize(3);
    }

    @Test
    void everyKindOfMajorityIsDeclaredWithItsFigures() {
        var s = new Society("mtg-majority", "{\"quorumMembers\":1,\"quorumPercent\":1,\"ruleChangeMajority\":\"TWO_THIRDS\"}");
        var n = s.members(10);
        long meeting = s.meetingToday(TODAY);
        long ordinaryTie = s.resolution(meeting, "ORDINARY", "Tie");
        long special = s.resolution(meeting, "SPECIAL", "Change rule 12");
        long s111 = s.resolution(meeting, "S111_FIRST_MEETING", "Amalgamate");
        long s113 = s.resolution(meeting, "S113", "Convert");
        long abstainOnly = s.resolution(meeting, "ORDINARY", "Abstained");
        // tie: 2 for, 2 against, 3 abstain
        vote(s, meeting, ordinaryTie, n, "FOR", "FOR", "AGAINST", "AGAINST", "ABSTAIN", "ABSTAIN", "ABSTAIN");
        // special, exactly two thirds: 4 for, 2 against, 1 abstention
        vote(s, meeting, special, n, "FOR", "FOR", "FOR", "FOR", "AGAINST", "AGAINST", "ABSTAIN");
        // s.111: 3 for, 2 against = 60%, short of two thirds
        vote(s, meeting, s111, n, "FOR", "FOR", "FOR", "AGAINST", "AGAINST");
        // s.113: 4 for of 4 cast (100%) but turnout 4 of 10, short of half
        vote(s, meeting, s113, n, "FOR", "FOR", "FOR", "FOR");
        vote(s, meeting, abstainOnly, n, "ABSTAIN", "ABSTAIN");
        assertThat(s.open(meeting).statusCode()).isEqualTo(200);
        s.checkIn(meeting, n.get(0));
        var early = s.admin.postJson(s.base + "/" + meeting + "/resolutions/" + special + "/declaration", "{}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("Close the poll");
        var hands = s.admin.postJson(s.base + "/" + meeting + "/resolutions/" + special + "/show-of-hands",
                "{\"votesFor\":1,\"against\":0}");
        assertThat(hands.statusCode()).isEqualTo(409);
        assertThat(hands.body()).contains("Only an ordinary resolution is decided on a show of hands");
        s.closePoll(meeting);

        var tie = s.declare(meeting, ordinaryTie);
        assertThat(tie.getString("state")).isEqualTo("LOST");
        assertThat(tie.getString("declaration")).contains("2 for, 2 against, 3 abstentions").contains("a tie fails");
        var sp = s.declare(meeting, special);
        assertThat(sp.getString("state")).isEqualTo("CARRIED");
        assertThat(sp.getString("declaration")).startsWith("Passed: 4 for, 2 against, 1 abstentions (66.67% of 6 votes cast");
        var first = s.declare(meeting, s111);
        assertThat(first.getString("state")).isEqualTo("LOST");
        assertThat(first.getString("declaration")).contains("needed at least 4 of 5");
        var conv = s.declare(meeting, s113);
        assertThat(conv.getString("state")).isEqualTo("LOST");
        assertThat(conv.getString("declaration")).contains("turnout was too low: 4 of 10");
        assertThat(conv.getJsonNumber("eligible").longValue()).isEqualTo(10);
        var none = s.declare(meeting, abstainOnly);
        assertThat(none.getString("state")).isEqualTo("LOST");
        assertThat(none.getString("declaration")).contains("abstentions are not votes cast");
        var twice = s.admin.postJson(s.base + "/" + meeting + "/resolutions/" + special + "/declaration", "{}");
        assertThat(twice.statusCode()).isEqualTo(409);

        // s.111 in two stages: two thirds at one meeting, then a majority at a second that confirms it
        long second = s.meetingToday(TODAY);
        long amalgamate = s.resolution(second, "S111_FIRST_MEETING", "Amalgamate again");
        vote(s, second, amalgamate, n, "FOR", "FOR", "FOR", "FOR", "AGAINST", "AGAINST");
        s.open(second);
        s.checkIn(second, n.get(0));
        s.closePoll(second);
        assertThat(s.declare(second, amalgamate).getString("state")).isEqualTo("CARRIED");
        long third = s.meetingToday(TODAY);
        var unconfirmable = s.admin.postJson(s.base + "/" + third + "/resolutions", """
                {"title":"Confirm","text":"Confirm it","proposer":"The board","kind":"S111_CONFIRMATION","confirmsResolutionId":%d}"""
                .formatted(s111));
        assertThat(unconfirmable.statusCode()).isEqualTo(400);
        assertThat(unconfirmable.body()).contains("Only an s.111 resolution carried at an earlier meeting can be confirmed");
        long confirm = s.resolution(third, "S111_CONFIRMATION", "Confirm the amalgamation", amalgamate);
        vote(s, third, confirm, n, "FOR", "FOR", "AGAINST");
        s.open(third);
        s.checkIn(third, n.get(0));
        s.closePoll(third);
        var confirmed = s.declare(third, confirm);
        assertThat(confirmed.getString("state")).isEqualTo("CARRIED");
        assertThat(confirmed.getString("declaration")).contains("2 for, 1 against");
    }

    /** JSON-B leaves null fields out. */
    private static boolean absent(JsonObject o, String key) {
        return !o.containsKey(key) || o.isNull(key);
    }

    private static void vote(Society s, long meeting, long resolution, List<Long> members, String... choices) {
        for (int i = 0; i < choices.length; i++) {
            var v = s.vote(meeting, resolution, members.get(i), "POSTAL", choices[i]);
            assertThat(v.statusCode()).as(v.body()).isEqualTo(201);
        }
    }

    @Test
    void proxiesFollowTheirDirectionsTheRulesAndAreOverriddenByTheMembersOwnVote() {
        var s = new Society("mtg-proxy", "{\"quorumMembers\":1,\"quorumPercent\":1,\"proxyMaxPerHolder\":2,\"proxyDeadlineHours\":0}");
        long[] aliceNo = new long[1];
        Http alice = s.memberAccount(aliceNo, "alice@mtg-proxy.example");
        var n = s.members(6);
        long meeting = s.meetingToday(TODAY);
        long r1 = s.resolution(meeting, "ORDINARY", "First");
        long r2 = s.resolution(meeting, "ORDINARY", "Second");
        // Alice appoints member 0 with a direction on r1 only (r2 at the holder's discretion)
        var mine = alice.putJson(s.base + "/" + meeting + "/my-proxy",
                "{\"holderMemberNumber\":%d,\"directions\":{\"%d\":\"AGAINST\"}}".formatted(n.get(0), r1));
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        // member 1 appoints member 0 too: that is the maximum of 2; member 2 is refused
        assertThat(s.admin.postJson(s.base + "/" + meeting + "/proxies",
                "{\"memberNumber\":%d,\"holderMemberNumber\":%d,\"directions\":{\"%d\":\"FOR\",\"%d\":\"FOR\"}}"
                        .formatted(n.get(1), n.get(0), r1, r2)).statusCode()).isEqualTo(201);
        var third = s.admin.postJson(s.base + "/" + meeting + "/proxies",
                "{\"memberNumber\":%d,\"holderMemberNumber\":%d}".formatted(n.get(2), n.get(0)));
        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(third.body()).contains("already holds 2 proxies, the most the rules allow");
        // a member cannot be their own proxy; the chair takes member 2's proxy instead
        var self = s.admin.postJson(s.base + "/" + meeting + "/proxies",
                "{\"memberNumber\":%d,\"holderMemberNumber\":%d}".formatted(n.get(2), n.get(2)));
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(s.admin.postJson(s.base + "/" + meeting + "/proxies",
                "{\"memberNumber\":%d,\"directions\":{\"%d\":\"FOR\",\"%d\":\"AGAINST\"}}".formatted(n.get(2), r1, r2)).statusCode())
                .isEqualTo(201);
        // member 3 appoints the chair, then revokes before the deadline
        assertThat(s.admin.postJson(s.base + "/" + meeting + "/proxies", "{\"memberNumber\":%d}".formatted(n.get(3))).statusCode())
                .isEqualTo(201);
        assertThat(s.admin.delete(s.base + "/" + meeting + "/proxies/" + n.get(3)).statusCode()).isEqualTo(204);
        assertThat(Http.jsonArray(s.admin.get(s.base + "/" + meeting + "/proxies"))).hasSize(3);
        var ballot = Http.json(alice.get(s.base + "/" + meeting + "/ballot"));
        assertThat(ballot.getJsonObject("proxy").getJsonNumber("holderMemberNumber").longValue()).isEqualTo(n.get(0));

        // member 1 votes themselves on r1, which overrides their proxy's direction there
        assertThat(s.vote(meeting, r1, n.get(1), "POSTAL", "AGAINST").statusCode()).isEqualTo(201);
        // the holder's discretion on r2 for undirected proxies: member 0 votes Alice's r2 FOR
        assertThat(s.admin.postJson(s.base + "/" + meeting + "/resolutions/" + r2 + "/proxy-discretion",
                "{\"holderMemberNumber\":%d,\"choice\":\"FOR\"}".formatted(n.get(0))).statusCode()).isEqualTo(204);

        assertThat(s.open(meeting).statusCode()).isEqualTo(200);
        s.checkIn(meeting, n.get(0));
        s.closePoll(meeting);
        // the deadline is the start here (0 hours): a meeting that began at one minute past midnight takes no proxy
        long started = s.meetingAt("00:01", TODAY);
        var lateProxy = alice.putJson(s.base + "/" + started + "/my-proxy", "{}");
        assertThat(lateProxy.statusCode()).isEqualTo(400);
        assertThat(lateProxy.body()).contains("The deadline for proxies was");
        var lateRevoke = alice.delete(s.base + "/" + started + "/my-proxy");
        assertThat(lateRevoke.statusCode()).isEqualTo(400);

        // r1: Alice AGAINST (directed), member 1 AGAINST (own vote overrides FOR), member 2 FOR (chair, directed)
        var first = s.declare(meeting, r1);
        assertThat(first.getJsonNumber("votesFor").longValue()).isEqualTo(1);
        assertThat(first.getJsonNumber("votesAgainst").longValue()).isEqualTo(2);
        assertThat(first.getString("state")).isEqualTo("LOST");
        var r1Votes = s.votes(meeting, r1);
        assertThat(r1Votes).hasSize(3);
        assertThat(r1Votes.stream().filter(v -> v.getJsonNumber("memberNumber").longValue() == n.get(1)))
                .singleElement().satisfies(v -> assertThat(v.getString("channel")).isEqualTo("POSTAL"));
        // r2: Alice FOR (holder's discretion), member 1 FOR (directed), member 2 AGAINST (chair, directed)
        var second = s.declare(meeting, r2);
        assertThat(second.getJsonNumber("votesFor").longValue()).isEqualTo(2);
        assertThat(second.getJsonNumber("votesAgainst").longValue()).isEqualTo(1);
        assertThat(second.getString("state")).isEqualTo("CARRIED");
    }

    @Test
    void aProxyIsExercisedAtTheMeetingOnlyWhenItsHolderIsThere() {
        var s = new Society("mtg-proxy-present", EASY_QUORUM);
        var n = s.members(4);
        long meeting = s.meetingToday(TODAY);
        long r1 = s.resolution(meeting, "ORDINARY", "First");
        long r2 = s.resolution(meeting, "ORDINARY", "Second");
        // member 0 appoints member 1, member 2 appoints the chair: both directed FOR on both resolutions
        for (long[] p : new long[][] {{n.get(0), n.get(1)}, {n.get(2), 0}}) {
            var lodged = s.admin.postJson(s.base + "/" + meeting + "/proxies", (p[1] == 0 ? "{\"memberNumber\":%d," : "{\"memberNumber\":%d,"
                    + "\"holderMemberNumber\":" + p[1] + ",").formatted(p[0])
                    + "\"directions\":{\"%d\":\"FOR\",\"%d\":\"FOR\"}}".formatted(r1, r2));
            assertThat(lodged.statusCode()).as(lodged.body()).isEqualTo(201);
        }
        assertThat(s.open(meeting).statusCode()).isEqualTo(200);
        assertThat(s.checkIn(meeting, n.get(3)).statusCode()).isEqualTo(201);
        s.closePoll(meeting);
        // member 1 has not come: the proxy they hold casts nothing; the chair, presiding, casts theirs
        var first = s.declare(meeting, r1);
        assertThat(first.getJsonNumber("votesFor").longValue()).isEqualTo(1);
        assertThat(s.votes(meeting, r1)).singleElement()
                .satisfies(v -> assertThat(v.getJsonNumber("memberNumber").longValue()).isEqualTo(n.get(2)));
        // once member 1 is checked in, their proxy counts
        assertThat(s.checkIn(meeting, n.get(1)).statusCode()).isEqualTo(201);
        var second = s.declare(meeting, r2);
        assertThat(second.getJsonNumber("votesFor").longValue()).isEqualTo(2);
    }

    @Test
    void aProxyHolderCastsASecretBallotInThePortalAndTheMemberReplacesItWithTheProxyCode() {
        var s = new Society("mtg-proxy-pages", EASY_QUORUM);
        long[] aliceNo = new long[1];
        long[] bobNo = new long[1];
        Http alice = s.memberAccount(aliceNo, "alice@mtg-proxy-pages.example");
        Http bob = s.memberAccount(bobNo, "bob@mtg-proxy-pages.example");
        long meeting = s.meetingToday(TODAY);
        var created = s.admin.postJson(s.base + "/" + meeting + "/resolutions", """
                {"title":"Remove a director","text":"That the director be removed.","proposer":"Ten members","kind":"ORDINARY",
                 "secret":true}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long r = Http.json(created).getJsonNumber("id").longValue();
        String alicePage = "/s/mtg-proxy-pages/my-meetings/" + meeting;

        // Alice appoints Bob in the portal, directing him to vote FOR; she is shown her proxy code once
        var appointed = alice.submit(alicePage, alicePage + "/proxy", Map.of("holder", String.valueOf(bobNo[0]),
                "direction-" + r, "FOR"));
        assertThat(appointed.statusCode()).as(appointed.body()).isEqualTo(303);
        String flash = alice.get(alicePage).body();
        var code = java.util.regex.Pattern.compile("proxy code is ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})").matcher(flash);
        assertThat(code.find()).as(flash).isTrue();
        String proxyCode = code.group(1);
        assertThat(alice.get(alicePage).body()).doesNotContain(proxyCode);

        // Bob sees the proxy he holds, directed, and casts it as directed
        var bobPage = bob.get(alicePage);
        assertThat(bobPage.body()).contains("Proxies you hold in the secret ballots").contains("directed to vote for");
        var cast = bob.submit(alicePage, alicePage + "/held-proxies/" + aliceNo[0] + "/resolutions/" + r, Map.of());
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(303);
        var receipt = java.util.regex.Pattern.compile("Its receipt is ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})").matcher(bob.get(alicePage).body());
        assertThat(receipt.find()).isTrue();
        assertThat(bob.get(alicePage).body()).contains("you have cast this ballot");

        // Alice finds the receipt with her code, and sees her proxy has voted for her
        var found = alice.submit(alicePage, alicePage + "/proxy-receipts", Map.of("proxyCode", proxyCode.toLowerCase()));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(receipt.group(1));
        assertThat(found.body()).contains("Your proxy has cast your ballot");
        // then votes herself with the proxy code: her ballot replaces Bob's
        var own = alice.submit(alicePage, alicePage + "/resolutions/" + r + "/vote", Map.of("choice", "AGAINST", "changeCode", proxyCode));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(303);
        assertThat(alice.get(alicePage).body()).contains("Your secret ballot is in the box");
        var voters = s.votes(meeting, r);
        assertThat(voters).singleElement().satisfies(v -> assertThat(v.getString("channel")).isEqualTo("ONLINE"));
        // and Bob, trying again, is told the member's own vote stands
        var again = bob.submit(alicePage, alicePage + "/held-proxies/" + aliceNo[0] + "/resolutions/" + r, Map.of());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("voted themselves");

        assertThat(s.open(meeting).statusCode()).isEqualTo(200);
        s.checkIn(meeting, bobNo[0]);
        s.closePoll(meeting);
        var declared = s.declare(meeting, r);
        assertThat(declared.getString("declaration")).startsWith("Failed: 0 for, 1 against");
    }

    @Test
    void aMemberVotesOnlineAndMayChangeTheirVoteUntilThePollCloses() {
        var s = new Society("mtg-online", EASY_QUORUM);
        long[] bobNo = new long[1];
        Http bob = s.memberAccount(bobNo, "bob@mtg-online.example");
        long meeting = s.meetingToday(TODAY);
        long r = s.resolution(meeting, "ORDINARY", "Pay interest at 3%");
        var mine = Http.jsonArray(bob.get(s.base + "/mine"));
        assertThat(mine).hasSize(1);
        assertThat(bob.putJson(s.base + "/" + meeting + "/resolutions/" + r + "/my-vote", "{\"choice\":\"FOR\"}").statusCode())
                .isEqualTo(200);
        var changed = bob.putJson(s.base + "/" + meeting + "/resolutions/" + r + "/my-vote", "{\"choice\":\"AGAINST\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Http.json(changed).getString("myChoice")).isEqualTo("AGAINST");
        var bad = bob.putJson(s.base + "/" + meeting + "/resolutions/" + r + "/my-vote", "{\"choice\":\"MAYBE\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        // a member cannot read the officers' view or enter votes for others
        assertThat(bob.get(s.base + "/" + meeting).statusCode()).isEqualTo(403);
        assertThat(bob.postJson(s.base + "/" + meeting + "/resolutions/" + r + "/votes",
                "{\"memberNumber\":%d,\"channel\":\"POSTAL\",\"choice\":\"FOR\"}".formatted(bobNo[0])).statusCode()).isEqualTo(403);
        assertThat(s.open(meeting).statusCode()).isEqualTo(200);
        var checkedIn = bob.postJson(s.base + "/" + meeting + "/my-attendance", "{}");
        assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(201);
        assertThat(Http.json(checkedIn).getString("mode")).isEqualTo("ONLINE");
        s.closePoll(meeting);
        var late = bob.putJson(s.base + "/" + meeting + "/resolutions/" + r + "/my-vote", "{\"choice\":\"FOR\"}");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("The poll closed");
        assertThat(s.votes(meeting, r)).singleElement().satisfies(v -> {
            assertThat(v.getString("choice")).isEqualTo("AGAINST");
            assertThat(v.getString("channel")).isEqualTo("ONLINE");
        });
        var declared = s.declare(meeting, r);
        assertThat(declared.getString("state")).isEqualTo("LOST");
        s.admin.postJson(s.base + "/" + meeting + "/closure", "{}");
        var ballot = Http.json(bob.get(s.base + "/" + meeting + "/ballot"));
        assertThat(ballot.getJsonArray("items").getJsonObject(0).getJsonObject("resolution").getString("declaration"))
                .startsWith("Failed: 0 for, 1 against");

        var pdf = s.admin.getBytes(s.base + "/" + meeting + "/minutes.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bob.getBytes(s.base + "/" + meeting + "/minutes.pdf").statusCode()).isEqualTo(403);
    }

    @Test
    void fiftySimultaneousVotesByOneMemberAcrossChannelsEndAsExactlyOneCountedVote() throws Exception {
        var s = new Society("mtg-race", EASY_QUORUM);
        long[] carolNo = new long[1];
        Http carol = s.memberAccount(carolNo, "carol@mtg-race.example");
        long meeting = s.meetingToday(TODAY);
        long r = s.resolution(meeting, "ORDINARY", "Race");
        assertThat(s.open(meeting).statusCode()).isEqualTo(200);
        var pool = Executors.newFixedThreadPool(16);
        var start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        String[] choices = {"FOR", "AGAINST", "ABSTAIN"};
        for (int i = 0; i < 50; i++) {
            String choice = choices[i % 3];
            int kind = i % 3;
            Callable<Integer> task = () -> {
                start.await();
                return switch (kind) {
                    case 0 -> carol.putJson(s.base + "/" + meeting + "/resolutions/" + r + "/my-vote", "{\"choice\":\"" + choice + "\"}")
                            .statusCode();
                    case 1 -> s.vote(meeting, r, carolNo[0], "POSTAL", choice).statusCode();
                    default -> s.vote(meeting, r, carolNo[0], "IN_PERSON", choice).statusCode();
                };
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        for (var f : results) {
            assertThat(f.get()).isIn(200, 201, 409);
        }
        pool.shutdown();
        var counted = s.votes(meeting, r);
        assertThat(counted).hasSize(1);
        // the in-person vote outranks every postal and online one, whatever order they arrived in
        assertThat(counted.get(0).getString("channel")).isEqualTo("IN_PERSON");
        s.checkIn(meeting, carolNo[0]);
        s.closePoll(meeting);
        var declared = s.declare(meeting, r);
        assertThat(declared.getJsonNumber("votesFor").longValue() + declared.getJsonNumber("votesAgainst").longValue()
                + declared.getJsonNumber("abstentions").longValue()).isEqualTo(1);
    }

    @Test
    void twoThousandMembersVotingAtOnceAreAllCounted() throws Exception {
        var s = new Society("mtg-crowd", EASY_QUORUM);
        int members = Integer.getInteger("meetings.it.crowd", 2000);
        var numbers = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
        var makers = Executors.newFixedThreadPool(8);
        var made = new ArrayList<Future<?>>();
        for (int i = 0; i < members; i++) {
            int k = i;
            made.add(makers.submit(() -> numbers.add(s.member("Crowd " + k, null, LocalDate.of(2021, 1, 1)))));
        }
        for (var f : made) {
            f.get();
        }
        makers.shutdown();
        long meeting = s.meetingToday(TODAY);
        long r = s.resolution(meeting, "ORDINARY", "Crowd");
        assertThat(s.open(meeting).statusCode()).isEqualTo(200);
        var pool = Executors.newFixedThreadPool(32);
        var start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        var list = new ArrayList<>(numbers);
        for (int i = 0; i < list.size(); i++) {
            long number = list.get(i);
            String choice = i % 3 == 0 ? "AGAINST" : "FOR";
            String channel = i % 2 == 0 ? "POSTAL" : "IN_PERSON";
            results.add(pool.submit(() -> {
                start.await();
                return s.vote(meeting, r, number, channel, choice).statusCode();
            }));
        }
        start.countDown();
        for (var f : results) {
            assertThat(f.get()).isEqualTo(201);
        }
        pool.shutdown();
        s.checkIn(meeting, list.get(0));
        s.closePoll(meeting);
        var declared = s.declare(meeting, r);
        long against = (members + 2) / 3;
        assertThat(declared.getJsonNumber("votesAgainst").longValue()).isEqualTo(against);
        assertThat(declared.getJsonNumber("votesFor").longValue()).isEqualTo(members - against);
        assertThat(s.votes(meeting, r)).hasSize(members);
    }

    @Test
    void aSecretResolutionGoesIntoTheBallotBoxWithAReceiptAndAChangeCode() {
        var s = new Society("mtg-secret", EASY_QUORUM);
        long[] eveNo = new long[1];
        Http eve = s.memberAccount(eveNo, "eve@mtg-secret.example");
        var n = s.members(3);
        long meeting = s.meetingToday(TODAY);
        var created = s.admin.postJson(s.base + "/" + meeting + "/resolutions", """
                {"title":"Remove a director","text":"That the director be removed.","proposer":"Ten members","kind":"ORDINARY",
                 "secret":true}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long r = Http.json(created).getJsonNumber("id").longValue();
        String vote = s.base + "/" + meeting + "/resolutions/" + r + "/my-vote";
        var first = eve.putJson(vote, "{\"choice\":\"FOR\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String receipt = Http.json(first).getString("receipt");
        String changeCode = Http.json(first).getString("changeCode");
        assertThat(receipt).isNotBlank();
        assertThat(absent(Http.json(first), "myChoice")).isTrue();
        var again = eve.putJson(vote, "{\"choice\":\"AGAINST\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("change code");
        var changed = eve.putJson(vote, "{\"choice\":\"AGAINST\",\"changeCode\":\"" + changeCode + "\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        String newReceipt = Http.json(changed).getString("receipt");
        // a postal vote for a member who voted online is refused: the first vote stands on a secret ballot
        assertThat(s.vote(meeting, r, eveNo[0], "POSTAL", "FOR").statusCode()).isEqualTo(409);
        assertThat(s.vote(meeting, r, n.get(0), "POSTAL", "AGAINST").statusCode()).isEqualTo(201);
        assertThat(s.vote(meeting, r, n.get(1), "POSTAL", "FOR").statusCode()).isEqualTo(201);
        // the officers see who voted and how they sent it, never what
        var voters = s.votes(meeting, r);
        assertThat(voters).hasSize(3).allSatisfy(v -> assertThat(absent(v, "choice")).isTrue());
        var hands = s.admin.postJson(s.base + "/" + meeting + "/resolutions/" + r + "/show-of-hands", "{\"votesFor\":1,\"against\":0}");
        assertThat(hands.statusCode()).isEqualTo(409);
        assertThat(s.open(meeting).statusCode()).isEqualTo(200);
        s.checkIn(meeting, n.get(0));
        s.closePoll(meeting);
        var declared = s.declare(meeting, r);
        assertThat(declared.getString("state")).isEqualTo("LOST");
        assertThat(declared.getString("declaration")).startsWith("Failed: 1 for, 2 against, 0 abstentions");
        var receipts = Http.json(eve.get(s.base + "/" + meeting + "/ballot")).getJsonArray("items").getJsonObject(0)
                .getJsonArray("receipts").stream().map(v -> ((jakarta.json.JsonString) v).getString()).toList();
        assertThat(receipts).hasSize(3).contains(newReceipt).doesNotContain(receipt);
    }

    @Test
    void theSecretaryRunsAMeetingFromThePagesAndAMemberVotesInThePortal() {
        var s = new Society("mtg-pages", EASY_QUORUM);
        long[] danNo = new long[1];
        Http dan = s.memberAccount(danNo, "dan@mtg-pages.example");
        var list = s.admin.get("/s/mtg-pages/meetings");
        assertThat(list.statusCode()).isEqualTo(200);
        var created = s.admin.submit("/s/mtg-pages/meetings/new", "/s/mtg-pages/meetings", Map.ofEntries(
                Map.entry("kind", "AGM"), Map.entry("title", "Pages AGM"),
                Map.entry("startsOn-day", String.valueOf(TODAY.getDayOfMonth())),
                Map.entry("startsOn-month", String.valueOf(TODAY.getMonthValue())),
                Map.entry("startsOn-year", String.valueOf(TODAY.getYear())), Map.entry("startsTime", "23:59"),
                Map.entry("place", "Village hall"), Map.entry("onlineLink", "https://meet.example/x"),
                Map.entry("agenda", "Business"),
                Map.entry("recordDate-day", String.valueOf(TODAY.getDayOfMonth())),
                Map.entry("recordDate-month", String.valueOf(TODAY.getMonthValue())),
                Map.entry("recordDate-year", String.valueOf(TODAY.getYear())),
                Map.entry("noticeSentOn-day", String.valueOf(TODAY.minusDays(20).getDayOfMonth())),
                Map.entry("noticeSentOn-month", String.valueOf(TODAY.minusDays(20).getMonthValue())),
                Map.entry("noticeSentOn-year", String.valueOf(TODAY.minusDays(20).getYear()))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String meetingPath = created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        var bad = s.admin.submit(meetingPath, meetingPath + "/resolutions", Map.of("title", "", "text", "", "proposer", "",
                "kind", "ORDINARY"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("govuk-error-summary").contains("Enter the text of the resolution");
        var added = s.admin.submit(meetingPath, meetingPath + "/resolutions", Map.of("title", "Accounts",
                "text", "That the accounts be received.", "proposer", "The chair", "kind", "ORDINARY"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        var page = s.admin.get(meetingPath);
        assertThat(page.body()).contains("Accounts").contains("That the accounts be received.");
        long meeting = Long.parseLong(meetingPath.replaceAll(".*/", ""));
        // the secretary reaches the notice page (email, letters, reminders) from the meeting, and back
        assertThat(page.body()).contains("href=\"/s/mtg-pages/notices/" + meeting + "\"");
        var noticePage = s.admin.get("/s/mtg-pages/notices/" + meeting);
        assertThat(noticePage.statusCode()).as(noticePage.body()).isEqualTo(200);
        assertThat(noticePage.body()).contains("href=\"/s/mtg-pages/meetings/" + meeting + "\"");
        long r = Http.json(s.admin.get(s.base + "/" + meeting)).getJsonArray("resolutions").getJsonObject(0)
                .getJsonNumber("id").longValue();

        // the member sees the meeting in the portal and votes
        var portal = dan.get("/s/mtg-pages/my-meetings/" + meeting);
        assertThat(portal.statusCode()).as(portal.body()).isEqualTo(200);
        assertThat(portal.body()).contains("Accounts");
        var voted = dan.submit("/s/mtg-pages/my-meetings/" + meeting, "/s/mtg-pages/my-meetings/" + meeting + "/resolutions/" + r
                + "/vote", Map.of("choice", "FOR"));
        assertThat(voted.statusCode()).as(voted.body()).isEqualTo(303);
        assertThat(dan.get("/s/mtg-pages/my-meetings/" + meeting).body()).contains("Your vote: For");

        // the secretary opens it, checks Dan in, takes a show of hands and sees the figures
        assertThat(s.admin.submit(meetingPath, meetingPath + "/opening", Map.of()).statusCode()).isEqualTo(303);
        var checkIn = s.admin.submit(meetingPath + "/attendance", meetingPath + "/attendance",
                Map.of("memberNumber", String.valueOf(danNo[0])));
        assertThat(checkIn.statusCode()).as(checkIn.body()).isEqualTo(303);
        var quorum = s.admin.get(meetingPath + "/attendance");
        assertThat(quorum.body()).contains("Quorate: 1 present, 1 needed").contains("http-equiv=\"refresh\"");
        var miscounted = s.admin.submit(meetingPath, meetingPath + "/resolutions/" + r + "/show-of-hands",
                Map.of("votesFor", "1", "against", "1", "abstain", "0"));
        assertThat(miscounted.statusCode()).isEqualTo(400);
        assertThat(miscounted.body()).contains("govuk-error-summary").contains("at most 1 can be shown: 1 member checked in");
        assertThat(s.admin.get(meetingPath).body()).doesNotContain("Passed: ");
        var hands = s.admin.submit(meetingPath, meetingPath + "/resolutions/" + r + "/show-of-hands",
                Map.of("votesFor", "1", "against", "0", "abstain", "0"));
        assertThat(hands.statusCode()).as(hands.body()).isEqualTo(303);
        assertThat(s.admin.get(meetingPath).body()).contains("Passed: 1 for, 0 against, 0 abstentions");
        assertThat(dan.get(meetingPath).statusCode()).isEqualTo(403);
    }

    @Test
    void theSecretaryChangesAResolutionOnItsPageUntilNoticeIsGiven() {
        var s = new Society("mtg-edit", EASY_QUORUM);
        var created = s.admin.postJson(s.base, """
                {"kind":"GENERAL","title":"Rule change meeting","startsAt":"%sT19:00:00","place":"Hall","agenda":"Rules",
                 "recordDate":"%s"}""".formatted(TODAY.plusDays(30), TODAY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long meeting = Http.json(created).getJsonObject("meeting").getJsonNumber("id").longValue();
        long r = s.resolution(meeting, "ORDINARY", "Change rule 5");
        String meetingPath = "/s/mtg-edit/meetings/" + meeting;
        String editPath = meetingPath + "/resolutions/" + r + "/edit";
        assertThat(s.admin.get(meetingPath).body()).contains("href=\"" + editPath + "\"");
        var form = s.admin.get(editPath);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"Change rule 5\"").contains("That the society change rule 5.");

        var bad = s.admin.submit(editPath, editPath, Map.of("title", "Change rule 5", "text", " ", "proposer", "The board",
                "kind", "ORDINARY"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("govuk-error-summary").contains("Enter the text of the resolution");
        assertThat(resolution(s, meeting).getString("text")).isEqualTo("That the society change rule 5.");

        var changed = s.admin.submit(editPath, editPath, Map.of("title", "Amend rule 5", "text", "That rule 5 be amended.",
                "proposer", "Ten members", "kind", "SPECIAL", "secret", "true"));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
        assertThat(changed.headers().firstValue("Location").orElseThrow()).endsWith(meetingPath + "#resolution-" + r);
        var after = resolution(s, meeting);
        assertThat(after.getString("title")).isEqualTo("Amend rule 5");
        assertThat(after.getString("text")).isEqualTo("That rule 5 be amended.");
        assertThat(after.getString("proposer")).isEqualTo("Ten members");
        assertThat(after.getString("kind")).isEqualTo("SPECIAL");
        assertThat(after.getBoolean("secret")).isTrue();
        // the page shows the checkbox as it is stored: unticking it makes the ballot open again
        assertThat(org.jsoup.Jsoup.parse(s.admin.get(editPath).body()).select("input#secret").hasAttr("checked")).isTrue();
        var open = s.admin.submit(editPath, editPath, Map.of("title", "Amend rule 5", "text", "That rule 5 be amended.",
                "proposer", "Ten members", "kind", "SPECIAL"));
        assertThat(open.statusCode()).as(open.body()).isEqualTo(303);
        assertThat(resolution(s, meeting).getBoolean("secret")).isFalse();

        // once notice is given the wording is fixed: no link, the page and the form answer 409 and change nothing
        var noticed = s.admin.postJson(s.base + "/" + meeting + "/notice", "{\"sentOn\":\"" + TODAY + "\"}");
        assertThat(noticed.statusCode()).as(noticed.body()).isEqualTo(200);
        assertThat(s.admin.get(meetingPath).body()).doesNotContain(editPath);
        var fixed = s.admin.get(editPath);
        assertThat(fixed.statusCode()).isEqualTo(409);
        assertThat(fixed.body()).contains("Notice of the meeting has been given").contains("href=\"" + meetingPath + "\"");
        var late = s.admin.submit(meetingPath, editPath, Map.of("title", "Too late", "text", "That nothing change.",
                "proposer", "The board", "kind", "ORDINARY"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("Notice of the meeting has been given");
        assertThat(resolution(s, meeting).getString("title")).isEqualTo("Amend rule 5");
    }

    private static JsonObject resolution(Society s, long meeting) {
        return Http.json(s.admin.get(s.base + "/" + meeting)).getJsonArray("resolutions").getJsonObject(0);
    }
}
