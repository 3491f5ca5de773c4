package dev.ticdcctl.output;

/** Values of {@code -o/--output}. */
public enum Format {
    table, wide, json, yaml
}
