package coop.cooperage.meetings.boundary;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.meetings.control.NoticeLetters;
import coop.cooperage.meetings.control.Notices;
import coop.cooperage.meetings.control.Reminders;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Notice of general meetings: send it, see what went out, print the letters, send reminders. */
@Path("api/v1/societies/{society}/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notices of meetings")
public class NoticesResource {

    public record NoticeJson(long meeting, String title, LocalDateTime startsAt, String state, LocalDate noticeSentOn,
            int clearDaysRequired, long clearDaysIfSentToday, LocalDate latestSending, long emailed, long letters, long reminded) {
    }

    public record SentJson(long meeting, LocalDate noticeSentOn, int emailed, int letters, boolean firstSending) {
    }

    public record RemindersJson(int reminded, int reminderDays) {
    }

    @Inject
    Societies societies;

    @Inject
    Notices notices;

    @Inject
    NoticeLetters letters;

    @Inject
    Reminders reminders;

    @PathParam("society")
    String slug;

    @GET
    @Path("{meeting}")
    @Operation(summary = "A meeting's notice: whether notice today would be long enough, and how many were emailed, posted and reminded (officers)")
    public NoticeJson get(@PathParam("meeting") long id) {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        return json(society, notices.meeting(society, id));
    }

    @POST
    @Path("{meeting}")
    @Transactional
    @Operation(summary = "Send notice to every member (secretary): email with an iCalendar invitation to those who agreed, letters for the rest."
            + " Refused when it would give fewer clear days than the rules require; sending again reaches only members not yet given notice")
    public SentJson send(@PathParam("meeting") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        var sent = notices.send(society, id);
        return new SentJson(sent.meetingId(), sent.noticeSentOn(), sent.emailed(), sent.letters(), sent.firstSending());
    }

    @GET
    @Path("{meeting}/reminder-letters.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The reminder as letters to print, for members given notice by post; once reminders are due (secretary)")
    public Response reminderLetters(@PathParam("meeting") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Meeting meeting = reminders.dueMeeting(society, id);
        StreamingOutput body = out -> letters.writeReminders(society, meeting, out);
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"reminder-letters-" + meeting.id() + ".pdf\"").build();
    }

    @GET
    @Path("{meeting}/letters.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The notice as letters to print, one page per member given notice by post (secretary)")
    public Response letters(@PathParam("meeting") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Meeting meeting = notices.noticedMeeting(society, id);
        StreamingOutput body = out -> letters.write(society, meeting, out);
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"notice-letters-" + meeting.id() + ".pdf\"").build();
    }

    @POST
    @Path("reminder-runs")
    @Operation(summary = "Send now the reminders the daily job would send: members emailed notice of a meeting in the next N days, once each (secretary)")
    public RemindersJson remind() {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        return new RemindersJson(reminders.sendDue(society), reminders.reminderDays(society));
    }

    NoticeJson json(Society society, Meeting m) {
        var check = notices.checkToday(society, m);
        var status = notices.status(m);
        return new NoticeJson(m.id(), m.title(), m.startsAt(), m.state().name(), m.noticeSentOn(), check.clearDaysRequired(),
                check.clearDaysGiven(), check.latestSending(), status.emailed(), status.letters(), status.reminded());
    }
}
