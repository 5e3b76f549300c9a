package io.counterdesk.payment;

import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.Operator;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.PasswordHasher;
import io.counterdesk.shared.Money;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Child program for {@link PaymentKillTest}: takes dismantling-fee payments of 20.00 in cash as
 * fast as it can, and after each {@link PaymentService#collect} has returned prints
 * {@code paid:<paymentId>:<receiptNumber>;} — the moment a real counter would start printing.
 */
public final class PaymentLoopChild {

    private PaymentLoopChild() {
    }

    public static void main(String[] args) {
        DatabaseLocation location = new DatabaseLocation(Path.of(args[0]), args[1]);
        long accountId = Long.parseLong(args[2]);
        Database database = Database.open(location, Clock.systemDefaultZone());
        TerminalIdentity terminal = database.read(tx -> new TerminalRepository().current(tx)).orElseThrow();
        Journal journal = new Journal(terminal.terminalCode());
        PaymentService payments = new PaymentService(database, journal, terminal, new ApprovalRecorder(journal),
                LateFeeRule.DEFAULT, VoucherRule.DEFAULT);
        // services take only a logged-in operator (ADR 0013)
        Operator cashier = new AuthService(database, journal, new PasswordHasher(1_000)).login("1001", "demo1001".toCharArray());
        FeeItem dismantling = payments.feeCatalogue().stream().filter(f -> f.code().equals("DISMANTLING"))
                .findFirst().orElseThrow();
        PaymentInput input = new PaymentInput(PaymentInput.Bills.ALL, List.of(new FeeItem.Line(dismantling, 1)), Money.ofYuan(20),
                List.of(), List.of(), Money.ZERO, false, List.of());
        while (true) {
            PaymentResult result = payments.collect(cashier, accountId, input);
            System.out.print("paid:" + result.paymentId() + ":" + result.receipts().get(0).number() + ";\n");
            System.out.flush();
        }
    }
}
