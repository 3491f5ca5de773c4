package dev.ticdcctl.output;

/** Values of {@code --color}. */
public enum ColorMode {
    auto, always, never
}
