package coop.cooperage.meetings.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.meetings.control.NoticeLetters;
import coop.cooperage.meetings.control.Notices;
import coop.cooperage.meetings.control.Reminders;
import coop.cooperage.meetings.entity.Meeting;
import coop.cooperage.platform.boundary.web.Flash;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.control.InvalidInputException;
import coop.cooperage.platform.control.Transactions;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Map;

/**
 * The notice of a general meeting: every member of the society may read it once notice has been
 * given (it is what they were sent; a draft is 404 to them); the secretary sends it, prints the letters and sends reminders.
 */
@Path("s/{society}/notices")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class NoticePages {

    @Inject
    Societies societies;

    @Inject
    Notices notices;

    @Inject
    NoticeLetters letters;

    @Inject
    Reminders reminders;

    @Inject
    Transactions tx;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @PathParam("society")
    String slug;

    @GET
    @Path("{meeting}")
    public Page notice(@PathParam("meeting") long id) {
        Society society = societies.forCaller(slug, Role.values());
        Meeting meeting = notices.meeting(society, id);
        // a member learns of a meeting from its notice: before notice is given it does not exist for them
        if (!isOfficer(society) && !coop.cooperage.meetings.control.Notice.readableByMembers(meeting)) {
            throw new coop.cooperage.platform.control.NoSuchResourceException("No such meeting");
        }
        return page(society, meeting, Map.of());
    }

    @POST
    @Path("{meeting}")
    public Response send(@PathParam("meeting") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        try {
            var sent = tx.call(() -> notices.send(society, id));
            String message = sent.firstSending()
                    ? "Notice sent: " + sent.emailed() + " by email, " + sent.letters() + " letters to print"
                    : "Notice sent to members not yet given it: " + sent.emailed() + " by email, " + sent.letters() + " letters to print";
            return Flash.redirect(request, "/s/" + society.slug() + "/notices/" + id, message);
        } catch (InvalidInputException e) {
            return Response.status(e instanceof coop.cooperage.platform.control.ConflictException ? 409 : 400)
                    .entity(page(society, notices.meeting(society, id), e.byField())).build();
        }
    }

    @POST
    @Path("{meeting}/reminders")
    public Response remind(@PathParam("meeting") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        notices.meeting(society, id);
        int sent = reminders.sendDue(society);
        return Flash.redirect(request, "/s/" + society.slug() + "/notices/" + id, sent + " reminders sent");
    }

    @GET
    @Path("{meeting}/reminder-letters.pdf")
    @Produces("application/pdf")
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
    public Response letters(@PathParam("meeting") long id) {
        Society society = societies.forCaller(slug, Role.SECRETARY);
        Meeting meeting = notices.noticedMeeting(society, id);
        StreamingOutput body = out -> letters.write(society, meeting, out);
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"notice-letters-" + meeting.id() + ".pdf\"").build();
    }

    private boolean isOfficer(Society society) {
        return caller.isPlatformAdmin() || caller.rolesIn(society.id()).stream().anyMatch(Role::isOfficer);
    }

    private Page page(Society society, Meeting meeting, Map<String, String> errors) {
        boolean secretary = caller.isPlatformAdmin() || caller.rolesIn(society.id()).contains(Role.SECRETARY);
        boolean officer = isOfficer(society);
        var name = caller.requireAccount().displayName();
        return Page.of("meetings/notice").with("title", "Notice of " + meeting.title()).with("society", society)
                .with("meeting", meeting).with("lines", java.util.List.of(notices.noticeText(society, meeting, name == null ? "member" : name).split("\n")))
                .with("check", notices.checkToday(society, meeting)).with("status", officer ? notices.status(meeting) : null)
                .with("secretary", secretary).with("reminderDays", reminders.reminderDays(society))
                .with("remindersDue", secretary && reminders.due(society, meeting)).with("errors", errors);
    }
}
