package io.counterdesk.card;

import io.counterdesk.billing.LateFeeRule;
import io.counterdesk.payment.PaymentService;
import io.counterdesk.payment.VoucherRule;
import io.counterdesk.persistence.Database;
import io.counterdesk.persistence.DatabaseLocation;
import io.counterdesk.persistence.Journal;
import io.counterdesk.persistence.TerminalIdentity;
import io.counterdesk.persistence.TerminalRepository;
import io.counterdesk.security.ApprovalRecorder;
import io.counterdesk.security.AuthService;
import io.counterdesk.security.Operator;
import io.counterdesk.security.OperatorRepository;
import io.counterdesk.security.PasswordHasher;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child program for {@link TopUpKillTest}: through the real pcscd, buys 3 m³ onto the card in
 * {@link PcscdFixture#READER} and reverses it again with the hall manager's approval, as fast as
 * it can. After each service call has returned it prints {@code bought:<id>;} or
 * {@code reversed:<id>;} — the moments a counter would tell the customer — and {@code writing;}
 * when a card write begins.
 */
public final class TopUpLoopChild {

    private TopUpLoopChild() {
    }

    public static void main(String[] args) {
        Database database = Database.open(new DatabaseLocation(Path.of(args[0]), args[1]), Clock.systemDefaultZone());
        TerminalIdentity terminal = database.read(tx -> new TerminalRepository().current(tx)).orElseThrow();
        Journal journal = new Journal(terminal.terminalCode());
        ApprovalRecorder approvals = new ApprovalRecorder(journal);
        PaymentService payments = new PaymentService(database, journal, terminal, approvals, LateFeeRule.DEFAULT,
                VoucherRule.DEFAULT);
        TopUpService topUps = new TopUpService(database, journal, approvals, payments,
                new GasPricing(GasPricing.DEFAULT_MAX_PURCHASE_M3));
        AuthService auth = new AuthService(database, journal, new PasswordHasher(1_000));
        // services take only a logged-in operator (ADR 0013)
        Operator cashier = auth.login("1001", "demo1001".toCharArray());
        CardAccess reader = CardReaders.pcsc().access(PcscdFixture.READER, new CardKeys(IcCardDesk.SECRET));
        // tells the parent when a card write starts, so it can kill this program in the middle of one
        CardAccess card = new CardAccess() {
            @Override
            public String readerName() {
                return reader.readerName();
            }

            @Override
            public boolean cardPresent() {
                return reader.cardPresent();
            }

            @Override
            public CardReading read() {
                return reader.read();
            }

            @Override
            public void write(CardImage expected, CardImage next) {
                System.out.print("writing;\n");
                System.out.flush();
                reader.write(expected, next);
            }
        };
        while (true) {
            TopUpService.CardCheck check = topUps.inspect(cashier, card);
            TopUpService.TopUpResult result = topUps.purchase(cashier, card, check, 3, IcCardDesk.cash("7.50"));
            if (!result.written()) {
                throw result.cardError();
            }
            System.out.print("bought:" + result.purchase().id() + ";\n");
            System.out.flush();
            topUps.reverse(cashier, card, result.purchase().id(), "压力测试冲正",
                    auth.authoriseApprover(cashier, "2001", "demo2001".toCharArray()));
            System.out.print("reversed:" + result.purchase().id() + ";\n");
            System.out.flush();
        }
    }
}
