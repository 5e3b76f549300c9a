package io.counterdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.counterdesk.shared.BusinessException;
import io.counterdesk.shared.CreditCode;
import io.counterdesk.shared.ResidentId;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountValidationTest {

    private static final String RESIDENT_ID = "11010519491231002X";
    private static final String CREDIT_CODE = SearchDatabase.creditCode("91330100MA2H12345");
    private static final Address ADDRESS = new Address("西湖区", "文三路", "幸福小区", "3", "2", "501");
    private static final Holder HOLDER = new Holder("王建国", IdType.RESIDENT_ID, RESIDENT_ID, "13812345678");
    private static final LocalDate OPENED = LocalDate.of(2024, 5, 6);

    @ParameterizedTest(name = "{0} \"{1}\" → \"{2}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # type           | typed                   | stored
            RESIDENT_ID      | 11010519491231002X      | 11010519491231002X
            RESIDENT_ID      | 11010519491231002x      | 11010519491231002X
            RESIDENT_ID      | " 11010519491231002x "  | 11010519491231002X
            PASSPORT         | e12345678               | E12345678
            PASSPORT         | G1234                   | G1234
            HK_MACAO_PERMIT  | h12345678               | H12345678
            HK_MACAO_PERMIT  | M1234567890             | M1234567890
            TAIWAN_PERMIT    | 12345678                | 12345678
            """)
    void acceptsAndCanonicalisesValidNumbers(IdType type, String typed, String stored) {
        assertThat(type.validate(typed)).isEqualTo(stored);
    }

    @Test
    void acceptsAValidCreditCodeInLowerCase() {
        assertThat(IdType.CREDIT_CODE.validate(CREDIT_CODE.toLowerCase())).isEqualTo(CREDIT_CODE);
    }

    @ParameterizedTest(name = "{0} \"{1}\" → {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # type           | typed                   | refusal
            RESIDENT_ID      | 110105194912310021      | validation.id.checkdigit
            RESIDENT_ID      | 1101051949123100        | validation.id.format
            RESIDENT_ID      | 01010519491231002X      | validation.id.region
            RESIDENT_ID      | ""                      | validation.id.format
            CREDIT_CODE      | 91330100MA2H123450      | validation.uscc.checkchar
            CREDIT_CODE      | 91330100MA2H1234        | validation.uscc.format
            CREDIT_CODE      | 91330100MA2H1234I5      | validation.uscc.format
            PASSPORT         | E123                    | account.id.passport
            PASSPORT         | E-1234567               | account.id.passport
            PASSPORT         | ""                      | account.id.passport
            HK_MACAO_PERMIT  | X12345678               | account.id.hkMacao
            HK_MACAO_PERMIT  | H123456789              | account.id.hkMacao
            TAIWAN_PERMIT    | 1234567                 | account.id.taiwan
            TAIWAN_PERMIT    | T1234567                | account.id.taiwan
            """)
    void refusesInvalidNumbersWithTheirOwnReason(IdType type, String typed, String refusal) {
        assertThatThrownBy(() -> type.validate(typed))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.key()).isEqualTo(refusal));
    }

    @Test
    void refusesAMissingNumber() {
        for (IdType type : IdType.values()) {
            assertThatThrownBy(() -> type.validate(null)).as(type.name()).isInstanceOf(BusinessException.class);
        }
    }

    @Test
    void checkDigitHelpersMakeValidNumbers() {
        assertThat(ResidentId.isValid(SearchDatabase.residentId("33010619800101123"))).isTrue();
        assertThat(CreditCode.isValid(CREDIT_CODE)).isTrue();
    }

    @Test
    void aHolderIsStoredInCanonicalForm() {
        Holder holder = new Holder("  王建国 ", IdType.RESIDENT_ID, "11010519491231002x", "138 1234 5678");

        assertThat(holder).isEqualTo(HOLDER);
        assertThat(holder.maskedIdNumber()).isEqualTo("1101**********002X");
    }

    @ParameterizedTest(name = "name \"{0}\", ID \"{1}\", phone \"{2}\" → {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # name    | id number           | phone          | refusal
            ""        | 11010519491231002X  | 13812345678    | account.holder.nameRequired
            "   "     | 11010519491231002X  | 13812345678    | account.holder.nameRequired
            王建国     | 11010519491231002Y  | 13812345678    | validation.id.format
            王建国     | 11010519491231002X  | 1381234567     | validation.phone.invalid
            王建国     | 11010519491231002X  | ""             | validation.phone.invalid
            """)
    void refusesAnIncompleteHolder(String name, String idNumber, String phone, String refusal) {
        assertThatThrownBy(() -> new Holder(name, IdType.RESIDENT_ID, idNumber, phone))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.key()).isEqualTo(refusal));
    }

    @Test
    void aHolderNeedsAnIdType() {
        // a refusal the cashier can read, not a raw NullPointerException (issue 13)
        assertThatThrownBy(() -> new Holder("王建国", null, RESIDENT_ID, "13812345678"))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.key()).isEqualTo("account.id.typeRequired"));
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3}/{4}/{5} → {6}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # district | street | community | building | unit | room | text
            西湖区      | 文三路  | 幸福小区   | 3        | 2    | 501  | 西湖区文三路幸福小区3幢2单元501室
            " 西湖区 "  | 文三路  | 幸福小区   | " 3 "    | ""   | 501  | 西湖区文三路幸福小区3幢501室
            拱墅区      | 莫干山路 | 金色家园   | 8        |      | 101  | 拱墅区莫干山路金色家园8幢101室
            """)
    void anAddressReadsAsOnReceipts(String district, String street, String community, String building, String unit,
                                    String room, String text) {
        assertThat(new Address(district, street, community, building, unit, room).text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3}/{4} → {5}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # district | street | community | building | room | refusal
            ""         | 文三路  | 幸福小区   | 3        | 501  | account.address.district
            西湖区      |        | 幸福小区   | 3        | 501  | account.address.street
            西湖区      | 文三路  | "  "      | 3        | 501  | account.address.community
            西湖区      | 文三路  | 幸福小区   | ""       | 501  | account.address.building
            西湖区      | 文三路  | 幸福小区   | 3        |      | account.address.room
            """)
    void refusesAnAddressWithoutARequiredPart(String district, String street, String community, String building,
                                              String room, String refusal) {
        assertThatThrownBy(() -> new Address(district, street, community, building, "1", room))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.key()).isEqualTo(refusal));
    }

    @ParameterizedTest(name = "{0} {1} {2} meter {3} card {4} → {5}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # account no             | kind            | use type            | meter kind | meter no | card      | refusal
            33000                    | RESIDENTIAL     |                     | ORDINARY   | M1       |           | account.no.invalid
            330000000000000000001    | RESIDENTIAL     |                     | ORDINARY   | M1       |           | account.no.invalid
            33000A0001               | RESIDENTIAL     |                     | ORDINARY   | M1       |           | account.no.invalid
            ""                       | RESIDENTIAL     |                     | ORDINARY   | M1       |           | account.no.invalid
            3300000001               | RESIDENTIAL     |                     | ORDINARY   | " "      |           | account.meter.required
            3300000001               | RESIDENTIAL     |                     | ORDINARY   |          |           | account.meter.required
            3300000001               | RESIDENTIAL     | BOILER              | ORDINARY   | M1       |           | account.useType.mismatch
            3300000001               | NON_RESIDENTIAL |                     | ORDINARY   | M1       |           | account.useType.mismatch
            3300000001               | RESIDENTIAL     |                     | ORDINARY   | M1       | C00000001 | account.card.notIcMeter
            """)
    void refusesAnInconsistentNewAccount(String accountNo, AccountKind kind, UseType useType, MeterKind meterKind,
                                         String meterNo, String card, String refusal) {
        assertThatThrownBy(() -> new NewAccount(accountNo, kind, useType, meterKind, meterNo, card, ADDRESS, HOLDER, OPENED))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.key()).isEqualTo(refusal));
    }

    @ParameterizedTest(name = "{0} {1} {2} meter {3} card {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # account no             | kind            | use type               | meter kind | card
            330000                   | RESIDENTIAL     |                        | ORDINARY   |
            33000000000000000001     | RESIDENTIAL     |                        | IC         | C00000001
            3300000001               | RESIDENTIAL     |                        | IC         |
            3300000002               | NON_RESIDENTIAL | COMMERCIAL_KITCHEN     | ORDINARY   |
            3300000003               | NON_RESIDENTIAL | NON_COMMERCIAL_KITCHEN | IC         | C00000003
            3300000004               | NON_RESIDENTIAL | BOILER                 | ORDINARY   |
            """)
    void acceptsAConsistentNewAccount(String accountNo, AccountKind kind, UseType useType, MeterKind meterKind, String card) {
        NewAccount account = new NewAccount(accountNo, kind, useType, meterKind, "M1", card, ADDRESS, HOLDER, OPENED);

        assertThat(account.accountNo()).isEqualTo(accountNo);
        assertThat(account.cardSerial()).isEqualTo(card);
    }

    @Test
    void aNewAccountNeedsItsParts() {
        assertThatThrownBy(() -> new NewAccount("3300000001", AccountKind.RESIDENTIAL, null, MeterKind.ORDINARY, "M1",
                null, null, HOLDER, OPENED)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new NewAccount("3300000001", AccountKind.RESIDENTIAL, null, MeterKind.ORDINARY, "M1",
                null, ADDRESS, null, OPENED)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new NewAccount("3300000001", null, null, MeterKind.ORDINARY, "M1",
                null, ADDRESS, HOLDER, OPENED)).isInstanceOf(NullPointerException.class);
    }
}
