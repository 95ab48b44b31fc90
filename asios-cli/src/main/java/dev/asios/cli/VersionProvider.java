package dev.asios.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, and the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = AsiosCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "asios " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
