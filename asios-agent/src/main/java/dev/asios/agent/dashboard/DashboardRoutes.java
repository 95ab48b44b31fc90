package dev.asios.agent.dashboard;

import dev.asios.agent.http.HttpApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The dashboard's routes: the page at {@code /}, its scripts and styles under
 * {@code /dashboard/}, and the uPlot charting library under {@code /assets/uplot/} (the files of
 * the WebJar's {@code dist} folder, such as {@code uPlot.iife.min.js} and {@code uPlot.min.css}).
 * The uPlot version is read from the WebJar's own {@code pom.properties}, so the page's URLs do
 * not change when the dependency does. Everything comes from the agent's classpath; nothing is
 * fetched from the internet. Unknown files answer a JSON 404, unsafe paths a JSON 400.
 * Thread-safe once built.
 */
public final class DashboardRoutes {

    /** Where the page, its scripts and styles are, as a classpath folder. */
    static final String PAGE_FOLDER = "dev/asios/agent/dashboard/";
    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private final ClasspathFiles page;
    private final ClasspathFiles uplot;

    /**
     * Routes over the agent's own classpath.
     *
     * @throws IllegalStateException if the uPlot WebJar is not on the classpath (a broken build)
     */
    public DashboardRoutes() {
        ClassLoader loader = DashboardRoutes.class.getClassLoader();
        this.page = new ClasspathFiles(loader, PAGE_FOLDER);
        this.uplot = new ClasspathFiles(loader, "META-INF/resources/webjars/uplot/" + uplotVersion(loader) + "/dist/");
    }

    /** Adds {@code /}, {@code /dashboard/} and {@code /assets/uplot/} to {@code server}. */
    public void install(HttpApiServer server) {
        server.route("/", request -> page.serve("index.html"));
        server.route("/dashboard/", request -> page.serve(request.path().substring("/dashboard/".length())));
        server.route("/assets/uplot/", request -> uplot.serve(request.path().substring("/assets/uplot/".length())));
    }

    /** The uPlot version of the WebJar on the classpath, from its {@code pom.properties}. */
    private static String uplotVersion(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar is not on the agent's classpath (" + UPLOT_POM + " is missing); rebuild the agent");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null || version.isBlank()) {
                throw new IllegalStateException(UPLOT_POM + " names no version; rebuild the agent");
            }
            return version.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UPLOT_POM + ": " + e.getMessage(), e);
        }
    }
}
