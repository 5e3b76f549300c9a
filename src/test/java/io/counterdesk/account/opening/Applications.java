package io.counterdesk.account.opening;

import io.counterdesk.account.Address;
import io.counterdesk.account.Holder;
import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.shared.BankCardNumber;
import io.counterdesk.shared.CreditCode;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/** Opening applications for the tests: a household (李明, 3-1-1201) and a restaurant (an organisation). */
public final class Applications {

    public static final String RESIDENT_ID = "11010519491231002X";
    public static final String LEGAL_REP_ID = "33010619800101123" + io.counterdesk.shared.ResidentId.checkDigit("33010619800101123");
    public static final String CREDIT_CODE = "91330106MA2H0R1B4" + CreditCode.checkChar("91330106MA2H0R1B4");
    /** A UnionPay card number with a correct Luhn check digit. */
    public static final String BANK_CARD = "622202123456789012" + BankCardNumber.checkDigit("622202123456789012");
    public static final Address ADDRESS = new Address("西湖区", "文一路", "翠苑小区", "12", "1", "1201");

    private Applications() {
    }

    public static Holder person() {
        return new Holder("李明", IdType.RESIDENT_ID, RESIDENT_ID, "13912345678");
    }

    public static Holder organisation() {
        return new Holder("杭州味道餐饮有限公司", IdType.CREDIT_CODE, CREDIT_CODE, "0571-87654321");
    }

    public static Person legalRep() {
        return new Person("赵强", IdType.RESIDENT_ID, LEGAL_REP_ID);
    }

    public static OpeningApplication household(BuildingType type, MeterKind meter, String meterNo) {
        return new OpeningApplication(person(), ADDRESS, meter, meterNo, OpeningApplication.Residential.paying(type),
                null, null, null, EnumSet.of(Document.HOLDER_ID, Document.PROPERTY_PROOF));
    }

    public static OpeningApplication householdWithInvoice(String invoiceNo, String meterNo) {
        return new OpeningApplication(person(), ADDRESS, MeterKind.ORDINARY, meterNo,
                OpeningApplication.Residential.paidCollectively(invoiceNo), null, null, null,
                EnumSet.of(Document.HOLDER_ID, Document.PROPERTY_PROOF, Document.FEE_INVOICE));
    }

    public static OpeningApplication business(GasPurpose purpose, UnitNature nature, String kw, String meterNo) {
        return new OpeningApplication(organisation(), ADDRESS, MeterKind.ORDINARY, meterNo, null,
                new OpeningApplication.NonResidential(purpose, nature, new BigDecimal(kw), legalRep()), null, null,
                EnumSet.of(Document.BUSINESS_LICENCE, Document.LEGAL_REP_ID, Document.APPLICATION_FORM));
    }

    /** The same application with other documents ticked. */
    public static OpeningApplication ticked(OpeningApplication app, Set<Document> docs) {
        return new OpeningApplication(app.holder(), app.address(), app.meterKind(), app.meterNo(), app.residential(),
                app.business(), app.proxy(), app.bankDebit(), docs);
    }

    /** The same application with a proxy and an auto-debit (documents as given). */
    public static OpeningApplication withProxyAndDebit(OpeningApplication app, boolean proxy, boolean debit,
                                                       Set<Document> docs) {
        return new OpeningApplication(app.holder(), app.address(), app.meterKind(), app.meterNo(), app.residential(),
                app.business(), proxy ? new Person("李华", IdType.RESIDENT_ID, LEGAL_REP_ID) : null,
                debit ? new BankDebit(Bank.ICBC, true, BANK_CARD, "李明") : null, docs);
    }
}
