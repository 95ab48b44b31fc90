package dev.asios.cli.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.cli.UserException;
import dev.asios.tune.imports.TunedImport;
import dev.asios.tune.imports.TunedImporter;
import dev.asios.tune.profile.ProfileLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asios tune import-tuned DIR}: converts a tuned profile folder into an ASIOS profile.
 * Profiles it includes are merged in when they are folders next to it, as in
 * {@code /usr/lib/tuned}. Prints the YAML, or writes it with {@code --output}; what has no ASIOS
 * equivalent is listed on standard error (in the JSON with {@code --json}) and kept in the YAML
 * as comments. Changes nothing on the host.
 */
@Command(name = "import-tuned", mixinStandardHelpOptions = true,
        description = {"Converts a tuned profile (a folder with tuned.conf, as in /usr/lib/tuned) into an ASIOS profile.",
            "Includes found next to it are merged in; what has no ASIOS equivalent is kept as comments and listed as warnings."})
public final class TuneImportTunedCommand implements Callable<Integer> {

    private static final String SUFFIX = ".yaml";

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The tuned profile's folder, for example /usr/lib/tuned/latency-performance.")
    private Path directory;

    @Option(names = "--name", paramLabel = "NAME", description = "The ASIOS profile's name. Default: the folder's name, in lower case with dashes.")
    private String name;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the profile to FILE (named NAME.yaml), or to NAME.yaml in FILE if it is a folder.")
    private Path output;

    @Option(names = "--force", description = "Replace the --output file if it exists.")
    private boolean force;

    @Option(names = "--json", description = "Print JSON (name, yaml, imported, notImported) instead of the YAML.")
    private boolean json;

    @Override
    public Integer call() {
        Path folder = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder) || folder.getFileName() == null) {
            throw new UserException(directory + ": no such folder; give a tuned profile's folder, for example /usr/lib/tuned/latency-performance");
        }
        Path conf = folder.resolve(TunedFolder.CONF);
        if (!Files.isRegularFile(conf)) {
            throw new UserException(directory + ": no " + TunedFolder.CONF + " in it; a tuned profile is a folder with a " + TunedFolder.CONF);
        }
        String tunedName = folder.getFileName().toString();
        String profileName = name == null ? TunedImporter.defaultName(tunedName) : name;
        if (!ProfileLoader.isName(profileName)) {
            throw new UserException("--name '" + name + "' is not a profile name (lower case letters, digits and dashes, at most 64)");
        }
        Optional<Path> target = Optional.ofNullable(output).map(o -> target(o, profileName));
        TunedImport imported = TunedImporter.importProfile(profileName, tunedName, TunedFolder.read(conf), new TunedFolder(folder.getParent()));
        target.ifPresent(file -> write(file, imported.yaml()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(imported, target).toPrettyString());
        } else {
            PrintWriter err = spec.commandLine().getErr();
            imported.notImported().forEach(s -> err.println("not imported: " + s.setting() + " (" + s.source() + "): " + s.reason()));
            err.flush();
            target.ifPresentOrElse(file -> out.println("wrote " + file + ": " + imported.imported().size() + " tuned settings imported, "
                    + imported.notImported().size() + " not (listed in its comments); see it with: asios tune plan -p " + profileName
                    + " --profiles-dir " + file.getParent()), () -> out.print(imported.yaml()));
        }
        out.flush();
        return 0;
    }

    private Path target(Path given, String profileName) {
        if (Files.isDirectory(given)) {
            return given.resolve(profileName + SUFFIX);
        }
        if (!given.getFileName().toString().equals(profileName + SUFFIX)) {
            throw new UserException("--output " + given + ": ASIOS loads the profile " + profileName + " only from a file named " + profileName + SUFFIX
                    + "; name the file so, give a folder, or choose the name with --name");
        }
        return given;
    }

    private void write(Path file, String yaml) {
        StandardOpenOption mode = force ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.CREATE_NEW;
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode);
        } catch (FileAlreadyExistsException e) {
            throw new UserException(file + " exists; add --force to replace it");
        } catch (NoSuchFileException e) {
            throw new UserException("cannot write " + file + ": its folder does not exist");
        } catch (IOException e) {
            throw new UserException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static ObjectNode toJson(TunedImport imported, Optional<Path> target) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("name", imported.name());
        target.ifPresent(file -> root.put("output", file.toString()));
        root.put("yaml", imported.yaml());
        var settings = root.putArray("imported");
        imported.imported().forEach(i -> settings.addObject().put("setting", i.setting()).put("source", i.source())
                .put("asios", i.asiosKey()).put("value", i.value()).put("note", i.note()));
        var skipped = root.putArray("notImported");
        imported.notImported().forEach(s -> skipped.addObject().put("setting", s.setting()).put("source", s.source()).put("reason", s.reason()));
        return root;
    }
}
