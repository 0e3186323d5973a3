package coop.cooperage.platform.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie: HttpOnly, and SameSite=Lax so that other sites' forms cannot ride on
 * it (the CSRF token is the main defence; this is the second). Payara 6 does not yet apply
 * the SameSite attribute set here, so the HTTP listener adds it too (docker/preboot.asadmin,
 * and the launcher's and tests' pre-boot commands); this stays for servers that honour it.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setName("COOPSESSION");
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
    }
}
