package io.counterdesk.card.virtual;

import io.counterdesk.card.CardKeys;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The cards and meters of demo mode (演示): customers' gas cards that the cashier can put into the
 * in-process simulated reader, and each customer's prepaid meter ({@link SimulatedMeter}) to put
 * the card into after a purchase. The cards are real {@link VirtualCard}s issued through the
 * counter's own issue path; this class only keeps them, with their meters, in a folder beside the
 * demo database (one {@code <户号>.card} file each), so a restarted demo finds them as they were.
 * Thread-safe.
 */
public final class DemoCards {

    private static final System.Logger LOG = System.getLogger(DemoCards.class.getName());
    private static final HexFormat HEX = HexFormat.of();
    /** The file ending of a card a reissue replaced. */
    private static final String REPLACED = ".replaced";

    /** One customer's card and meter. */
    public record DemoCard(String accountNo, String holder, VirtualCard card, SimulatedMeter meter) {
    }

    private final SimulatedReaders readers;
    private final String readerName;
    private final CardKeys keys;
    private final Path directory;
    private final Map<String, DemoCard> cards = new LinkedHashMap<>();
    /**
     * Cards a reissue replaced (已换卡), oldest first: kept so that "the old card turns up" can be shown
     * (the counter refuses it: it is on the blacklist).
     */
    private final List<DemoCard> replaced = new ArrayList<>();

    private DemoCards(SimulatedReaders readers, String readerName, CardKeys keys, Path directory) {
        this.readers = readers;
        this.readerName = readerName;
        this.keys = keys;
        this.directory = directory;
    }

    /**
     * The simulated reader {@link SimulatedReaders#DEMO_READER}, plugged in and empty, and the demo
     * cards kept in {@code directory} (none the first time).
     */
    public static DemoCards open(Path directory, CardKeys keys) {
        SimulatedReaders readers = new SimulatedReaders().plugIn(SimulatedReaders.DEMO_READER);
        DemoCards demo = new DemoCards(readers, SimulatedReaders.DEMO_READER, Objects.requireNonNull(keys),
                Objects.requireNonNull(directory));
        demo.load();
        return demo;
    }

    public SimulatedReaders readers() {
        return readers;
    }

    public String readerName() {
        return readerName;
    }

    /** The demo customers' cards, in the order they were issued. */
    public synchronized List<DemoCard> cards() {
        return List.copyOf(cards.values());
    }

    /** The account whose demo card is in the reader now, if one is. */
    public synchronized Optional<String> inReader() {
        Optional<VirtualCard> card = readers.card(readerName);
        return card.flatMap(c -> cards.values().stream().filter(d -> d.card() == c).map(DemoCard::accountNo)
                .findFirst());
    }

    /** Puts a fresh blank card into the reader (taking out what was there), for issuing. */
    public synchronized VirtualCard insertBlank() {
        takeOut();
        VirtualCard blank = VirtualCard.sle4442();
        readers.insert(readerName, blank);
        return blank;
    }

    /** Keeps {@code card}, just issued to {@code accountNo}, as that customer's demo card, with a meter for it. */
    public synchronized DemoCard keep(String accountNo, String holder, String meterNo, VirtualCard card) {
        DemoCard kept = new DemoCard(accountNo, holder, card, new SimulatedMeter(meterNo, keys));
        cards.put(accountNo, kept);
        save(kept);
        return kept;
    }

    /**
     * The card in the reader was just issued to {@code accountNo} as a reissue: it becomes that
     * customer's demo card (the meter stays; the old card is kept among the {@link #replacedCards()}).
     * Nothing when the account is not a demo customer or no card is in the reader.
     */
    public synchronized void keepInReader(String accountNo) {
        DemoCard old = cards.get(accountNo);
        Optional<VirtualCard> inReader = readers.card(readerName);
        if (old == null || inReader.isEmpty()) {
            return;
        }
        if (old.card() != inReader.get()) {
            replaced.add(old);
            saveReplaced(replaced.size() - 1);
        }
        DemoCard kept = new DemoCard(accountNo, old.holder(), inReader.get(), old.meter());
        cards.put(accountNo, kept);
        save(kept);
    }

    /**
     * The card in the reader was just issued to {@code accountNo}: a reissue keeps the customer's
     * meter ({@link #keepInReader}); a first card written after the opening (补写首张卡) makes the
     * account a demo customer with a meter, as the opening does ({@link #keep}).
     */
    public synchronized void keepIssued(String accountNo, String holder, String meterNo) {
        if (cards.containsKey(accountNo)) {
            keepInReader(accountNo);
            return;
        }
        readers.card(readerName).ifPresent(card -> keep(accountNo, holder, meterNo, card));
    }

    /** The cards reissues replaced (已换卡), oldest first. */
    public synchronized List<DemoCard> replacedCards() {
        return List.copyOf(replaced);
    }

    /** The index among the {@link #replacedCards()} of the card in the reader, if it is a replaced one. */
    public synchronized Optional<Integer> replacedInReader() {
        Optional<VirtualCard> card = readers.card(readerName);
        for (int i = 0; card.isPresent() && i < replaced.size(); i++) {
            if (replaced.get(i).card() == card.get()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Puts replaced card {@code index} (an old card that turns up again) into the reader. */
    public synchronized void insertReplaced(int index) {
        DemoCard old = replaced.get(index);
        takeOut();
        readers.insert(readerName, old.card());
    }

    /** Puts the customer's card into the reader, taking out the card that was there. */
    public synchronized void insert(String accountNo) {
        DemoCard card = card(accountNo);
        takeOut();
        readers.insert(readerName, card.card());
    }

    /** Takes the card out of the reader (kept on disk as it is now). */
    public synchronized void takeOut() {
        readers.remove(readerName).ifPresent(removed -> {
            cards.values().stream().filter(d -> d.card() == removed).findFirst().ifPresent(this::save);
            for (int i = 0; i < replaced.size(); i++) {
                if (replaced.get(i).card() == removed) {
                    saveReplaced(i);
                }
            }
        });
    }

    /**
     * The customer takes the card home and puts it into the gas meter: out of the reader if it is
     * there, into the meter (which loads the purchase and writes its figures back), and kept.
     */
    public synchronized SimulatedMeter.Insertion putIntoMeter(String accountNo) {
        DemoCard card = card(accountNo);
        if (readers.card(readerName).filter(c -> c == card.card()).isPresent()) {
            takeOut();
        }
        try {
            return card.meter().insert(card.card());
        } finally {
            save(card);
        }
    }

    /** Writes every card and meter to disk (at exit). */
    public synchronized void saveAll() {
        cards.values().forEach(this::save);
    }

    private DemoCard card(String accountNo) {
        DemoCard card = cards.get(accountNo);
        if (card == null) {
            throw new IllegalArgumentException("no demo card for " + accountNo);
        }
        return card;
    }

    private void save(DemoCard card) {
        write(card, card.accountNo() + ".card");
    }

    /** A replaced card beside the current ones: {@code <account>-<n>.replaced}, read back by {@link #load()}. */
    private void saveReplaced(int index) {
        DemoCard old = replaced.get(index);
        write(old, old.accountNo() + "-" + (index + 1) + REPLACED);
    }

    private void write(DemoCard card, String name) {
        Properties p = new Properties();
        p.setProperty("accountNo", card.accountNo());
        p.setProperty("holder", card.holder());
        p.setProperty("kind", card.card().kind().name());
        p.setProperty("user", HEX.formatHex(card.card().userArea()));
        if (card.card().kind() == VirtualCard.Kind.SLE4442) {
            p.setProperty("psc", HEX.formatHex(card.card().psc()));
            p.setProperty("pscErrorCounter", Integer.toString(card.card().pscErrorCounter()));
        }
        SimulatedMeter meter = card.meter();
        p.setProperty("meter.no", meter.meterNo());
        p.setProperty("meter.remainingCentiM3", Long.toString(meter.remainingCentiM3()));
        p.setProperty("meter.cumulativeUseCentiM3", Long.toString(meter.cumulativeUseCentiM3()));
        p.setProperty("meter.tamperEvents", Integer.toString(meter.tamperEvents()));
        p.setProperty("meter.lastLoadedPurchase", Integer.toString(meter.lastLoadedPurchase()));
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name);
            Path temporary = directory.resolve(name + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, "CounterDesk demo card (演示卡) and its meter");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo card of " + card.accountNo(), e);
        }
    }

    private void load() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.filter(f -> f.getFileName().toString().endsWith(".card")
                    || f.getFileName().toString().endsWith(REPLACED)).sorted(java.util.Comparator
                    .comparing((Path f) -> replacedNumber(f)).thenComparing(Path::toString)).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo cards in " + directory, e);
        }
        for (Path file : files) {
            try {
                DemoCard card = read(file);
                if (file.getFileName().toString().endsWith(REPLACED)) {
                    replaced.add(card);
                } else {
                    cards.put(card.accountNo(), card);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "demo card " + file + " left out: it does not read", e);
            }
        }
    }

    /** 0 for a current card's file, n for {@code <account>-<n>.replaced}: the replaced ones in their order. */
    private static int replacedNumber(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(REPLACED)) {
            return 0;
        }
        String stem = name.substring(0, name.length() - REPLACED.length());
        return Integer.parseInt(stem.substring(stem.lastIndexOf('-') + 1));
    }

    private DemoCard read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        VirtualCard card = VirtualCard.Kind.valueOf(p.getProperty("kind")) == VirtualCard.Kind.SLE4442
                ? VirtualCard.sle4442() : VirtualCard.cpu();
        card.poke(0, HEX.parseHex(p.getProperty("user")));
        if (card.kind() == VirtualCard.Kind.SLE4442) {
            card.psc(HEX.parseHex(p.getProperty("psc")));
            card.pscErrorCounter(Integer.parseInt(p.getProperty("pscErrorCounter")));
        }
        SimulatedMeter meter = SimulatedMeter.restored(p.getProperty("meter.no"), keys,
                Long.parseLong(p.getProperty("meter.remainingCentiM3")),
                Long.parseLong(p.getProperty("meter.cumulativeUseCentiM3")),
                Integer.parseInt(p.getProperty("meter.tamperEvents")),
                Integer.parseInt(p.getProperty("meter.lastLoadedPurchase")));
        return new DemoCard(p.getProperty("accountNo"), p.getProperty("holder"), card, meter);
    }
}
