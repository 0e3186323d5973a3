package coop.cooperage.platform.boundary.web;

/** A link in the service navigation. */
public record NavItem(String label, String href, boolean current) {
}
