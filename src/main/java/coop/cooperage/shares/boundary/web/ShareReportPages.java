package coop.cooperage.shares.boundary.web;

import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.shares.control.ShareReports;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.control.Societies;
import coop.cooperage.society.entity.Society;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The share reports page: each offer's summary and allotment, and the share capital as at a date. */
@Path("s/{society}/share-reports")
@Produces(MediaType.TEXT_HTML)
public class ShareReportPages {

    @Inject
    Societies societies;

    @Inject
    ShareReports reports;

    @PersistenceContext
    EntityManager em;

    @PathParam("society")
    String slug;

    @GET
    public Page reports() {
        Society society = societies.forCaller(slug, Societies.OFFICERS);
        var offers = em.createQuery("select o from ShareOffer o where o.societyId = :s order by o.opensOn desc, o.id desc", ShareOffer.class)
                .setParameter("s", society.id()).getResultList();
        return Page.of("shares/reports").with("title", "Share reports").with("society", society).with("offers", offers)
                .with("capital", reports.capitalTotals(society, reports.today())).with("form", Map.of("asAt", reports.today().toString()));
    }
}
