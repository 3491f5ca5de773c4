package dev.ticdcctl.model;

/** {@code POST /tso}: the physical milliseconds and the logical counter, composed by {@link Tso#of}. */
public record TsoParts(long timestamp, long logicTime) {
    public Tso compose() {
        return Tso.of(timestamp, logicTime);
    }
}
