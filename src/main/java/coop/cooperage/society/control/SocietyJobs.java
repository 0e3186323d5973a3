package coop.cooperage.society.control;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.control.AccessDeniedException;
import coop.cooperage.platform.control.Jobs;
import coop.cooperage.platform.control.NoSuchResourceException;
import coop.cooperage.platform.entity.Job;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.stream.Collectors;

/**
 * Who may see a society's jobs: platform administrators, and those in the society with a role the job names. One
 * rule for the job's page and its API resource.
 */
@ApplicationScoped
public class SocietyJobs {

    @Inject
    Jobs jobs;

    @Inject
    Caller caller;

    /** How many of a society's latest jobs its list shows. */
    public static final int LISTED = 50;

    /** Those of the society's latest {@link #LISTED} jobs that the caller may see, newest first. */
    public java.util.List<Job> visible(Society society) {
        var roles = roleNames(society);
        return jobs.recent(society.id(), LISTED).stream().filter(j -> caller.isPlatformAdmin() || j.visibleTo(roles)).toList();
    }

    /** The job, if the caller may see it: 404 when the society has no such job, 403 when their role does not show it. */
    public Job visible(Society society, long id) {
        Job job = jobs.find(society.id(), id).orElseThrow(() -> new NoSuchResourceException("No such job"));
        if (!caller.isPlatformAdmin() && !job.visibleTo(roleNames(society))) {
            throw new AccessDeniedException("Your role in this society does not allow you to see this job");
        }
        return job;
    }

    private java.util.Set<String> roleNames(Society society) {
        return caller.rolesIn(society.id()).stream().map(Role::name).collect(Collectors.toSet());
    }
}
