package coop.cooperage.shares.boundary;

import coop.cooperage.shares.control.ShareApplications;
import coop.cooperage.shares.entity.ApplicationState;
import coop.cooperage.shares.entity.PaymentMethod;
import coop.cooperage.shares.entity.ShareOffer;
import coop.cooperage.society.entity.Society;
import java.time.LocalDateTime;

/** An application for shares as the API shows it, with what has been paid and how to pay the rest. */
public record ApplicationJson(String reference, String offer, long sharesRequested, long amountPence, long paidPence,
        long outstandingPence, PaymentMethod paymentMethod, boolean local, ApplicationState state, Long sharesAllotted,
        LocalDateTime submittedAt, LocalDateTime withdrawnAt, String paymentInstructions) {

    public static ApplicationJson of(Society society, ShareOffer offer, ShareApplications.Paid p) {
        var a = p.application();
        return new ApplicationJson(a.reference(), offer.slug(), a.sharesRequested(), a.amount().pence(), p.paid().pence(),
                p.outstanding().pence(), a.paymentMethod(), a.localApplicant(), a.state(), a.sharesAllotted(), a.submittedAt(),
                a.withdrawnAt(), ShareApplications.instructions(society, offer, a));
    }
}
