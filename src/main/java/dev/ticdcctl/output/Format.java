package dev.ticdcctl.output;

/** Values of {@code -o/--output}; {@code toml} is for {@code changefeed export}. */
public enum Format {
    table, wide, json, yaml, toml
}
