package coop.cooperage.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Every integration test deploys the WAR that the build made, at the root context. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * Arquillian reports the machine's external address; tests only ever talk to loopback, so
     * keep its port and path and use 127.0.0.1.
     */
    public static java.net.URI loopback(java.net.URL url) {
        return java.net.URI.create("http://127.0.0.1:" + url.getPort() + (url.getPath().isEmpty() ? "/" : url.getPath()));
    }

    public static WebArchive application() {
        var built = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/cooperage.war"));
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built);
    }
}
