/** Finding and running the outside programs the run layer uses ({@code nvidia-smi}, {@code cc}), with time limits. */
package dev.asios.run.command;
