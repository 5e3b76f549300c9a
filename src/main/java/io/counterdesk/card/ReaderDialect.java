package io.counterdesk.card;

import java.util.Locale;

/**
 * How a reader family lets a program speak to a synchronous memory card (SLE4442): the commands are
 * the reader's, not the chip's, so they differ by vendor. See {@code docs/card-layout.md} (the
 * command table of each, with the manual it comes from) and {@code docs/adr/0014-reader-dialects.md}.
 */
public enum ReaderDialect {

    /**
     * ACS readers (ACR38x CCID, ACR39U, ACR1281U …): the pseudo-APDUs of their reference manuals —
     * SELECT_CARD_TYPE {@code FF A4}, READ_MEMORY_CARD {@code FF B0}, READ_PRESENTATION_ERROR_COUNTER
     * {@code FF B1}, READ_PROTECTION_BITS {@code FF B2}, PRESENT_CODE {@code FF 20}, WRITE_MEMORY_CARD
     * {@code FF D0}, WRITE_PROTECTION_MEMORY_CARD {@code FF D1}, CHANGE_CODE {@code FF D2}. The
     * family most service halls use, and the default.
     */
    ACS("acs"),

    /**
     * Readers that implement the storage-card commands of PC/SC Part 3 for contact memory cards:
     * READ BINARY {@code FF B0}, UPDATE BINARY {@code FF D6}, VERIFY {@code FF 20}. Part 3 has no
     * command to change a PSC: such a reader tops up issued cards but cannot issue a blank one.
     */
    PCSC_PART3("pcsc-part3");

    private final String setting;

    ReaderDialect(String setting) {
        this.setting = setting;
    }

    /** The value of {@code card.reader.dialect} that names this dialect. */
    public String setting() {
        return setting;
    }

    /**
     * The dialect of a reader: the configured one ({@code acs}, {@code pcsc-part3}), or with
     * {@code auto} (or nothing configured) by the reader's name — ACS names its readers "ACS ACR…";
     * HID OMNIKEY and Identiv (SCM) readers speak PC/SC Part 3; any other reader, the virtual reader
     * of the tests ({@code Virtual PCD}) and the simulated readers of demo mode speak ACS, the
     * dialect real halls use.
     *
     * @throws IllegalArgumentException for a setting that names no dialect
     */
    public static ReaderDialect of(String configured, String readerName) {
        String value = configured == null ? "" : configured.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("auto")) {
            return byName(readerName);
        }
        for (ReaderDialect dialect : values()) {
            if (dialect.setting.equals(value)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("card.reader.dialect must be acs, pcsc-part3 or auto, not " + configured);
    }

    /** The dialect a reader's name says (the {@code auto} rule). */
    public static ReaderDialect byName(String readerName) {
        String name = readerName == null ? "" : readerName.toUpperCase(Locale.ROOT);
        if (name.contains("ACS") || name.contains("ACR")) {
            return ACS;
        }
        if (name.contains("OMNIKEY") || name.contains("IDENTIV") || name.contains("SCM MICROSYSTEMS")) {
            return PCSC_PART3;
        }
        return ACS;
    }
}
