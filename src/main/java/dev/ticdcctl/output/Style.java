package dev.ticdcctl.output;

import dev.ticdcctl.model.ChangefeedState;

/** ANSI styles used for emphasis on terminals. */
public enum Style {
    PLAIN(""), GREEN("\u001b[32m"), YELLOW("\u001b[33m"), RED("\u001b[31m"), BLUE("\u001b[34m"), DIM("\u001b[2m"),
    BOLD("\u001b[1m"), REVERSE("\u001b[7m");

    private static final String RESET = "\u001b[0m";
    private final String code;

    Style(String code) {
        this.code = code;
    }

    public String apply(String text) {
        return code.isEmpty() ? text : code + text + RESET;
    }

    /** The colour of a changefeed state, as operators read them: healthy green, degraded yellow, broken red. */
    public static Style ofState(String state) {
        return switch (ChangefeedState.healthOf(state)) {
            case HEALTHY -> GREEN;
            case DEGRADED -> YELLOW;
            case BROKEN -> RED;
            case PAUSED -> BLUE;
            case ENDED -> DIM;
            case UNKNOWN -> PLAIN;
        };
    }
}
