/**
 * The command line: picocli commands (one subpackage per noun) that parse options and hand the work to plain classes,
 * the composition root ({@link dev.ticdcctl.cli.Session}), and the one mapping of failures to exit codes.
 *
 * <p>A command names what it uses in its constructor, and the root's factory supplies each by its type: the views
 * of the session {@link dev.ticdcctl.cli.ClusterAccess} (clients, namespace, server), {@link dev.ticdcctl.cli.Printing}
 * (output, JSON mapper), {@link dev.ticdcctl.cli.Confirmations} (the prompter), {@link dev.ticdcctl.cli.Waiting}
 * (the poll loop and its bound), {@link dev.ticdcctl.cli.UserInput} (files, stdin, secrets in arguments) and
 * {@link dev.ticdcctl.cli.Configuration} (contexts file, settings), plus {@link dev.ticdcctl.cli.Environment} and
 * {@link dev.ticdcctl.cli.GlobalOptions}. Each view builds what it holds on first use, after parsing; clients and the
 * mapper are built once and are safe to share between the workers of a bulk action. Only the root's wiring, the
 * shell and completion's lookups hold a session.
 *
 * <p>Waiting has one name for each kind: {@link dev.ticdcctl.cli.Waiter} is the poll loop (deadline, interval,
 * status line; {@link dev.ticdcctl.cli.Waiter.Goal} says what it waits for) and
 * {@link dev.ticdcctl.cli.CliException.WaitTimedOut} its failure; {@link dev.ticdcctl.cli.Waiting} hands it to a
 * command with {@code --timeout}; in {@code cli.changefeed}, {@code ChangefeedSettle} waits for the owner to apply a
 * request just accepted, and {@code WaitForCondition} polls until a {@code ChangefeedCondition} of
 * {@code changefeed wait --for} holds. {@link dev.ticdcctl.cli.Watch} is no wait: it shows a view again and again.
 */
package dev.ticdcctl.cli;
