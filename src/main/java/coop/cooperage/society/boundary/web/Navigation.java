package coop.cooperage.society.boundary.web;

import coop.cooperage.identity.control.Caller;
import coop.cooperage.identity.entity.Role;
import coop.cooperage.platform.boundary.web.NavItem;
import coop.cooperage.platform.boundary.web.Page;
import coop.cooperage.platform.boundary.web.PageDecorator;
import coop.cooperage.society.entity.Society;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Puts the signed-in person and the navigation their roles allow on every page. Links a role
 * cannot use are not shown (the pages refuse them anyway).
 */
@RequestScoped
public class Navigation implements PageDecorator {

    @Inject
    Caller caller;

    @Override
    public void decorate(Page page, HttpServletRequest request) {
        var account = caller.account();
        page.with("me", account.orElse(null));
        if (!page.model().containsKey("society")) {
            page.with("society", null);
        }
        var items = new ArrayList<NavItem>();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (page.model().get("society") instanceof Society society && account.isPresent()) {
            Set<Role> roles = caller.isPlatformAdmin() ? EnumSet.allOf(Role.class) : caller.rolesIn(society.id());
            page.with("roles", roles);
            String base = "/s/" + society.slug();
            add(items, path, "Dashboard", base, true);
            boolean officer = roles.stream().anyMatch(Role::isOfficer);
            add(items, path, "Members", base + "/members", officer);
            add(items, path, "Applications", base + "/applications", officer);
            add(items, path, "Money in", base + "/payments", officer);
            add(items, path, "My membership", base + "/my-membership", roles.contains(Role.MEMBER) && !caller.isPlatformAdmin());
            add(items, path, "My bank details", base + "/my-bank-details", roles.contains(Role.MEMBER) && !caller.isPlatformAdmin());
            add(items, path, "Payment runs", base + "/payment-runs", roles.contains(Role.TREASURER) || roles.contains(Role.AUDITOR));
            add(items, path, "My shares", base + "/my-shares", roles.contains(Role.MEMBER) && !caller.isPlatformAdmin());
            add(items, path, "Share ledger", base + "/ledger", officer);
            add(items, path, "My certificates", base + "/my-certificates", roles.contains(Role.MEMBER) && !caller.isPlatformAdmin());
            add(items, path, "Share reports", base + "/share-reports", officer);
            add(items, path, "Share offers", base + "/share-offers", officer);
            add(items, path, "My applications", base + "/my-applications", roles.contains(Role.MEMBER) && !caller.isPlatformAdmin());
            add(items, path, "Meetings", base + "/meetings", officer);
            add(items, path, "Meetings and votes", base + "/my-meetings", roles.contains(Role.MEMBER) && !caller.isPlatformAdmin());
            add(items, path, "Settings", base + "/settings", officer);
            add(items, path, "Officers", base + "/officers", officer);
            add(items, path, "Elections", base + "/elections", true);
            add(items, path, "People", base + "/people", officer);
            add(items, path, "Board", base + "/board", roles.contains(Role.SECRETARY) || roles.contains(Role.DIRECTOR));
            add(items, path, "Audit trail", base + "/audit", roles.contains(Role.SECRETARY) || roles.contains(Role.AUDITOR));
            add(items, path, "Background work", base + "/jobs", officer);
            add(items, path, "API tokens", base + "/tokens", roles.contains(Role.SECRETARY));
        }
        if (caller.isPlatformAdmin()) {
            add(items, path, "All societies", "/admin/societies", true);
            add(items, path, "Mail outbox", "/admin/mail", true);
        }
        // the bar holds what people use daily; the dashboard lists everything their roles allow
        page.with("nav", items.stream().filter(i -> !SECONDARY.contains(i.label())).toList());
        page.with("areas", items.stream().filter(i -> !i.label().equals("Dashboard")).toList());
    }

    /** Reached from the dashboard (and from the pages they belong with), not from the bar, which would wrap to three lines. */
    private static final Set<String> SECONDARY = Set.of("Officers", "People", "Audit trail", "API tokens", "My bank details",
            "My applications", "Background work");

    private static void add(List<NavItem> items, String path, String label, String href, boolean allowed) {
        if (allowed) {
            boolean current = path.equals(href) || (!href.matches("/s/[^/]+") && path.startsWith(href + "/"));
            items.add(new NavItem(label, href, current));
        }
    }
}
