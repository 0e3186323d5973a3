package coop.cooperage.platform.boundary.web;

/** One choice in a select or radio list. */
public record Option(String value, String label) {
}
