package coop.cooperage.society.boundary.web;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.control.SocietyJobs;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The society's jobs: a list of the latest, and each job's page, a progress bar that refreshes itself (a meta refresh:
 * no JavaScript) while the job waits or runs, then how it ended and a link to the result.
 */
@Path("s/{society}/jobs")
@Produces(MediaType.TEXT_HTML)
public class JobPages {

    /** How often the page reloads while the job waits or runs. */
    static final int REFRESH_SECONDS = 2;

    @Inject
    Societies societies;

    @Inject
    SocietyJobs jobs;

    @PathParam("society")
    String slug;

    @GET
    public Page list() {
        Society society = societies.forCaller(slug, Role.values());
        var list = jobs.visible(society);
        boolean working = list.stream().anyMatch(j -> !j.state().finished());
        return Page.of("society/jobs").with("title", "Work in the background").with("society", society).with("jobs", list)
                .with("listed", SocietyJobs.LISTED).with("refreshSeconds", working ? REFRESH_SECONDS : null);
    }

    @GET
    @Path("{id}")
    public Page view(@PathParam("id") long id) {
        Society society = societies.forCaller(slug, Role.values());
        var job = jobs.visible(society, id);
        return Page.of("society/job").with("title", job.title()).with("society", society).with("job", job)
                .with("refreshSeconds", job.state().finished() ? null : REFRESH_SECONDS);
    }
}
