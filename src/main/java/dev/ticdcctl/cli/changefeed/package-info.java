/**
 * The {@code changefeed} commands, and the plain classes they hand the work to. The waits are named for what they
 * wait for: {@code ChangefeedSettle} until the owner applied a request just accepted (create, pause, resume,
 * update --restart), {@code WaitForCondition} until the {@code ChangefeedCondition} of
 * {@code changefeed wait --for} holds; both run in {@link dev.ticdcctl.cli.Waiter}, the poll loop.
 */
package dev.ticdcctl.cli.changefeed;
