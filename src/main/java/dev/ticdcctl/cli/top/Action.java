package dev.ticdcctl.cli.top;

/** What top can do to the selected changefeed, as the commands of the same names do it. */
public enum Action {
    PAUSE("pause", "pausing", "paused"), RESUME("resume", "resuming", "resumed"),
    DELETE("delete", "deleting", "deleted");

    /** The verb, as the command is named. */
    public final String verb;
    final String progress;
    final String done;

    Action(String verb, String progress, String done) {
        this.verb = verb;
        this.progress = progress;
        this.done = done;
    }
}
