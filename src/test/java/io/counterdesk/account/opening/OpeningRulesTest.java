package io.counterdesk.account.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.account.IdType;
import io.counterdesk.account.MeterKind;
import io.counterdesk.account.UseType;
import io.counterdesk.payment.FeeItem;
import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.Money;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fees, deposit, use types and the documents checklist of an opening (DESIGN 2.2, 第七条, 第十条). */
class OpeningRulesTest {

    private final OpeningRules rules = new OpeningRules(OpeningTariff.DEFAULT);

    @ParameterizedTest
    @CsvSource(textBlock = """
            MULTI_STOREY, 2400.00
            HIGH_RISE,    2850.00
            VILLA,        4000.00
            """)
    void aHouseholdPaysTheInstallationFeeOfItsBuildingTypeAndNoDeposit(BuildingType type, String yuan) {
        OpeningApplication app = Applications.household(type, MeterKind.ORDINARY, "M0001");

        assertThat(rules.fee(app)).isEqualTo(Money.parse(yuan));
        assertThat(rules.deposit(app)).isEqualTo(Money.ZERO);
        assertThat(rules.feeLines(app)).extracting(l -> l.item().code(), FeeItem.Line::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OpeningRules.FEE_CODE, Money.parse(yuan)));
    }

    @Test
    void aFeePaidCollectivelyCostsNothingAtTheCounterButNeedsItsInvoice() {
        OpeningApplication app = Applications.householdWithInvoice("FP2025-000123", "M0002");

        assertThat(rules.fee(app)).isEqualTo(Money.ZERO);
        assertThat(rules.feeLines(app)).isEmpty();
        assertThat(OpeningRules.required(app)).contains(Document.FEE_INVOICE);
        assertThat(OpeningRules.missing(Applications.ticked(app, EnumSet.of(Document.HOLDER_ID,
                Document.PROPERTY_PROOF)))).containsExactly(Document.FEE_INVOICE);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # purpose, nature,      kW,      use type,               fee
            KITCHEN,  BUSINESS,    10,      COMMERCIAL_KITCHEN,     2800.00
            KITCHEN,  BUSINESS,    12.5,    COMMERCIAL_KITCHEN,     3500.00
            KITCHEN,  GOVERNMENT,  10,      NON_COMMERCIAL_KITCHEN, 2200.00
            KITCHEN,  ASSOCIATION, 3.3,     NON_COMMERCIAL_KITCHEN, 726.00
            KITCHEN,  SCHOOL,      40.25,   NON_COMMERCIAL_KITCHEN, 8855.00
            KITCHEN,  ARMY,        0.001,   NON_COMMERCIAL_KITCHEN, 0.22
            KITCHEN,  POLICE,      7.777,   NON_COMMERCIAL_KITCHEN, 1710.94
            BOILER,   BUSINESS,    100,     BOILER,                 17000.00
            BOILER,   SCHOOL,      100,     BOILER,                 17000.00
            BOILER,   GOVERNMENT,  0.123,   BOILER,                 20.91
            KITCHEN,  BUSINESS,    0.001,   COMMERCIAL_KITCHEN,     0.28
            KITCHEN,  BUSINESS,    9999.999, COMMERCIAL_KITCHEN,    2799999.72
            """)
    void aNonResidentialFeeIsApplianceKwTimesTheRateOfItsUseTypeExactToTheFen(GasPurpose purpose, UnitNature nature,
                                                                             String kw, UseType use, String fee) {
        OpeningApplication app = Applications.business(purpose, nature, kw, "M0003");

        assertThat(app.useType()).isEqualTo(use);
        assertThat(rules.fee(app)).isEqualTo(Money.parse(fee));
        assertThat(rules.deposit(app)).isEqualTo(Money.ofYuan(1000));
        assertThat(rules.feeLines(app)).extracting(l -> l.item().code())
                .containsExactly(OpeningRules.FEE_CODE, OpeningRules.DEPOSIT_CODE);
    }

    @Test
    void halfAFenRoundsUp() {
        // 0.0125 kW would be refused (four decimals); a rate with an odd fen shows the rounding
        OpeningTariff odd = new OpeningTariff(OpeningTariff.DEFAULT.residentialFees(),
                Map.of(UseType.COMMERCIAL_KITCHEN, Money.parse("280.01"), UseType.NON_COMMERCIAL_KITCHEN,
                        Money.ofYuan(220), UseType.BOILER, Money.ofYuan(170)), Money.ofYuan(500));
        OpeningApplication app = Applications.business(GasPurpose.KITCHEN, UnitNature.BUSINESS, "0.5", "M0004");

        assertThat(new OpeningRules(odd).fee(app)).isEqualTo(Money.parse("140.01"));     // 140.005 → 140.01
        assertThat(new OpeningRules(odd).deposit(app)).isEqualTo(Money.ofYuan(500));
    }

    @ParameterizedTest
    @EnumSource(UnitNature.class)
    void governmentAssociationsSchoolsArmyAndPoliceAreNonCommercialEveryoneElseCommercial(UnitNature nature) {
        Set<UnitNature> nonCommercial = EnumSet.of(UnitNature.GOVERNMENT, UnitNature.ASSOCIATION, UnitNature.SCHOOL,
                UnitNature.ARMY, UnitNature.POLICE);
        assertThat(nature.nonCommercial()).isEqualTo(nonCommercial.contains(nature));
        assertThat(GasPurpose.BOILER.useType(nature)).isEqualTo(UseType.BOILER);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            12.5,      12.5
            １２．５,  12.5
            12.5kW,    12.5
            12.50 kw,  12.5
            7,         7
            0.001,     0.001
            10000,     10000
            """)
    void applianceKwReadsDecimalsAsTyped(String typed, String kw) {
        assertThat(ApplianceKw.parse(typed)).isEqualByComparingTo(new BigDecimal(kw));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            '',        opening.kw.format
            abc,       opening.kw.format
            -3,        opening.kw.format
            1e3,       opening.kw.format
            0,         opening.kw.range
            0.000,     opening.kw.range
            10000.001, opening.kw.range
            1.0005,    opening.kw.decimals
            """)
    void applianceKwRefusesWhatIsNotAPowerACounterOpens(String typed, String key) {
        assertThatThrownBy(() -> ApplianceKw.parse(typed)).isInstanceOf(BusinessException.class)
                .extracting(e -> ((BusinessException) e).key()).isEqualTo(key);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # residential, collective, proxy, debit, required
            true,  false, false, false, HOLDER_ID PROPERTY_PROOF
            true,  true,  false, false, HOLDER_ID PROPERTY_PROOF FEE_INVOICE
            true,  false, true,  false, HOLDER_ID PROPERTY_PROOF PROXY_ID
            true,  false, false, true,  HOLDER_ID PROPERTY_PROOF BANK_CARD
            true,  true,  true,  true,  HOLDER_ID PROPERTY_PROOF FEE_INVOICE PROXY_ID BANK_CARD
            false, false, false, false, BUSINESS_LICENCE LEGAL_REP_ID APPLICATION_FORM
            false, false, true,  false, PROXY_ID BUSINESS_LICENCE LEGAL_REP_ID APPLICATION_FORM
            false, false, false, true,  BANK_CARD BUSINESS_LICENCE LEGAL_REP_ID APPLICATION_FORM
            """)
    void eachCaseHasItsChecklist(boolean residential, boolean collective, boolean proxy, boolean debit,
                                 String required) {
        Set<Document> expected = Arrays.stream(required.split(" ")).map(Document::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Document.class)));

        assertThat(OpeningRules.required(residential, collective, proxy, debit)).isEqualTo(expected);
    }

    @Test
    void anApplicationCannotOpenUntilEveryRequiredDocumentIsTicked() {
        OpeningApplication household = Applications.withProxyAndDebit(
                Applications.household(BuildingType.HIGH_RISE, MeterKind.IC, "M0005"), true, true,
                EnumSet.of(Document.HOLDER_ID, Document.PROPERTY_PROOF));

        assertThat(OpeningRules.missing(household)).containsExactly(Document.PROXY_ID, Document.BANK_CARD);
        assertThatThrownBy(() -> OpeningRules.requireDocuments(household))
                .hasMessage("还缺以下资料，未勾选前不能开户：受托人身份证复印件、银行卡及卡主身份证复印件");

        OpeningApplication complete = Applications.ticked(household, EnumSet.of(Document.HOLDER_ID,
                Document.PROPERTY_PROOF, Document.PROXY_ID, Document.BANK_CARD, Document.APPLICATION_FORM));
        OpeningRules.requireDocuments(complete);
        assertThat(OpeningRules.missing(complete)).as("an extra paper does no harm").isEmpty();
    }

    @Test
    void aHouseholdIsAPersonAndABusinessIsAnOrganisation() {
        assertThatThrownBy(() -> new OpeningApplication(Applications.organisation(), Applications.ADDRESS,
                MeterKind.ORDINARY, "M0006", OpeningApplication.Residential.paying(BuildingType.VILLA), null, null, null,
                Set.of())).extracting(e -> ((BusinessException) e).key()).isEqualTo("opening.residential.person");
        assertThatThrownBy(() -> new OpeningApplication(Applications.person(), Applications.ADDRESS,
                MeterKind.ORDINARY, "M0006", null, new OpeningApplication.NonResidential(GasPurpose.BOILER,
                        UnitNature.BUSINESS, BigDecimal.TEN, Applications.legalRep()), null, null, Set.of()))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("opening.business.creditCode");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            MULTI_STOREY, FP-0001, opening.residential.feeOrInvoice
            ,             '',      opening.residential.feeOrInvoice
            ,             'A1',    opening.invoice.format
            ,             'FP 01', opening.invoice.format
            """)
    void aHouseholdEitherPaysByBuildingTypeOrShowsOneValidInvoice(BuildingType type, String invoice, String key) {
        assertThatThrownBy(() -> new OpeningApplication.Residential(type, invoice))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "M 0001", "表号0001"})
    void theMeterNumberIsRequiredInItsForm(String meterNo) {
        assertThatThrownBy(() -> Applications.household(BuildingType.VILLA, MeterKind.ORDINARY, meterNo))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("opening.meter.format");
    }

    @Test
    void aProxyAndALegalRepresentativeArePeopleWithValidIds() {
        assertThatThrownBy(() -> new Person("李华", IdType.RESIDENT_ID, "110105194912310022"))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> new Person("某公司", IdType.CREDIT_CODE, Applications.CREDIT_CODE))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("opening.person.notOrganisation");
        assertThatThrownBy(() -> new Person(" ", IdType.PASSPORT, "E12345678"))
                .extracting(e -> ((BusinessException) e).key()).isEqualTo("opening.person.nameRequired");
        assertThat(new Person(" 李华 ", IdType.PASSPORT, "e12345678").idNumber()).isEqualTo("E12345678");
    }

    @Test
    void theFeeLabelsSayWhatWasCharged() {
        assertThat(rules.feeLabel(Applications.household(BuildingType.HIGH_RISE, MeterKind.IC, "M0007")))
                .isEqualTo("报装费（高层）");
        assertThat(rules.feeLabel(Applications.business(GasPurpose.KITCHEN, UnitNature.BUSINESS, "12.5", "M0008")))
                .isEqualTo("开户费（厨房用气（营业） 12.5 kW × ¥280.00）");
    }
}
