package coop.cooperage.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Every integration test deploys the WAR that the build made, at the root context. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive application() {
        var built = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/cooperage.war"));
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built);
    }
}
