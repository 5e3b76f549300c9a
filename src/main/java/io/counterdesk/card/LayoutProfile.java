package io.counterdesk.card;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.smartcardio.CardChannel;

/**
 * A profile that keeps the open {@link CardLayout} on a chip: subclasses say how the chip is
 * prepared, how its 224 user bytes are read and written, and how it is unlocked for writing.
 */
abstract class LayoutProfile implements CardProfile {

    protected final CardKeys keys;

    LayoutProfile(CardKeys keys) {
        this.keys = Objects.requireNonNull(keys);
    }

    @Override
    public final CardContent read(CardChannel channel) {
        CardIo io = new CardIo(channel);
        int triesLeft = prepare(io);
        byte[] user = readUser(io);
        return new CardContent(CardLayout.decode(user, keys).image(), triesLeft, user);
    }

    @Override
    public final void write(CardChannel channel, CardContent current, CardImage next) {
        Objects.requireNonNull(next, "next");
        current.image().ifPresent(now -> {
            if (!now.serial().equals(next.serial())) {
                throw new IllegalArgumentException("a card keeps its serial; a reissue is written on another card");
            }
        });
        byte[] user = current.raw();
        List<CardLayout.Chunk> chunks = CardLayout.plan(user, next, keys);
        CardIo io = new CardIo(channel);
        if (!chunks.isEmpty()) {
            try {
                unlock(io, current, next);
                for (CardLayout.Chunk chunk : chunks) {
                    writeUser(io, chunk);
                }
            } catch (CardException e) {
                if (e.reason() != CardException.Reason.NOT_WRITTEN) {
                    throw e;
                }
                // refused outright: the card read back says whether that is all there is to it
                Optional<CardImage> after = readBack(io);
                if (after.equals(Optional.of(next))) {
                    return;
                }
                throw after.equals(current.image()) ? e : uncertain("refused, and the card differs from before: " + e);
            }
        }
        Optional<CardImage> after = readBack(io);
        if (after.equals(Optional.of(next))) {
            return;
        }
        if (!chunks.isEmpty() && after.equals(current.image())) {
            // every command answered OK, yet the card holds what it held: the chip ignored them
            throw new CardException(CardException.Reason.NOT_WRITTEN, "card.notWritten.ignored");
        }
        throw uncertain("read-back differs from what was written");
    }

    private Optional<CardImage> readBack(CardIo io) {
        try {
            return CardLayout.decode(readUser(io), keys).image();
        } catch (CardException unreadable) {
            throw PcscFailures.map(unreadable, true);
        }
    }

    private static CardException uncertain(String why) {
        return new CardException(CardException.Reason.WRITE_UNCERTAIN, new IllegalStateException(why),
                "card.writeUncertain");
    }

    /** Gets the chip ready after connect; returns the PSC tries left, or -1 for a chip without a PSC. */
    abstract int prepare(CardIo io);

    /** The 224 user bytes of the layout. */
    abstract byte[] readUser(CardIo io);

    /** Makes the chip accept writes, if it needs that. */
    abstract void unlock(CardIo io, CardContent current, CardImage next);

    /** Writes one chunk (user offsets) with a changing command. */
    abstract void writeUser(CardIo io, CardLayout.Chunk chunk);
}
