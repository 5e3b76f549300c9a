package io.counterdesk.account.opening;

import io.counterdesk.account.UseType;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.I18n;
import io.counterdesk.shared.Money;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of an opening (DESIGN 2.2, 第七条, 第十条), pure: the fee, the deposit, the fee lines taken
 * through the payment path, and the documents each case needs.
 *
 * <ul>
 *   <li>Residential: the installation fee of the building type, nothing when the fee was paid
 *       collectively (the invoice is then a document to see, and its number is used up).</li>
 *   <li>Non-residential: appliance kW × the use type's rate, rounded half up to the fen, plus the gas
 *       deposit.</li>
 *   <li>Documents: residential — holder's ID and property certificate or sales contract, the fee
 *       invoice when paid collectively; non-residential — business licence, legal representative's
 *       ID and the signed application; anyone acting for the holder — the proxy's ID (the
 *       principal's is the holder's or the legal representative's, already required); auto-debit —
 *       the bank card and its holder's ID.</li>
 * </ul>
 */
public final class OpeningRules {

    /** Fee item codes of the opening's payment lines. */
    public static final String FEE_CODE = "OPENING_FEE";
    public static final String DEPOSIT_CODE = "GAS_DEPOSIT";

    private final OpeningTariff tariff;

    public OpeningRules(OpeningTariff tariff) {
        this.tariff = tariff;
    }

    public OpeningTariff tariff() {
        return tariff;
    }

    /** The installation / opening fee (报装费 / 开户费). */
    public Money fee(OpeningApplication app) {
        if (app.residential() != null) {
            return app.residential().paidCollectively() ? Money.ZERO : tariff.fee(app.residential().buildingType());
        }
        UseType use = app.business().useType();
        return tariff.ratePerKw(use).multiply(app.business().applianceKw(), RoundingMode.HALF_UP);
    }

    /** The gas deposit (气费押金): non-residential accounts only. */
    public Money deposit(OpeningApplication app) {
        return app.business() == null ? Money.ZERO : tariff.gasDeposit();
    }

    /** The lines the payment takes: the fee (unless paid collectively) and the deposit. */
    public List<FeeItem.Line> feeLines(OpeningApplication app) {
        List<FeeItem.Line> lines = new ArrayList<>();
        Money fee = fee(app);
        if (fee.isPositive()) {
            lines.add(new FeeItem.Line(new FeeItem(FEE_CODE, feeLabel(app), fee), 1));
        }
        Money deposit = deposit(app);
        if (deposit.isPositive()) {
            lines.add(new FeeItem.Line(new FeeItem(DEPOSIT_CODE, I18n.text("opening.line.deposit"), deposit), 1));
        }
        return lines;
    }

    /** "报装费（高层）", "开户费（厨房用气（营业）12.5 kW × ¥280.00）". */
    public String feeLabel(OpeningApplication app) {
        if (app.residential() != null) {
            return I18n.text("opening.line.residential", I18n.text("opening.building." + app.residential().buildingType()));
        }
        UseType use = app.business().useType();
        return I18n.text("opening.line.business", I18n.text("account.use." + use.name()),
                app.business().applianceKw().toPlainString(), tariff.ratePerKw(use).format());
    }

    /** The documents this case needs, in checklist order. */
    public static Set<Document> required(OpeningApplication app) {
        return required(app.residential() != null, app.residential() != null && app.residential().paidCollectively(),
                app.proxy() != null, app.bankDebit() != null);
    }

    /** The checklist for a case as the cashier is filling it in (before the application is whole). */
    public static Set<Document> required(boolean residential, boolean paidCollectively, boolean proxy,
                                         boolean bankDebit) {
        Set<Document> docs = EnumSet.noneOf(Document.class);
        if (residential) {
            docs.add(Document.HOLDER_ID);
            docs.add(Document.PROPERTY_PROOF);
            if (paidCollectively) {
                docs.add(Document.FEE_INVOICE);
            }
        } else {
            docs.add(Document.BUSINESS_LICENCE);
            docs.add(Document.LEGAL_REP_ID);
            docs.add(Document.APPLICATION_FORM);
        }
        if (proxy) {
            docs.add(Document.PROXY_ID);
        }
        if (bankDebit) {
            docs.add(Document.BANK_CARD);
        }
        return docs;
    }

    /** Required documents not ticked, in checklist order. */
    public static Set<Document> missing(OpeningApplication app) {
        Set<Document> missing = EnumSet.noneOf(Document.class);
        missing.addAll(required(app));
        missing.removeAll(app.ticked());
        return missing;
    }

    /**
     * Refuses an application whose required documents are not all ticked.
     *
     * @throws BusinessException {@code opening.documents.missing} naming what is missing
     */
    public static void requireDocuments(OpeningApplication app) {
        Set<Document> missing = missing(app);
        if (!missing.isEmpty()) {
            throw new BusinessException("opening.documents.missing", missing.stream()
                    .map(d -> I18n.text("opening.document." + d.name()))
                    .collect(Collectors.joining(I18n.text("opening.listSeparator"))));
        }
    }
}
