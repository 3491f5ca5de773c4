package dev.ticdcctl.cli;

/** What the user hands a command besides its arguments: files, stdin, and secrets given as arguments. */
public interface UserInput {
    /**
     * The bytes of an input file, or of stdin for "-", at most 16 MiB; an unreadable file, a closed stdin or a larger
     * input is invalid input.
     */
    byte[] readInput(String file);

    /** One line of stdin (a password, a sink URI), or null when stdin is empty; see {@link #readInput}. */
    String readStdinLine();

    /**
     * Warns that a secret given as an argument ({@code what}) can be read by other users, and what to do instead;
     * not inside the shell, which passes its lines in-process, where no process list shows them.
     */
    void warnVisibleInProcessList(String what, String instead);
}
