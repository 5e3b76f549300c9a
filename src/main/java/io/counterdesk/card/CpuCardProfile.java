package io.counterdesk.card;

import java.util.Arrays;
import javax.smartcardio.ATR;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * A CPU card (ISO 7816-4) carrying the same 224 bytes as the memory card in an application of its
 * own (docs/card-layout.md, "CPU card"): DF by AID {@code F0 43 44 47 41 53 01}, transparent EF
 * {@code 0A01} with the two record slots (192 bytes) and EF {@code 0A02} with the two meter slots
 * (32 bytes). SELECT by AID and by file id, READ BINARY and UPDATE BINARY; no PIN: the records'
 * MAC is what makes a card genuine (a production card adds issuer authentication, see the ADR).
 */
final class CpuCardProfile extends LayoutProfile {

    static final String ID = "cpu";
    static final byte[] AID = {(byte) 0xF0, 0x43, 0x44, 0x47, 0x41, 0x53, 0x01};
    static final int RECORDS_FILE = 0x0A01;
    static final int METER_FILE = 0x0A02;

    private static final int SW_FILE_NOT_FOUND = 0x6A82;

    CpuCardProfile(CardKeys keys) {
        super(keys);
    }

    @Override
    public String id() {
        return ID;
    }

    /** Any asynchronous (ISO 7816-3) card; whether it carries our application shows at SELECT. */
    @Override
    public boolean matches(ATR atr) {
        byte[] bytes = atr.getBytes();
        return bytes.length >= 2 && (bytes[0] == 0x3B || bytes[0] == 0x3F);
    }

    @Override
    int prepare(CardIo io) {
        ResponseAPDU response = io.send(new CommandAPDU(0x00, 0xA4, 0x04, 0x00, AID));
        if (response.getSW() == SW_FILE_NOT_FOUND) {
            throw new CardException(CardException.Reason.UNKNOWN_CARD, "card.unknown");
        }
        io.ok(response, "select application");
        io.selectedFile(-1);
        return -1;
    }

    @Override
    byte[] readUser(CardIo io) {
        byte[] user = new byte[CardLayout.USER_SIZE];
        System.arraycopy(readFile(io, RECORDS_FILE, CardLayout.RECORDS_SIZE), 0, user, 0, CardLayout.RECORDS_SIZE);
        System.arraycopy(readFile(io, METER_FILE, 2 * CardLayout.METER_SIZE), 0, user, CardLayout.METER_START,
                2 * CardLayout.METER_SIZE);
        return user;
    }

    @Override
    void unlock(CardIo io, CardContent current, CardImage next) {
        // nothing to unlock: see the class comment
    }

    @Override
    void writeUser(CardIo io, CardLayout.Chunk chunk) {
        boolean records = chunk.offset() < CardLayout.METER_START;
        if (records != (chunk.end() <= CardLayout.METER_START)) {
            throw new IllegalArgumentException("a chunk never spans both files");
        }
        int file = records ? RECORDS_FILE : METER_FILE;
        int offset = records ? chunk.offset() : chunk.offset() - CardLayout.METER_START;
        select(io, file);
        io.changeOk(new CommandAPDU(0x00, 0xD6, offset >> 8, offset & 0xFF, chunk.bytes()), "update binary");
    }

    private static byte[] readFile(CardIo io, int file, int length) {
        select(io, file);
        ResponseAPDU response = io.sendOk(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, length), "read binary");
        if (response.getData().length != length) {
            throw io.failed("read binary returned " + response.getData().length + " bytes", response);
        }
        return Arrays.copyOf(response.getData(), length);
    }

    private static void select(CardIo io, int file) {
        if (io.selectedFile() == file) {
            return;
        }
        io.sendOk(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {(byte) (file >> 8), (byte) file}), "select file");
        io.selectedFile(file);
    }
}
