package dev.asios.agent.dashboard;

import dev.asios.agent.http.HttpStatusException;
import dev.asios.agent.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Files below one classpath folder, served by name with the content type of their extension.
 * A name is a relative path of plain segments: an empty segment, {@code .}, {@code ..}, a
 * backslash or a control character is refused (400), so no request reaches outside the folder;
 * a missing file or an extension the dashboard does not serve answers 404. Thread-safe.
 */
final class ClasspathFiles {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json");

    private final ClassLoader loader;
    private final String folder;

    /** Files below {@code folder} (a resource path ending with {@code /}) of {@code loader}. */
    ClasspathFiles(ClassLoader loader, String folder) {
        if (!folder.endsWith("/") || folder.startsWith("/")) {
            throw new IllegalArgumentException("resource folder must be relative and end with '/': " + folder);
        }
        this.loader = loader;
        this.folder = folder;
    }

    /**
     * The file {@code name} as a 200 response.
     *
     * @throws HttpStatusException 400 for a name that is not a plain relative path, 404 for a
     *     file that is not there or has a type the dashboard does not serve
     */
    Response serve(String name) {
        refuseUnsafe(name);
        String contentType = CONTENT_TYPES.get(extension(name));
        if (contentType == null) {
            throw HttpStatusException.notFound("no dashboard file " + name + ": only " + String.join(", ", CONTENT_TYPES.keySet().stream().sorted().toList())
                    + " files are served");
        }
        try (InputStream in = loader.getResourceAsStream(folder + name)) {
            if (in == null) {
                throw HttpStatusException.notFound("no dashboard file " + name);
            }
            return Response.ok(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + name + " from the agent's jar: " + e.getMessage(), e);
        }
    }

    private static void refuseUnsafe(String name) {
        if (name.isEmpty()) {
            throw HttpStatusException.notFound("no file named; give a file name after the folder");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw HttpStatusException.badRequest("file paths are plain names separated by '/'; '" + name + "' has an empty, '.' or '..' segment");
            }
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) {
                throw HttpStatusException.badRequest("file paths may not hold a backslash or control character: '" + name.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
