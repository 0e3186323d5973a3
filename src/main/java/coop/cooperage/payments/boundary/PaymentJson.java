package coop.cooperage.payments.boundary;

import coop.cooperage.payments.control.PaymentRuns;
import coop.cooperage.payments.entity.MemberBankDetails;
import coop.cooperage.payments.entity.OriginatingAccount;
import coop.cooperage.payments.entity.PaymentRun;
import coop.cooperage.payments.entity.PaymentRunItem;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the payments API sends and takes. Bank accounts only ever go out masked. */
public final class PaymentJson {

    private PaymentJson() {
    }

    /** Bank details as typed in; never sent back. */
    public record BankDetailsInput(String sortCode, String accountNumber, String accountName) {
    }

    /** A stored account, masked: "**-**-56 ****5678". */
    public record MaskedBankDetails(String bankAccount, LocalDateTime updatedAt, String updatedBy) {
        static MaskedBankDetails of(MemberBankDetails d) {
            return new MaskedBankDetails(d.masked(), d.updatedAt(), d.updatedBy());
        }
    }

    public record OriginatorInput(String serviceUserNumber, String serviceUserName, String sortCode, String accountNumber,
            String accountName) {
    }

    public record Originator(String serviceUserNumber, String serviceUserName, String bankAccount, LocalDateTime updatedAt,
            String updatedBy) {
        static Originator of(OriginatingAccount o) {
            return new Originator(o.serviceUserNumber(), o.serviceUserName(), o.masked(), o.updatedAt(), o.updatedBy());
        }
    }

    public record NewRun(String processingDate) {
    }

    public record Payment(String paidOn) {
    }

    public record Rejection(String reason) {
    }

    /** {@code bankEnteredBy}/{@code At}: who entered the account the payout would go to, and when. */
    public record Due(long payoutId, String kind, long amountPence, Long memberNumber, String payeeName, String bankAccount,
            boolean ready, String blockedBecause, String bankEnteredBy, LocalDateTime bankEnteredAt) {
        static Due of(PaymentRuns.Due d) {
            return new Due(d.payout().id(), d.payout().kind().name(), d.payout().amount().pence(), d.member().memberNumber(),
                    d.payeeName(), d.masked(), d.ready(), d.blockedBecause(), d.bankEnteredBy(), d.bankEnteredAt());
        }
    }

    public record Item(long payoutId, String kind, String payeeName, String bankAccount, long amountPence, String reference) {
        static Item of(PaymentRunItem i) {
            return new Item(i.payoutId(), i.kind(), i.payeeName(), i.masked(), i.amount().pence(), i.reference());
        }
    }

    public record Run(int number, String state, String serial, LocalDate createdOn, LocalDate processingDate, int payments,
            long totalPence, String createdBy, LocalDate paidOn, String paidBy, LocalDateTime fileIssuedAt, String fileIssuedBy,
            String rejectedReason, String rejectedBy, List<Item> items) {
        static Run of(PaymentRun r, List<PaymentRunItem> items) {
            return new Run(r.number(), r.state().name(), r.serial(), r.createdOn(), r.processingDate(), r.itemCount(),
                    r.total().pence(), r.createdBy(), r.paidOn(), r.paidBy(), r.fileIssuedAt(), r.fileIssuedBy(),
                    r.rejectedReason(), r.rejectedBy(),
                    items == null ? null : items.stream().map(Item::of).toList());
        }
    }
}
