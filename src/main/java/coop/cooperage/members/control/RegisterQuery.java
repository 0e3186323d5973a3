package coop.cooperage.members.control;

import coop.cooperage.members.entity.MemberState;
import java.time.LocalDate;

/**
 * What the secretary asks of the register: a search over name, number, email and postcode,
 * filters, a sort and a page.
 */
public record RegisterQuery(String text, MemberState state, Boolean local, LocalDate joinedFrom, LocalDate joinedTo,
        Sort sort, boolean descending, int page, int pageSize) {

    public enum Sort { NUMBER, NAME, JOINED }

    public RegisterQuery {
        text = text == null || text.isBlank() ? null : text.trim();
        sort = sort == null ? Sort.NUMBER : sort;
        page = Math.max(0, Math.min(page, 1_000_000)); // far past any register, and no overflow of page × size
        pageSize = Math.max(1, Math.min(pageSize, 500));
    }

    public static RegisterQuery all() {
        return new RegisterQuery(null, null, null, null, null, Sort.NUMBER, false, 0, 50);
    }
}
