package coop.cooperage.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Absolute links for email, built from the configured public base URL (COOP_BASE_URL). */
@ApplicationScoped
public class PublicUrls {

    @Inject
    @ConfigProperty(name = "coop.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    public String link(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }
}
