/**
 * The command line: picocli commands (one subpackage per noun) that parse options and hand the work to plain classes,
 * the composition root ({@link dev.ticdcctl.cli.Session}), and the one mapping of failures to exit codes.
 */
package dev.ticdcctl.cli;
