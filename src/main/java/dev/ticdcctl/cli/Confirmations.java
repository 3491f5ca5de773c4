package dev.ticdcctl.cli;

/** How a command asks before it changes something: at the terminal, or not at all with {@code --yes}. */
public interface Confirmations {
    Prompter prompter();
}
