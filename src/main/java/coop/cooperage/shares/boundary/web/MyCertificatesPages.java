package coop.cooperage.shares.boundary.web;

import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.shares.control.ShareCertificates;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** "My share certificates": the member's own, to download (the link in the allotment email). */
@Path("s/{society}/my-certificates")
@Produces(MediaType.TEXT_HTML)
public class MyCertificatesPages {

    @Inject
    Societies societies;

    @Inject
    ShareCertificates certificates;

    @PathParam("society")
    String slug;

    @GET
    public Page mine() {
        Society society = societies.forCaller(slug, Role.values());
        var mine = certificates.ofCaller(society);
        return Page.of("shares/my-certificates").with("title", "My share certificates").with("society", society)
                .with("member", mine.member()).with("certificates", mine.certificates());
    }
}
