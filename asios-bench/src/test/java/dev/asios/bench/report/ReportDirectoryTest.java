package dev.asios.bench.report;

import static dev.asios.bench.report.ReportFixtures.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.asios.bench.BenchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDirectoryTest {

    private static final BenchRun RUN = new BenchRun(HOST, List.of(ReportFixtures.jitter()), List.of(), Optional.empty());

    @TempDir
    Path temp;

    @Test
    void writesThePageAndTheJsonDocumentAndLeavesNothingElse() throws Exception {
        Path dir = temp.resolve("reports/today");

        Path page = ReportDirectory.open(dir).write(RUN);

        assertThat(page).isEqualTo(dir.resolve("index.html"));
        assertThat(Files.readString(page)).isEqualTo(HtmlReport.page(RUN));
        assertThat(Files.readString(dir.resolve("results.json"))).isEqualTo(new BenchJson().document(RUN).toPrettyString() + System.lineSeparator());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html", "results.json");
        }
    }

    @Test
    void aSecondReportReplacesTheFirst() throws Exception {
        ReportDirectory dir = ReportDirectory.open(temp);
        dir.write(new BenchRun(HOST, List.of(), List.of(), Optional.of("stopped")));

        dir.write(RUN);

        assertThat(Files.readString(temp.resolve("index.html"))).doesNotContain("stopped early");
    }

    @Test
    void aFolderUnderAFileIsRefusedNamingTheOptionAndThePath() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "in the way");
        Path dir = file.resolve("sub");

        assertThatThrownBy(() -> ReportDirectory.open(dir)).isInstanceOf(BenchException.class)
                .hasMessageStartingWith("--report " + dir + ": cannot write there (").hasMessageContaining("Not a directory")
                .hasMessageEndingWith("give a directory that can be made and written, or leave out --report");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("index"), "in the way");

        assertThatThrownBy(() -> ReportDirectory.open(file)).isInstanceOf(BenchException.class)
                .hasMessageContaining("--report " + file + ": cannot write there (" + file + " exists and is not a directory)");
    }
}
