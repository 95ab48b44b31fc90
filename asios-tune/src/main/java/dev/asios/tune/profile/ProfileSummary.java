package dev.asios.tune.profile;

/**
 * One line of {@code asios tune profiles}.
 *
 * @param name the profile's name
 * @param description its one-line purpose
 * @param source built in, the user's, or the user's in place of a built-in one
 * @param file the file it was read from
 */
public record ProfileSummary(String name, String description, ProfileSource source, String file) {
}
