package coop.cooperage.society.entity;

import coop.cooperage.money.Money;

/**
 * Where the society is registered, which sets the statutory maximum withdrawable holding of an
 * individual member: £100,000 in Great Britain (2014 Act s.24), £20,000 in Northern Ireland.
 */
public enum Jurisdiction {
    GREAT_BRITAIN("Great Britain", Money.ofPounds(100_000)),
    NORTHERN_IRELAND("Northern Ireland", Money.ofPounds(20_000));

    private final String label;
    private final Money statutoryMaximum;

    Jurisdiction(String label, Money statutoryMaximum) {
        this.label = label;
        this.statutoryMaximum = statutoryMaximum;
    }

    public String label() {
        return label;
    }

    public Money statutoryMaximum() {
        return statutoryMaximum;
    }
}
