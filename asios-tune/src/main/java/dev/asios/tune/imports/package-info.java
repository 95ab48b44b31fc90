/**
 * Imports profiles of other tuning tools as ASIOS profiles: tuned's {@code tuned.conf}, parsed
 * ({@link dev.asios.tune.imports.TunedConf}), merged with its includes and converted
 * ({@link dev.asios.tune.imports.TunedImporter}) into YAML that the profile loader accepts, with
 * what has no ASIOS equivalent kept as comments. Pure: files are read by the caller through
 * {@link dev.asios.tune.imports.TunedSource}.
 */
package dev.asios.tune.imports;
