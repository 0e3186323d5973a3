package coop.cooperage.payments.entity;

import coop.cooperage.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/** A balance the bank states for a day, used to check an import against the bank's own figure. */
public record StatementBalance(LocalDate asOf, Money amount) {

    public StatementBalance {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(amount, "amount");
    }
}
