package io.counterdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.counterdesk.persistence.DatabaseLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the data lives: a checkout keeps ~/.counterdesk/data, an installed program the OS's place (issue 17 §2). */
class DataHomeTest {

    private static final Map<String, String> INSTALLED = Map.of("counterdesk.installed", "true");

    @TempDir
    Path home;

    @Test
    void aCheckoutKeepsItsOldPlace() {
        DataHome data = new DataHome(Map.of(), Map.of(), home, "Linux");
        assertThat(data.resolve(text -> { }).directory()).isEqualTo(home.resolve(".counterdesk/data"));
    }

    @Test
    void anInstalledProgramUsesTheOperatingSystemsPlace() {
        assertThat(new DataHome(Map.of(), INSTALLED, home, "Linux").chosenDirectory())
                .isEqualTo(home.resolve(".local/share/counterdesk"));
        assertThat(new DataHome(Map.of("XDG_DATA_HOME", "/srv/xdg"), INSTALLED, home, "Linux").chosenDirectory())
                .isEqualTo(Path.of("/srv/xdg/counterdesk"));
        assertThat(new DataHome(Map.of("ProgramData", "D:\\ProgramData"), INSTALLED, home, "Windows 11").chosenDirectory())
                .isEqualTo(Path.of("D:\\ProgramData", "CounterDesk"));
    }

    @Test
    void aSharedCounterPcNamesItsDirectory() {
        assertThat(new DataHome(Map.of("COUNTERDESK_DATA", "/var/lib/counterdesk"), INSTALLED, home, "Linux").chosenDirectory())
                .isEqualTo(Path.of("/var/lib/counterdesk"));
        assertThat(new DataHome(Map.of(), Map.of("counterdesk.data", "/srv/cd"), home, "Linux").chosenDirectory())
                .isEqualTo(Path.of("/srv/cd"));
    }

    @Test
    void oldDataMovesToTheNewPlaceWithANoteLeftBehind() throws IOException {
        Path legacy = home.resolve(".counterdesk/data");
        Files.createDirectories(legacy.resolve("reports"));
        Files.writeString(legacy.resolve("counterdesk.mv.db"), "old database");
        Files.writeString(legacy.resolve("reports/day.pdf"), "report");
        List<String> notices = new ArrayList<>();

        DatabaseLocation location = new DataHome(Map.of(), INSTALLED, home, "Linux").resolve(notices::add);

        Path moved = home.resolve(".local/share/counterdesk");
        assertThat(location.directory()).isEqualTo(moved);
        assertThat(moved.resolve("counterdesk.mv.db")).hasContent("old database");
        assertThat(moved.resolve("reports/day.pdf")).hasContent("report");
        assertThat(legacy).doesNotExist();
        assertThat(home.resolve(".counterdesk/" + DataHome.NOTE)).content().contains(moved.toString());
        assertThat(notices).singleElement().asString().contains("moved");
    }

    @Test
    void whenTheNewPlaceHoldsSomethingTheOldDataIsUsedWhereItIs() throws IOException {
        Path legacy = home.resolve(".counterdesk/data");
        Files.createDirectories(legacy);
        Files.writeString(legacy.resolve("counterdesk.mv.db"), "old database");
        Path chosen = home.resolve(".local/share/counterdesk");
        Files.createDirectories(chosen);
        Files.writeString(chosen.resolve("notes.txt"), "someone's file");
        List<String> notices = new ArrayList<>();

        DatabaseLocation location = new DataHome(Map.of(), INSTALLED, home, "Linux").resolve(notices::add);

        assertThat(location.directory()).isEqualTo(legacy);
        assertThat(legacy.resolve("counterdesk.mv.db")).hasContent("old database");
        assertThat(notices).singleElement().asString().contains("using the data in").contains("not empty");
    }

    @Test
    void aDatabaseAlreadyInTheNewPlaceWins() throws IOException {
        Path legacy = home.resolve(".counterdesk/data");
        Files.createDirectories(legacy);
        Files.writeString(legacy.resolve("counterdesk.mv.db"), "old");
        Path chosen = home.resolve(".local/share/counterdesk");
        Files.createDirectories(chosen);
        Files.writeString(chosen.resolve("counterdesk.mv.db"), "new");

        assertThat(new DataHome(Map.of(), INSTALLED, home, "Linux").resolve(t -> { }).directory()).isEqualTo(chosen);
        assertThat(legacy.resolve("counterdesk.mv.db")).hasContent("old");
    }
}
