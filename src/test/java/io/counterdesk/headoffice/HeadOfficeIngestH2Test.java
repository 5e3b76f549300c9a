package io.counterdesk.headoffice;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The acceptance rules on the embedded default: H2 in PostgreSQL mode, a real file. */
class HeadOfficeIngestH2Test extends HeadOfficeIngestContract {

    Path dir;

    @Override
    HeadOfficeStore openStore() throws Exception {
        dir = Files.createTempDirectory("headoffice-h2");
        return HeadOfficeStore.embedded(dir);
    }

    @AfterEach
    void deleteFiles() throws Exception {
        store.close();
        io.counterdesk.persistence.TestDatabase.deleteRecursively(dir);
    }
}
