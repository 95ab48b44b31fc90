package dev.asios.agent.dashboard;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes the README's screenshot of a running agent's dashboard: opens URL in headless Chromium at
 * 1440×1000, lets it poll for the given seconds of real time, and writes the PNG.
 * Usage: {@code DashboardScreenshot URL SECONDS OUT.png}.
 */
final class DashboardScreenshot {

    private DashboardScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path profile = Files.createTempDirectory("asios-chromium");
        try (HeadlessChromium chromium = HeadlessChromium.start(profile)) {
            chromium.viewport(1440, 1000);
            chromium.navigate(URI.create(args[0]));
            Thread.sleep(Long.parseLong(args[1]) * 1000);
            Files.write(Path.of(args[2]), chromium.screenshot());
        }
    }
}
