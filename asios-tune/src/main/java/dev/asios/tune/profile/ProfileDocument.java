package dev.asios.tune.profile;

import java.util.List;

/**
 * One profile file as written, validated but with its includes not yet merged.
 *
 * @param profile the file's own settings; {@code include} lists the names
 * @param includes the include names with their lines, for errors
 */
record ProfileDocument(Profile profile, List<YamlNode.Scalar> includes) {

    ProfileDocument {
        includes = List.copyOf(includes);
    }
}
