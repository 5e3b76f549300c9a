package io.counterdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchFileTest {

    final TestChain chain = new TestChain("HZ01", "HZ01-T01", LocalDate.of(2025, 3, 10)).open(1).pay(1, 12_300).pay(1, 4_560);

    @Test
    void aBatchReadsBackWithItsManifestFiguresAndItsTerminalsSignature() throws Exception {
        byte[] bytes = chain.nextBatch();
        BatchFile.Decoded d = BatchFile.decode(bytes);
        Manifest m = d.manifest();
        assertThat(d.signedBy(chain.key.getPublic())).isTrue();
        assertThat(BatchFile.problems(d)).isEmpty();
        assertThat(m.seq()).isEqualTo(1);
        assertThat(m.firstJournalSeq()).isEqualTo(1);
        assertThat(m.lastJournalSeq()).isEqualTo(3);
        assertThat(m.eventCount()).isEqualTo(3);
        assertThat(m.types().get("PAYMENT")).isEqualTo(new Manifest.TypeTotal(2, 16_860));
        assertThat(m.types().get("TILL_OPENED")).isEqualTo(new Manifest.TypeTotal(1, 50_000));
        assertThat(m.businessDays()).containsExactly("2025-03-10");
        assertThat(d.lines()).extracting(l -> l.event().hash()).doesNotHaveDuplicates();
    }

    @Test
    void everyChangedByteIsFoundByTheSignatureOrTheFormat() throws Exception {
        byte[] bytes = chain.nextBatch();
        for (int i = 0; i < bytes.length; i++) {
            byte[] bad = bytes.clone();
            bad[i] ^= 0x01;
            boolean refused;
            try {
                BatchFile.Decoded d = BatchFile.decode(bad);
                refused = !d.signedBy(chain.key.getPublic()) || !BatchFile.problems(d).isEmpty();
            } catch (BatchFormatException e) {
                refused = true;
            }
            assertThat(refused).as("byte %d changed", i).isTrue();
        }
    }

    @Test
    void anotherKeysSignatureIsNotTheTerminals() throws Exception {
        byte[] bytes = chain.nextBatch(SyncKeys.generate());
        assertThat(BatchFile.decode(bytes).signedBy(chain.key.getPublic())).isFalse();
    }

    @Test
    void aManifestThatLiesAboutItsContentIsFoundEvenWhenSignedByTheRightKey() throws Exception {
        BatchFile.Decoded d = BatchFile.decode(chain.nextBatch());
        Manifest m = d.manifest();
        Manifest lying = new Manifest(m.format(), m.schemaVersion(), m.hall(), m.terminal(), m.epoch(), m.seq(),
                m.firstJournalSeq(), m.lastJournalSeq(), m.chainPrevHash(), m.lastHash(), m.previousBatchSha256(),
                m.madeAt(), m.zone(), m.businessDays(), m.eventCount(),
                java.util.Map.of("PAYMENT", new Manifest.TypeTotal(2, 1), "TILL_OPENED", new Manifest.TypeTotal(1, 50_000)),
                m.downstreamCursor());
        BatchFile.Decoded re = BatchFile.decode(BatchFile.encode(lying, d.lines(), chain.key.getPrivate()));
        assertThat(re.signedBy(chain.key.getPublic())).isTrue();
        assertThat(BatchFile.problems(re)).containsExactly("manifest does not match the content");
    }

    @Test
    void anEditedEventIsFoundByItsHash() throws Exception {
        BatchFile.Decoded d = BatchFile.decode(chain.nextBatch());
        var e = d.lines().get(1).event();
        var edited = new io.counterdesk.persistence.JournalEvent(e.seq(), e.occurredAt(), e.terminalCode(), e.staffNo(),
                e.type(), e.subject(), e.payload().replace("12300", "12000"), e.prevHash(), e.hash());
        List<BatchLine> lines = List.of(d.lines().get(0), new BatchLine(edited, d.lines().get(1).businessDay()), d.lines().get(2));
        BatchFile.Decoded re = BatchFile.decode(BatchFile.encode(d.manifest(), lines, chain.key.getPrivate()));
        assertThat(BatchFile.problems(re)).containsExactly("event 2 does not match its hash");
    }

    @Test
    void anAcknowledgementCountsOnlyWithHeadOfficesSignatureAndForExactlyThoseBytes() throws Exception {
        var headOffice = SyncKeys.generate();
        byte[] bytes = chain.nextBatch();
        Manifest m = BatchFile.decode(bytes).manifest();
        byte[] ack = new Ack(m.hall(), m.terminal(), 1, 1, BatchFile.sha256(bytes), 3, "now").sign(headOffice.getPrivate());
        assertThat(Ack.verify(ack, headOffice.getPublic()).names(m, BatchFile.sha256(bytes))).isTrue();
        assertThat(Ack.verify(ack, headOffice.getPublic()).names(m, BatchFile.sha256(new byte[] {1}))).isFalse();
        assertThatThrownBy(() -> Ack.verify(ack, SyncKeys.generate().getPublic())).isInstanceOf(BatchFormatException.class);
        byte[] bad = ack.clone();
        bad[10] ^= 1;
        assertThatThrownBy(() -> Ack.verify(bad, headOffice.getPublic())).isInstanceOf(BatchFormatException.class);
    }

    /** ADR 0026: the decoder's own reading of times and days is {@link java.time.Instant#parse}'s and {@link LocalDate#parse}'s. */
    @Test
    void timesAndDaysReadAsTheJdkReadsThem() {
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < 20_000; i++) {
            java.time.Instant at = java.time.Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    i % 3 == 0 ? random.nextInt(1_000_000_000) : 0);
            assertThat(BatchFile.instant(at.toString())).isEqualTo(at);
            LocalDate day = LocalDate.ofEpochDay(random.nextLong(-700_000, 2_900_000));
            assertThat(BatchFile.date(day.toString())).isEqualTo(day);
        }
        // odd texts: refused where the JDK refuses them, else the JDK's instant (24:00 and a leap second it takes)
        for (String odd : List.of("2025-02-30T10:00:00Z", "2025-13-01T10:00:00Z", "2025-03-10T24:00:00Z",
                "2016-12-31T23:59:60Z", "2025-03-10T10:60:00Z", "2025-03-1xT10:00:00Z", "2025-03-10 10:00:00Z",
                "+2025-03-10T10:00:00Z", "2025-03-10T10:00:00+08:00", "", "2025-03-10T10:00:00.5Z",
                "2025-03-10T10:00:00.12Z", "2025-03-10T10:00:00.1234567891Z", "2025-03-10T10:00:00.Z",
                "2025-03-10T24:00:00.5Z", "2016-12-31T23:59:60.5Z", "2025-03-10T10:00:00.-1Z", "2025-03-10T10:00:00.1x3Z",
                "2025-02-30T10:00:00.250Z")) {
            java.time.Instant jdk;
            try {
                jdk = java.time.Instant.parse(odd);
            } catch (java.time.DateTimeException e) {
                assertThatThrownBy(() -> BatchFile.instant(odd)).as(odd).isInstanceOf(java.time.DateTimeException.class);
                continue;
            }
            assertThat(BatchFile.instant(odd)).as(odd).isEqualTo(jdk);
        }
        for (String bad : List.of("2025-02-29", "2025-00-10", "2025-3-10", "2025-03-1x", "20250310")) {
            assertThatThrownBy(() -> BatchFile.date(bad)).as(bad).isInstanceOf(java.time.DateTimeException.class);
        }
    }

    /** The content's lines, read by the streaming parser: a line without a field or with a nested value is refused. */
    @Test
    void contentLinesWithoutAFieldOrWithAnObjectForAValueAreRefused() throws Exception {
        BatchFile.Decoded d = BatchFile.decode(chain.nextBatch());
        String good = new String(gunzip(d), java.nio.charset.StandardCharsets.UTF_8);
        String first = good.substring(0, good.indexOf('\n'));
        assertThat(BatchFile.decode(withContent(d, first + "\n")).lines()).hasSize(1);
        assertThat(BatchFile.decode(withContent(d, "{\"later\":7," + first.substring(1))).lines().get(0))
                .isEqualTo(d.lines().get(0));
        for (String bad : List.of(first.replace("\"hash\":", "\"hush\":"), first.replace("\"day\":", "\"day\":{\"x\":1},\"d\":"),
                "[1]", first.substring(0, first.length() - 1), "7")) {
            assertThatThrownBy(() -> BatchFile.decode(withContent(d, bad))).as(bad).isInstanceOf(BatchFormatException.class);
        }
    }

    /** The gzip trailer's content length sizes the read: one that lies (small, huge) is refused, the true one reads back. */
    @Test
    void aContentLengthInTheGzipTrailerThatLiesIsRefused() throws Exception {
        BatchFile.Decoded d = BatchFile.decode(chain.nextBatch());
        byte[] raw = gunzip(d);
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(raw);
        }
        byte[] content = gz.toByteArray();
        assertThat(BatchFile.decode(signed(d, content)).lines()).isEqualTo(d.lines());
        for (int said : new int[] {0, 1, raw.length - 1, raw.length + 1, Integer.MAX_VALUE, -1}) {
            byte[] lying = content.clone();
            for (int i = 0; i < 4; i++) {
                lying[lying.length - 4 + i] = (byte) (said >>> (8 * i));
            }
            assertThatThrownBy(() -> BatchFile.decode(signed(d, lying))).as("length %d", said)
                    .isInstanceOf(BatchFormatException.class);
        }
    }

    private byte[] signed(BatchFile.Decoded d, byte[] content) throws Exception {
        return BatchFile.signed(BatchFile.MAGIC, chain.key.getPrivate(), BatchFile.JSON.writeValueAsBytes(d.manifest()), content);
    }

    private static byte[] gunzip(BatchFile.Decoded d) throws Exception {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(d.bytes());
        in.position(4);
        in.position(in.position() + 4 + in.getInt(4));
        byte[] content = new byte[in.getInt()];
        in.get(content);
        return new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(content)).readAllBytes();
    }

    private byte[] withContent(BatchFile.Decoded d, String lines) throws Exception {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return BatchFile.signed(BatchFile.MAGIC, chain.key.getPrivate(), BatchFile.JSON.writeValueAsBytes(d.manifest()),
                gz.toByteArray());
    }
}
