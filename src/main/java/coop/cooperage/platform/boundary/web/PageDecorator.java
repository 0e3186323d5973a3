package coop.cooperage.platform.boundary.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Adds what every page shows (who is signed in, their societies, the navigation) without the
 * platform knowing about people or societies. Components contribute their own.
 */
public interface PageDecorator {
    void decorate(Page page, HttpServletRequest request);
}
