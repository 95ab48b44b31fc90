package dev.asios.tune.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds, validates and merges tuning profiles: the built-in ones (classpath resources
 * {@code /dev/asios/tune/profiles/NAME.yaml}) and the user's ({@code NAME.yaml} files in a
 * directory, {@code /etc/asios/profiles} by default). A user profile with a built-in name
 * replaces the built-in one.
 *
 * <p>Every file is read and checked in full before a profile is returned; any problem is a
 * {@link ProfileException} with file, line and reason. Reads files on every call, so edits are
 * seen at once; thread-safe (no mutable state). A missing user directory is taken as empty.
 */
public final class ProfileLoader {

    /** Where users keep their own profiles. */
    public static final Path DEFAULT_USER_DIRECTORY = Path.of("/etc/asios/profiles");

    /** The built-in profiles, by name. */
    public static final List<String> BUILT_IN = List.of("balanced", "inference", "multi-tenant", "training");

    private static final String RESOURCE_DIRECTORY = "/dev/asios/tune/profiles/";
    private static final String SUFFIX = ".yaml";

    private final Path userDirectory;

    /** A loader for the built-in profiles and those in {@link #DEFAULT_USER_DIRECTORY}. */
    public ProfileLoader() {
        this(DEFAULT_USER_DIRECTORY);
    }

    /** A loader for the built-in profiles and those in {@code userDirectory}. */
    public ProfileLoader(Path userDirectory) {
        this.userDirectory = userDirectory;
    }

    /**
     * The profile {@code name} with everything it includes merged in: included profiles in
     * order, each later one winning over the earlier, and the profile's own settings over all.
     *
     * @throws ProfileException when there is no such profile, or it or anything it includes is
     *     bad, names an unknown profile or includes itself (the message shows the cycle)
     */
    public Profile load(String name) {
        if (!ProfileParser.NAME.matcher(name).matches()) {
            throw ProfileException.of("'" + name + "' is not a profile name (lower case letters, digits, dashes)");
        }
        ProfileDocument document = find(name).orElseThrow(() -> ProfileException.of(noSuchProfile(name)));
        return resolve(document, new ArrayList<>(List.of(name)));
    }

    /**
     * Every profile, built in and the user's, by name, each fully validated (includes too).
     *
     * @throws ProfileException on the first bad profile
     */
    public List<ProfileSummary> list() {
        List<ProfileSummary> summaries = new ArrayList<>();
        for (String name : names()) {
            Profile profile = load(name);
            summaries.add(new ProfileSummary(profile.name(), profile.description(), profile.source(), profile.file()));
        }
        summaries.sort(Comparator.comparing(ProfileSummary::name));
        return summaries;
    }

    private Profile resolve(ProfileDocument document, List<String> chain) {
        Profile merged = emptyLike(document.profile());
        for (YamlNode.Scalar include : document.includes()) {
            String included = include.text();
            if (chain.contains(included)) {
                List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(included), chain.size()));
                cycle.add(included);
                throw ProfileException.at(document.profile().file(), include.line(), "include loop: " + String.join(" -> ", cycle));
            }
            ProfileDocument child = find(included)
                    .orElseThrow(() -> ProfileException.at(document.profile().file(), include.line(), "include: " + noSuchProfile(included)));
            chain.add(included);
            merged = resolve(child, chain).over(merged);
            chain.removeLast();
        }
        return document.profile().over(merged);
    }

    private static Profile emptyLike(Profile profile) {
        return new Profile(profile.name(), profile.description(), profile.source(), profile.file(), List.of(),
                CpuSettings.NONE, MemorySettings.NONE, IrqSettings.NONE, NoiseSettings.NONE, IoSettings.NONE, NetworkSettings.NONE, BootSettings.NONE);
    }

    private Optional<ProfileDocument> find(String name) {
        Path userFile = userDirectory.resolve(name + SUFFIX);
        if (Files.isRegularFile(userFile)) {
            ProfileSource source = BUILT_IN.contains(name) ? ProfileSource.USER_OVERRIDES_BUILT_IN : ProfileSource.USER;
            return Optional.of(parseFile(userFile, name, source));
        }
        if (!BUILT_IN.contains(name)) {
            return Optional.empty();
        }
        String resource = RESOURCE_DIRECTORY + name + SUFFIX;
        try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile " + resource + " is missing from the classpath");
            }
            return Optional.of(ProfileParser.parse(decode(in.readAllBytes(), "builtin:" + resource), "builtin:" + resource, name, ProfileSource.BUILT_IN));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in profile " + resource, e);
        }
    }

    private static ProfileDocument parseFile(Path file, String name, ProfileSource source) {
        String label = file.toString();
        try {
            return ProfileParser.parse(decode(Files.readAllBytes(file), label), label, name, source);
        } catch (IOException e) {
            throw ProfileException.at(label, 0, "cannot read: " + e.getMessage());
        }
    }

    private static String decode(byte[] bytes, String label) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProfileException.at(label, 0, "not UTF-8 text");
        }
    }

    /** True if {@code name} is a valid profile name: lower case letters, digits and dashes, at most 64. */
    public static boolean isName(String name) {
        return ProfileParser.NAME.matcher(name).matches();
    }

    private TreeSet<String> names() {
        TreeSet<String> names = new TreeSet<>(BUILT_IN);
        names.addAll(userNames());
        return names;
    }

    private List<String> userNames() {
        if (!Files.isDirectory(userDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(userDirectory)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(SUFFIX))
                    .map(f -> f.substring(0, f.length() - SUFFIX.length()))
                    .filter(n -> ProfileParser.NAME.matcher(n).matches())
                    .toList();
        } catch (IOException e) {
            throw ProfileException.at(userDirectory.toString(), 0, "cannot list profiles: " + e.getMessage());
        }
    }

    private String noSuchProfile(String name) {
        return "no profile named '" + name + "' (known: " + String.join(", ", names()) + ")";
    }
}
