package dev.asios.host.kernel;

import dev.asios.host.parse.ParseException;
import java.util.Optional;

/**
 * Which kernel runs and how it was booted. Immutable.
 *
 * @param release the release string ({@code 6.8.0-45-generic}) from
 *     {@code /proc/sys/kernel/osrelease}, else from {@code /proc/version}
 * @param version the numeric part of the release, absent if the release is absent or unparseable
 * @param banner the whole first line of {@code /proc/version} (compiler, build flags such as
 *     {@code PREEMPT_RT} or {@code PREEMPT_DYNAMIC}, build date)
 * @param commandLine the boot parameters of {@code /proc/cmdline}
 */
public record KernelInfo(Optional<String> release, Optional<KernelVersion> version, Optional<String> banner,
        Optional<KernelCommandLine> commandLine) {

    // Format: "Linux version 6.8.0-45-generic (buildd@lcy02) (gcc ...) #45-Ubuntu SMP PREEMPT_DYNAMIC ..."
    /**
     * The release word of a {@code /proc/version} banner: the word after {@code Linux version}.
     *
     * @throws ParseException if the text does not start with {@code Linux version} and a word
     */
    public static String parseBannerRelease(String text) {
        String[] words = text.strip().split("\\s+", 4);
        if (words.length < 3 || !words[0].equals("Linux") || !words[1].equals("version")) {
            throw new ParseException("expected 'Linux version RELEASE ...', found '" + KernelText.abbreviate(text) + "'");
        }
        return words[2];
    }
}
